package com.classentra.platform.storage;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs the storage copy in the background; on one node at a time, as db-scheduler runs each execution once. */
@Configuration(proxyBeanMethods = false)
class StorageMigrationJobs {

    @Bean
    RecurringTask<Void> storageMigrationCopy(StorageCopier copier,
            @Value("${classentra.storage-migration.interval:5s}") Duration interval) {
        return Tasks.recurring("storage-migration-copy", Schedules.fixedDelay(interval))
                .execute((instance, context) -> copier.step(Duration.ofSeconds(50)));
    }
}
