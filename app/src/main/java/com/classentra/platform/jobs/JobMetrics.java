package com.classentra.platform.jobs;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.Execution;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Every background job reports its lag (how late an execution started against its due time), its run
 * time and outcome, and executions declared dead: {@code classentra_job_lag_seconds},
 * {@code classentra_job_executions_seconds{task,outcome}}, {@code classentra_job_dead_total}.
 */
@Component
class JobMetrics extends AbstractSchedulerListener {

    private final MeterRegistry meters;

    JobMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void onExecutionStart(CurrentlyExecuting executing) {
        Execution execution = executing.getExecution();
        Duration lag = Duration.between(execution.executionTime, Instant.now());
        Timer.builder("classentra.job.lag")
                .description("Delay between a job execution's due time and its start")
                .tag("task", execution.taskInstance.getTaskName())
                .register(meters)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    @Override
    public void onExecutionComplete(ExecutionComplete complete) {
        Timer.builder("classentra.job.executions")
                .description("Background job executions by outcome")
                .tag("task", complete.getExecution().taskInstance.getTaskName())
                .tag("outcome", complete.getResult() == ExecutionComplete.Result.OK ? "success" : "failure")
                .register(meters)
                .record(complete.getDuration());
    }

    @Override
    public void onExecutionDead(Execution execution) {
        Counter.builder("classentra.job.dead")
                .description("Job executions abandoned after their node stopped heartbeating")
                .tag("task", execution.taskInstance.getTaskName())
                .register(meters)
                .increment();
    }
}
