package com.classentra.platform.errors;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Error reports' dispatch, every few seconds; their retention rule is in the personal-data registry. */
@Configuration(proxyBeanMethods = false)
class ErrorReportJobs {

    @Bean
    RecurringTask<Void> errorReportDispatch(ErrorReportDispatcher dispatcher,
            @Value("${classentra.errors.dispatch-interval:5s}") Duration interval) {
        return Tasks.recurring("error-report-dispatch", Schedules.fixedDelay(interval))
                .execute((instance, context) -> dispatcher.dispatchDue(50, Duration.ofSeconds(25)));
    }
}
