package com.classentra.privacy;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Erasing accounts once their cool-off is over: hourly, so a deletion is done within hours of its 7 days. */
@Configuration(proxyBeanMethods = false)
class AccountDeletionJobs {

    @Bean
    RecurringTask<Void> accountDeletion(AccountDeletionPipeline pipeline) {
        return Tasks.recurring("account-deletion", Schedules.fixedDelay(Duration.ofHours(1)))
                .execute((instance, context) -> pipeline.runDue(OffsetDateTime.now()));
    }
}
