package com.classentra.legal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Makes announced subprocessor changes on their day (UTC): hourly, so a change is in effect within the first hour of it. */
@Configuration(proxyBeanMethods = false)
class SubprocessorChangeJobs {

    @Bean
    RecurringTask<Void> subprocessorChangesOnTheirDay(SubprocessorChanges changes) {
        return Tasks.recurring("subprocessor-changes", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> changes.applyDue(LocalDate.now(ZoneOffset.UTC)));
    }
}
