package com.classentra.courses;

import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.jobs.QueueDrain;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Retention jobs of the courses feature. */
@Configuration(proxyBeanMethods = false)
class CourseJobs {

    private static final Logger log = LoggerFactory.getLogger(CourseJobs.class);

    /** How long an ended invitation (accepted, revoked or expired) stays visible to its workspace before it goes. */
    static final Duration ENDED_INVITATION_KEPT = Duration.ofDays(30);

    /** An invitation holds the address of someone who may never have signed up: it goes 30 days after it ended. */
    @Bean
    RecurringTask<Void> courseInvitationRetention(CourseInvitationRepository invitations, PlatformScope platformScope) {
        return Tasks.recurring("course-invitation-retention", Schedules.daily(LocalTime.of(3, 29)))
                .execute((instance, context) -> {
                    OffsetDateTime cutOff = OffsetDateTime.now().minus(ENDED_INVITATION_KEPT);
                    int deleted = QueueDrain.purgeInBatches(platformScope, "course invitation retention",
                            () -> invitations.deleteEndedBefore(cutOff, 1000));
                    log.info("Course invitation retention: deleted {} invitation(s) that ended more than {} ago", deleted, ENDED_INVITATION_KEPT);
                });
    }
}
