package com.classentra.platform.ratelimit;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Rate-limit records hold (hashed) addresses and emails; the privacy policy says they go when their window
 * expires. A bucket's window has expired when it is full again, which is what {@code expires_at} records.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitJobs {

    private static final Logger log = LoggerFactory.getLogger(RateLimitJobs.class);

    @Bean
    RecurringTask<Void> rateLimitPurge(PostgresBuckets buckets) {
        return Tasks.recurring("rate-limit-purge", Schedules.fixedDelay(Duration.ofMinutes(5)))
                .execute((instance, context) -> {
                    int purged = buckets.purgeExpired(1000);
                    if (purged > 0) {
                        log.info("Rate-limit purge: deleted {} expired bucket(s)", purged);
                    }
                });
    }
}
