package com.classentra.accounts;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Retention jobs of the accounts feature. */
@Configuration(proxyBeanMethods = false)
class AccountJobs {

    private static final Logger log = LoggerFactory.getLogger(AccountJobs.class);

    @Bean
    RecurringTask<Void> surveyResponseRetention(OnboardingSurvey survey) {
        return Tasks.recurring("survey-response-retention", Schedules.daily(LocalTime.of(3, 41)))
                .execute((instance, context) -> log.info("Survey retention: deleted {} response(s) older than 5 years",
                        survey.deleteExpired(OffsetDateTime.now())));
    }
}
