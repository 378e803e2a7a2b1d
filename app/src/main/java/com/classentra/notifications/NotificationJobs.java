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
 * Notification email: every few seconds, preferences applied and due digests sent; each morning, the digests opened.
 * The queues report their lag and failures (QueueDrain), the jobs theirs (JobMetrics).
 */
@Configuration(proxyBeanMethods = false)
class NotificationJobs {

    private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);

    @Bean
    RecurringTask<Void> notificationEmail(NotificationMailer mailer,
            @Value("${classentra.notifications.email-interval:5s}") Duration interval) {
        return Tasks.recurring("notification-email", Schedules.fixedDelay(interval))
                .execute((instance, context) -> {
                    mailer.emailDue(100, Duration.ofSeconds(20));
                    mailer.sendDigestsDue(50, Duration.ofSeconds(20));
                });
    }

    /** In the morning of the server's time zone, when a summary of yesterday is useful. */
    @Bean
    RecurringTask<Void> notificationDigest(NotificationMailer mailer) {
        return Tasks.recurring("notification-digest", Schedules.daily(LocalTime.of(7, 0)))
                .execute((instance, context) -> log.info("Notification digest: opened the digests of {} person(s)", mailer.openDigests()));
    }
}
