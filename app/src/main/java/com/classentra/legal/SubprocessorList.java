package com.classentra.legal;

import static com.classentra.db.jooq.Tables.AUDIT_EVENT;

import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.plugins.ProviderCatalog;
import com.classentra.platform.plugins.SlotChangeListener;
import com.classentra.platform.plugins.StoredSlot;
import com.classentra.platform.storage.StorageMigration;
import com.classentra.platform.storage.StorageMigrations;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The subprocessor page, generated from what actually runs: the configured infrastructure, then the provider
 * serving each slot with its current settings (and a former storage provider while files are still being
 * copied from it). Providers that keep everything on this server are listed apart, as no company receives data.
 * The lists are kept for the slot-state refresh interval, so a burst of visitors to the public page does not make
 * each of them decrypt every slot's settings and ask every plugin; a switch on this node refreshes them at once.
 */
@Service
public class SubprocessorList implements SlotChangeListener {

    static final String INFRASTRUCTURE = "Infrastructure";

    private final ProviderCatalog providers;
    private final StorageMigrations storageMigrations;
    private final SubprocessorSettings settings;
    private final PlatformScope platformScope;
    private final DSLContext db;
    private final Duration freshFor;
    private volatile Snapshot snapshot;

    SubprocessorList(ProviderCatalog providers, StorageMigrations storageMigrations, SubprocessorSettings settings, PlatformScope platformScope, DSLContext db, ClassentraProperties properties) {
        this.providers = providers;
        this.storageMigrations = storageMigrations;
        this.settings = settings;
        this.platformScope = platformScope;
        this.db = db;
        this.freshFor = properties.plugins().stateRefresh();
    }

    public SubprocessorSettings settings() {
        return settings;
    }

    /** The companies that receive personal data, in the page's order: infrastructure first, then by slot. */
    public List<Subprocessor> active() {
        return snapshot().active();
    }

    /** Slots whose provider keeps personal data on this server, with what it does. */
    public List<LocalService> onThisServer() {
        return snapshot().onThisServer();
    }

    @Override
    public void changed(StoredSlot previous, String newProviderId, long newVersion, boolean dataMoves, UUID actor) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                snapshot = null;
            }
        });
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null || current.takenAt().plus(freshFor).isBefore(Instant.now())) {
            current = new Snapshot(readActive(), readOnThisServer(), Instant.now());
            snapshot = current;
        }
        return current;
    }

    private List<Subprocessor> readActive() {
        List<Subprocessor> rows = new ArrayList<>();
        for (SubprocessorSettings.Infrastructure entry : settings.infrastructure()) {
            rows.add(new Subprocessor(entry.legalEntity(), entry.purpose(), entry.location(), String.join(", ", entry.dataCategories()),
                    entry.dpf().label(), INFRASTRUCTURE));
        }
        for (Slot slot : Slot.values()) {
            providers.disclosure(slot).filter(SubprocessorDisclosure::sharesPersonalData)
                    .ifPresent(d -> rows.add(row(d, slot.displayName())));
        }
        formerStorage().filter(SubprocessorDisclosure::sharesPersonalData)
                .ifPresent(d -> rows.add(row(d, Slot.STORAGE.displayName() + " (former provider, until its files are copied)")));
        return rows;
    }

    private List<LocalService> readOnThisServer() {
        List<LocalService> local = new ArrayList<>();
        for (Slot slot : Slot.values()) {
            providers.disclosure(slot).filter(d -> !d.sharesPersonalData())
                    .ifPresent(d -> local.add(new LocalService(slot.displayName(), d.purpose())));
        }
        return local;
    }

    /** Changes of the company processing a slot's data, newest first. */
    public List<Change> changes(int limit) {
        return platformScope.inTransaction(null, "read subprocessor changes", () -> db
                .select(AUDIT_EVENT.OCCURRED_AT, AUDIT_EVENT.TARGET_ID,
                        DSL.field("{0} ->> 'subprocessorBefore'", String.class, AUDIT_EVENT.DETAILS),
                        DSL.field("{0} ->> 'subprocessorAfter'", String.class, AUDIT_EVENT.DETAILS))
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.TENANT_ID.isNull())
                .and(AUDIT_EVENT.ACTION.in("plugin.slot.switched", "plugin.slot.reconfigured"))
                .and(DSL.condition("{0} ->> 'subprocessorBefore' IS DISTINCT FROM {0} ->> 'subprocessorAfter'", AUDIT_EVENT.DETAILS))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc())
                .limit(limit)
                .fetch(r -> new Change(r.value1(), Slot.fromKey(r.value2()).displayName(), r.value3(), r.value4())));
    }

    private Optional<SubprocessorDisclosure> formerStorage() {
        return storageMigrations.running().map(StorageMigration::source).flatMap(providers::disclosure);
    }

    private static Subprocessor row(SubprocessorDisclosure d, String usedFor) {
        return new Subprocessor(d.legalEntity(), d.purpose(), d.location(), String.join(", ", d.dataCategories()), d.dpfStatus().label(), usedFor);
    }

    private record Snapshot(List<Subprocessor> active, List<LocalService> onThisServer, Instant takenAt) {
    }

    /** One row of the page. {@code usedFor} says which part of the platform brings it in. */
    public record Subprocessor(String legalEntity, String purpose, String location, String dataCategories, String dpf, String usedFor) {
    }

    public record LocalService(String usedFor, String purpose) {
    }

    /**
     * @param before the company that processed the data until then, null for this server
     * @param after  the company that processes it since, null for this server
     */
    public record Change(OffsetDateTime at, String usedFor, String before, String after) {
    }
}
