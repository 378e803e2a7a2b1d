package com.classentra.platform.webhooks;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Works the webhook inbox every few seconds: people in a live class see their attendance follow quickly. */
@Configuration(proxyBeanMethods = false)
class WebhookJobs {

    @Bean
    RecurringTask<Void> webhookInboxProcessing(WebhookProcessor processor, @Value("${classentra.webhooks.interval:5s}") Duration interval) {
        return Tasks.recurring("webhook-inbox", Schedules.fixedDelay(interval))
                .execute((instance, context) -> processor.processDue(50, Duration.ofSeconds(30)));
    }
}
