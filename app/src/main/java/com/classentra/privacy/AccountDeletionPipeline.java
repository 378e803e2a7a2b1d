package com.classentra.privacy;

import com.classentra.accounts.AccountFacts;
import com.classentra.db.jooq.tables.records.AccountDeletionRecord;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.platform.privacy.Erasure;
import com.classentra.platform.privacy.ErasureStep;
import com.classentra.platform.privacy.RegistryErasure;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Erases accounts whose cool-off is over: the features' own steps (telling students a course closes, queueing export
 * archives for deletion), then the registry's. Each step runs in its own transaction together with its line in the
 * deletion's log, so a run that stops half-way (a crash, a failure) resumes at the first step not logged and no step
 * is done twice. The last step queues the "your account was deleted" email (to the address, no longer to the account),
 * marks the request done and deletes the account row.
 */
@Component
class AccountDeletionPipeline {

    private static final Logger log = LoggerFactory.getLogger(AccountDeletionPipeline.class);

    private final AccountDeletionRepository deletions;
    private final RegistryErasure registry;
    private final ObjectProvider<ErasureStep> featureSteps;
    private final AccountFacts facts;
    private final PlatformScope platformScope;
    private final EmailOutbox outbox;

    AccountDeletionPipeline(AccountDeletionRepository deletions, RegistryErasure registry, ObjectProvider<ErasureStep> featureSteps, AccountFacts facts,
            PlatformScope platformScope, EmailOutbox outbox) {
        this.deletions = deletions;
        this.registry = registry;
        this.featureSteps = featureSteps;
        this.facts = facts;
        this.platformScope = platformScope;
        this.outbox = outbox;
    }

    /** The steps in the order they run. */
    List<ErasureStep> steps() {
        List<ErasureStep> steps = new ArrayList<>(featureSteps.orderedStream().toList());
        steps.addAll(registry.steps());
        return steps;
    }

    /** Runs every request that is due; returns how many finished. A request that fails stays due and is tried again next run. */
    int runDue(OffsetDateTime now) {
        int finished = 0;
        List<String> failures = new ArrayList<>();
        for (UUID id : platformScope.inTransaction(null, "due account deletions", () -> deletions.due(now, 20))) {
            try {
                if (run(id)) {
                    finished++;
                }
            } catch (RuntimeException e) {
                String error = e.getMessage() == null ? e.toString() : e.getMessage();
                platformScope.inTransaction(null, "account deletion failed", () -> {
                    deletions.failed(id, error);
                    return null;
                });
                log.warn("Account deletion {} stopped; it resumes at the next run: {}", id, error);
                failures.add(id.toString());
            }
        }
        if (!failures.isEmpty()) {
            // The job's failure metric and error report see it; the others of this run are done.
            throw new IllegalStateException("Account deletions stopped and will resume: " + String.join(", ", failures));
        }
        return finished;
    }

    /** Runs one request to its end; false when another node has it or there was nothing to do. */
    boolean run(UUID id) {
        Optional<AccountDeletionRecord> started = platformScope.inTransaction(null, "start account deletion", () -> deletions.start(id));
        if (started.isEmpty()) {
            return false;
        }
        AccountDeletionRecord request = started.get();
        Set<String> done = platformScope.inTransaction(null, "account deletion log", () -> deletions.stepsDone(id));
        Optional<Erasure> erasure = platformScope.inTransaction(null, "account deletion facts", () -> facts.of(request.getUserId()))
                .map(person -> new Erasure(id, request.getUserId(), person.email(), request.getPseudonym(), person.personalWorkspaces(),
                        OffsetDateTime.now()));
        if (erasure.isEmpty()) {
            // The account row is gone but the request was not marked done: nothing of the person is left to erase.
            platformScope.inTransaction(null, "account deletion done", () -> {
                deletions.done(id);
                return null;
            });
            return true;
        }
        for (ErasureStep step : steps()) {
            if (done.contains(step.name())) {
                continue;
            }
            platformScope.inTransaction(null, "account deletion: " + step.name(), () -> {
                if (!deletions.lockRunning(id)) {
                    throw new IllegalStateException("Another node is running account deletion " + id);
                }
                if (step.name().equals(RegistryErasure.ACCOUNT)) {
                    outbox.enqueue(new EmailRequest(null, null, erasure.get().email(), null, "account-deletion-completed", null, Map.of()));
                    deletions.done(id);
                }
                deletions.stepDone(id, step.name(), step.erase(erasure.get()));
                return null;
            });
        }
        log.info("Account deletion {} is complete", id);
        return true;
    }
}
