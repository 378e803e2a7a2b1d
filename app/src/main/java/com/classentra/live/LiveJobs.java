package com.classentra.live;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live-class jobs: making planned rooms at the provider, and what is left to do there after rows were deleted. */
@Configuration(proxyBeanMethods = false)
class LiveJobs {

    @Bean
    RecurringTask<Void> liveRoomMaking(RoomMaker maker, @Value("${classentra.live.room-interval:15s}") Duration interval) {
        return Tasks.recurring("live-room-making", Schedules.fixedDelay(interval))
                .execute((instance, context) -> maker.makeDue(20, Duration.ofSeconds(30)));
    }

    @Bean
    RecurringTask<Void> videoCleanupJob(VideoCleanup cleanup, @Value("${classentra.live.cleanup-interval:1m}") Duration interval) {
        return Tasks.recurring("video-cleanup", Schedules.fixedDelay(interval))
                .execute((instance, context) -> cleanup.cleanDue(50, Duration.ofSeconds(50)));
    }
}
