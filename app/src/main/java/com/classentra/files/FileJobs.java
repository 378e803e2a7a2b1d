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

/**
 * Removes from storage the objects of deleted files (a deleted course's included; see {@link FilePurge}), as the policy
 * promises, and from the staging folder the uploads that no form holds any more.
 */
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

    /**
     * Forms remove their own staged files when saved, closed or their session ends; this catches what slipped past
     * them. A file older than the longest session cannot belong to a live form. Each run sweeps the folder of the
     * node that runs it (every node also empties its own when it starts).
     */
    @Bean
    RecurringTask<Void> stagedUploadSweep(UploadStaging staging,
            @Value("${classentra.files.staging-sweep-interval:15m}") Duration interval,
            @Value("${classentra.sessions.absolute-lifetime:12h}") Duration longestSession) {
        return Tasks.recurring("staged-upload-sweep", Schedules.fixedDelay(interval))
                .execute((instance, context) -> {
                    int swept = staging.sweep(longestSession);
                    if (swept > 0) {
                        log.info("Removed {} staged upload(s) that no form holds", swept);
                    }
                });
    }
}
