package com.classentra.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on random ports, on a fresh database (the local PostgreSQL when one answers on
 * 127.0.0.1:5432, an embedded one otherwise), with the test plugins installed. Test classes with this
 * annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "classentra.plugins.call-timeout=2s",
        "classentra.plugins.health-timeout=2s",
        "classentra.plugins.state-refresh=0s",
        // Test peers (GreenMail, WireMock, s3proxy, Redis) listen on this machine.
        "classentra.plugins.allow-private-endpoints=true",
        "classentra.outbox.dispatch-interval=1h",
        // Tests copy storage migrations themselves (StorageCopier.step), in pages small enough to cross a page boundary.
        "classentra.storage-migration.interval=1h",
        "classentra.storage-migration.page-size=20",
        "classentra.storage-migration.settle-time=0s",
        // Tests send error reports themselves, once they have made them due.
        "classentra.errors.dispatch-interval=1h",
        // Tests purge deleted files themselves.
        "classentra.files.purge-interval=1h",
        // Tests make rooms, apply webhooks and clean up at video providers themselves, so they see each step.
        "classentra.live.room-interval=1h",
        "classentra.live.cleanup-interval=1h",
        "classentra.live.attendance-interval=1h",
        "classentra.webhooks.interval=1h",
        // Tests apply notification email preferences themselves, so they see each state change.
        "classentra.notifications.email-interval=1h",
        // Tests announce new versions of legal documents themselves, batch by batch.
        "classentra.policy-notices.interval=1h",
        // Vaadin's development tools (Copilot toolbar, "development mode" popup) would cover the page in browser tests.
        "vaadin.devmode.devTools.enabled=false"})
@ContextConfiguration(initializers = TestEnvironment.class)
public @interface ClassentraTest {
}
