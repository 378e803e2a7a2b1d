package com.classentra.files;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Removes from storage the objects of deleted files (a deleted course's included), as the policy promises. */
@Configuration(proxyBeanMethods = false)
class FileJobs {

    private static final Logger log = LoggerFactory.getLogger(FileJobs.class);

    @Bean
    RecurringTask<Void> deletedFilePurge(FileService files, @Value("${classentra.files.purge-interval:1m}") Duration interval) {
        return Tasks.recurring("deleted-file-purge", Schedules.fixedDelay(interval))
                .execute((instance, context) -> {
                    int purged;
                    do {
                        purged = files.purgeDeleted(100);
                        if (purged > 0) {
                            log.info("Purged {} deleted file(s) from storage", purged);
                        }
                    } while (purged == 100);
                });
    }
}
