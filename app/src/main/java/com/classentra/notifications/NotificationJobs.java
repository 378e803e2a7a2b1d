package com.classentra.notifications;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.LocalTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Notification email: applying preferences every few seconds, and the daily digest. Lag and failures are
 * reported by JobMetrics like every db-scheduler job.
 */
@Configuration(proxyBeanMethods = false)
class NotificationJobs {

    private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);

    private static final int BATCH = 100;

    @Bean
    RecurringTask<Void> notificationEmail(NotificationMailer mailer,
            @Value("${classentra.notifications.email-interval:5s}") Duration interval) {
        return Tasks.recurring("notification-email", Schedules.fixedDelay(interval))
                .execute((instance, context) -> {
                    int handled;
                    do {
                        handled = mailer.emailPending(BATCH);
                    } while (handled == BATCH);
                });
    }

    /** In the morning of the server's time zone, when a summary of yesterday is useful. */
    @Bean
    RecurringTask<Void> notificationDigest(NotificationMailer mailer) {
        return Tasks.recurring("notification-digest", Schedules.daily(LocalTime.of(7, 0)))
                .execute((instance, context) -> {
                    int people = 0;
                    int batch;
                    do {
                        batch = mailer.sendDigests(BATCH);
                        people += batch;
                    } while (batch > 0);
                    log.info("Notification digest: handled the digests of {} person(s)", people);
                });
    }
}
