package com.classentra.platform.jobs;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.util.List;

/**
 * Recurring jobs made from a list rather than declared one bean each (one retention job per rule of the
 * personal-data registry); {@link JobScheduler} starts them with the {@link RecurringTask} beans.
 */
public interface RecurringTaskSource {

    List<RecurringTask<?>> recurringTasks();
}
