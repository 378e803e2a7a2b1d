package com.classentra.platform.outbox;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox's dispatch, every few seconds; its retention rules are in the personal-data registry. */
@Configuration(proxyBeanMethods = false)
class OutboxJobs {

    @Bean
    RecurringTask<Void> emailOutboxDispatch(OutboxDispatcher dispatcher,
            @Value("${classentra.outbox.dispatch-interval:2s}") Duration interval) {
        return Tasks.recurring("email-outbox-dispatch", Schedules.fixedDelay(interval))
                .execute((instance, context) -> dispatcher.dispatchDue(50, Duration.ofSeconds(25)));
    }
}
