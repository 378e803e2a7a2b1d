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

/** Removes from storage the objects of deleted files, every minute (see {@link FilePurge}). */
@Configuration(proxyBeanMethods = false)
class FileJobs {

    private static final Logger log = LoggerFactory.getLogger(FileJobs.class);

    @Bean
    RecurringTask<Void> deletedFilePurge(FilePurge purge, @Value("${classentra.files.purge-interval:1m}") Duration interval) {
        return Tasks.recurring("deleted-file-purge", Schedules.fixedDelay(interval))
                .execute((instance, context) -> {
                    int handled = purge.purgeDue(100, Duration.ofSeconds(50));
                    if (handled > 0) {
                        log.info("Deleted-file purge: handled {} key(s)", handled);
                    }
                });
    }
}
