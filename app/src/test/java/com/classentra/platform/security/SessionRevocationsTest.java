package com.classentra.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.platform.db.ScopedTransactions;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.TestAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The moment before which sessions are void reads back the same from PostgreSQL as from this node's memory. */
@ClassentraTest
class SessionRevocationsTest {

    @Autowired
    DSLContext db;
    @Autowired
    ScopedTransactions scoped;
    @Autowired
    TestAccounts accounts;

    @Test
    void aSessionMarkedAtTheRevocationInstantSurvivesTheRoundTripThroughTheDatabase() {
        UUID person = accounts.create(Role.TEACHER).id();
        // Nanoseconds, as Instant.now() gives on Linux; PostgreSQL keeps microseconds and rounds, here upwards.
        Instant keptSessionSignedInAt = Instant.parse("2026-12-02T10:00:00.123456789Z");
        SessionRevocations writer = new SessionRevocations(db, scoped, Duration.ofHours(1));
        SessionRevocations otherNode = new SessionRevocations(db, scoped, Duration.ZERO);

        writer.revoke(person, keptSessionSignedInAt);

        assertThat(writer.revokedBefore(person)).isBeforeOrEqualTo(keptSessionSignedInAt);
        assertThat(otherNode.revokedBefore(person)).isBeforeOrEqualTo(keptSessionSignedInAt)
                .isAfter(keptSessionSignedInAt.minusNanos(1_000));
    }
}
