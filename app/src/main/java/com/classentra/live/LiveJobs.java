package com.classentra.live;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The live-class jobs: making planned rooms, attendance once a session is over, usage, and what is left to do at the provider. */
@Configuration(proxyBeanMethods = false)
class LiveJobs {

    @Bean
    RecurringTask<Void> liveRoomMaking(RoomMaker maker, @Value("${classentra.live.room-interval:15s}") Duration interval) {
        return Tasks.recurring("live-room-making", Schedules.fixedDelay(interval))
                .execute((instance, context) -> maker.makeDue(20, Duration.ofSeconds(30)));
    }

    @Bean
    RecurringTask<Void> liveAttendanceJob(LiveAttendance attendance, @Value("${classentra.live.attendance-interval:1m}") Duration interval) {
        return Tasks.recurring("live-attendance", Schedules.fixedDelay(interval))
                .execute((instance, context) -> attendance.fillOverSessions(50));
    }

    @Bean
    RecurringTask<Void> liveUsageJob(LiveUsage usage, @Value("${classentra.live.usage-interval:5m}") Duration interval) {
        return Tasks.recurring("live-usage", Schedules.fixedDelay(interval))
                .execute((instance, context) -> usage.publishCurrentMonth());
    }

    @Bean
    RecurringTask<Void> videoCleanupJob(VideoCleanup cleanup, @Value("${classentra.live.cleanup-interval:1m}") Duration interval) {
        return Tasks.recurring("video-cleanup", Schedules.fixedDelay(interval))
                .execute((instance, context) -> cleanup.cleanDue(50, Duration.ofSeconds(50)));
    }
}
