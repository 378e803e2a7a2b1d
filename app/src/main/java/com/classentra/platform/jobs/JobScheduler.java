package com.classentra.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.event.SchedulerListener;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs every background job on db-scheduler: tasks live in PostgreSQL ({@code scheduled_tasks}), so several
 * app nodes can run side by side and each execution happens on one of them. Recurring jobs are Spring
 * beans of type {@link RecurringTask}, or come from a {@link RecurringTaskSource}; they start once the application is
 * ready and stop with it.
 * Jobs run outside any user's scope: each binds the database scope it needs. Every {@link SchedulerListener} bean
 * hears of each execution (metrics, failed-job error reports).
 */
@Component
public class JobScheduler implements DisposableBean {

    private final Scheduler scheduler;

    JobScheduler(DataSource dataSource, ObjectProvider<RecurringTask<?>> recurring, ObjectProvider<RecurringTaskSource> sources,
            ObjectProvider<Task<?>> tasks, ObjectProvider<SchedulerListener> listeners,
            @Value("${classentra.jobs.polling-interval:2s}") Duration pollingInterval,
            @Value("${classentra.jobs.threads:4}") int threads) {
        List<Task<?>> oneTime = tasks.orderedStream().filter(t -> !(t instanceof RecurringTask)).toList();
        List<RecurringTask<?>> startTasks = new ArrayList<>(recurring.orderedStream().toList());
        sources.orderedStream().forEach(source -> startTasks.addAll(source.recurringTasks()));
        SchedulerBuilder builder = Scheduler.create(dataSource, oneTime)
                .startTasks(startTasks)
                .pollingInterval(pollingInterval)
                .threads(threads)
                .enableImmediateExecution();
        listeners.orderedStream().forEach(builder::addSchedulerListener);
        this.scheduler = builder.build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        scheduler.start();
    }

    @Override
    public void destroy() {
        scheduler.stop();
    }
}
