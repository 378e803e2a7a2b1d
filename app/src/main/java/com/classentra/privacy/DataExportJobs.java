package com.classentra.privacy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Building requested exports, and deleting archives once their week is over. */
@Configuration(proxyBeanMethods = false)
class DataExportJobs {

    @Bean
    RecurringTask<Void> dataExportBuild(DataExportBuilder builder, @Value("${classentra.privacy.export-interval:5s}") Duration interval) {
        return Tasks.recurring("data-export-build", Schedules.fixedDelay(interval))
                .execute((instance, context) -> builder.buildDue(Duration.ofMinutes(10)));
    }

    @Bean
    RecurringTask<Void> dataExportExpiry(DataExportBuilder builder) {
        return Tasks.recurring("data-export-expiry", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> builder.deleteExpired(100));
    }
}
