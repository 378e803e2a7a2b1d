package com.classentra.platform.outbox;

import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.jobs.QueueDrain;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox's background jobs: dispatch every few seconds, and the daily purge of sent email. */
@Configuration(proxyBeanMethods = false)
class OutboxJobs {

    private static final Logger log = LoggerFactory.getLogger(OutboxJobs.class);

    @Bean
    RecurringTask<Void> emailOutboxDispatch(OutboxDispatcher dispatcher,
            @Value("${classentra.outbox.dispatch-interval:2s}") Duration interval) {
        return Tasks.recurring("email-outbox-dispatch", Schedules.fixedDelay(interval))
                .execute((instance, context) -> dispatcher.dispatchDue(50, Duration.ofSeconds(25)));
    }

    /** Sent messages hold addresses and content: keep them only as long as support needs them. */
    @Bean
    RecurringTask<Void> emailOutboxRetention(OutboxRepository outbox, PlatformScope platformScope,
            @Value("${classentra.outbox.keep-sent:30d}") Duration keepSent) {
        return Tasks.recurring("email-outbox-retention", Schedules.daily(LocalTime.of(3, 17)))
                .execute((instance, context) -> {
                    OffsetDateTime cutOff = OffsetDateTime.now().minus(keepSent);
                    int purged = QueueDrain.purgeInBatches(platformScope, "outbox retention",
                            () -> outbox.purgeSentBefore(cutOff, 1000));
                    log.info("Outbox retention: deleted {} sent email(s) older than {}", purged, keepSent);
                });
    }
}
