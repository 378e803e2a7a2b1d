package com.classentra.platform.errors;

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

/** Error reports' background jobs: dispatch every few seconds, and the daily purge of old reports. */
@Configuration(proxyBeanMethods = false)
class ErrorReportJobs {

    private static final Logger log = LoggerFactory.getLogger(ErrorReportJobs.class);

    @Bean
    RecurringTask<Void> errorReportDispatch(ErrorReportDispatcher dispatcher,
            @Value("${classentra.errors.dispatch-interval:5s}") Duration interval) {
        return Tasks.recurring("error-report-dispatch", Schedules.fixedDelay(interval))
                .execute((instance, context) -> dispatcher.dispatchDue(50, Duration.ofSeconds(25)));
    }

    /** A report is useful while it is fresh: sent, dead and never-sent ones go after {@code classentra.errors.keep}. */
    @Bean
    RecurringTask<Void> errorReportRetention(ErrorReportRepository reports, PlatformScope platformScope,
            @Value("${classentra.errors.keep:7d}") Duration keep) {
        return Tasks.recurring("error-report-retention", Schedules.daily(LocalTime.of(3, 53)))
                .execute((instance, context) -> {
                    OffsetDateTime cutOff = OffsetDateTime.now().minus(keep);
                    int purged = QueueDrain.purgeInBatches(platformScope, "error report retention",
                            () -> reports.purgeCreatedBefore(cutOff, 1000));
                    log.info("Error report retention: deleted {} report(s) older than {}", purged, keep);
                });
    }
}
