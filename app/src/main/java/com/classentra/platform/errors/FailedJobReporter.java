package com.classentra.platform.errors;

import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import java.util.List;
import org.springframework.stereotype.Component;

/** A background job that failed is a server error too: reported with the task name as its route. */
@Component
class FailedJobReporter extends AbstractSchedulerListener {

    private final ErrorCapture capture;

    FailedJobReporter(ErrorCapture capture) {
        this.capture = capture;
    }

    @Override
    public void onExecutionComplete(ExecutionComplete complete) {
        if (complete.getResult() == ExecutionComplete.Result.FAILED) {
            complete.getCause().ifPresent(cause -> capture.capture(cause, ErrorCapture.Source.JOB,
                    "job " + complete.getExecution().taskInstance.getTaskName(), null, List.of()));
        }
    }
}
