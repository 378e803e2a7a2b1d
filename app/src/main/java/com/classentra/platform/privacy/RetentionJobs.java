package com.classentra.platform.privacy;

import com.classentra.platform.jobs.RecurringTaskSource;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.OffsetDateTime;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** One job per retention rule of the registry, named {@code retention-<rule>}. */
@Component
class RetentionJobs implements RecurringTaskSource {

    private static final Logger log = LoggerFactory.getLogger(RetentionJobs.class);

    private final PersonalDataRegistry registry;
    private final RetentionPurge purge;

    RetentionJobs(PersonalDataRegistry registry, RetentionPurge purge) {
        this.registry = registry;
        this.purge = purge;
    }

    @Override
    public List<RecurringTask<?>> recurringTasks() {
        return registry.retentionRules().stream().<RecurringTask<?>>map(rule -> {
            purge.counter(rule);
            return Tasks.recurring(rule.jobName(), Schedules.fixedDelay(rule.every())).execute((instance, context) -> {
                int deleted = purge.purge(rule, OffsetDateTime.now());
                if (deleted > 0) {
                    log.info("Retention {}: deleted {} row(s) of {}, {}", rule.name(), deleted, rule.table().getName(), rule.period());
                }
            });
        }).toList();
    }
}
