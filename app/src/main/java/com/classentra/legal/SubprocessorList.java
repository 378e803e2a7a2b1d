package com.classentra.legal;

import static com.classentra.db.jooq.Tables.AUDIT_EVENT;
import static com.classentra.db.jooq.Tables.SUBPROCESSOR_LIST_VERSION;

import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.plugins.DisclosedProcessor;
import com.classentra.platform.plugins.ProviderCatalog;
import com.classentra.platform.plugins.SlotChange;
import com.classentra.platform.plugins.SlotChangeListener;
import com.classentra.platform.plugins.SwitchNotice;
import com.classentra.platform.plugins.StoredSlot;
import com.classentra.platform.storage.StorageMigration;
import com.classentra.platform.storage.StorageMigrations;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The subprocessor page, generated from what actually runs: the configured infrastructure, the companies built-in
 * features bring in while configured (Google sign-in), then the provider serving each slot with its current settings
 * (and a former storage provider while files are still being copied from it), and the changes announced for later.
 * Providers that keep everything on this server are listed apart, as no company receives data. The page is versioned
 * like a document: a new version whenever what it lists differs from the latest, which dates "Last updated".
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
    private final ObjectProvider<DisclosedProcessor> builtIn;
    private final SubprocessorChangeRepository announcements;
    private final Duration freshFor;
    private volatile Snapshot snapshot;

    SubprocessorList(ProviderCatalog providers, StorageMigrations storageMigrations, SubprocessorSettings settings, PlatformScope platformScope,
            DSLContext db, ClassentraProperties properties, ObjectProvider<DisclosedProcessor> builtIn, SubprocessorChangeRepository announcements) {
        this.providers = providers;
        this.builtIn = builtIn;
        this.announcements = announcements;
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

    /** Switches announced for later, soonest first. */
    public List<Upcoming> upcoming() {
        return snapshot().upcoming();
    }

    /** When the list as it stands (companies and announced changes) was first published. */
    public Instant lastUpdated() {
        return snapshot().lastUpdated();
    }

    /** The company serving the slot, when it sends personal data to one. */
    public Optional<Subprocessor> servingSlot(Slot slot) {
        return active().stream().filter(row -> row.usedFor().equals(slot.displayName())).findFirst();
    }

    /** Whether the company already receives personal data for this service (compared by name, ignoring case). */
    public boolean lists(String legalEntity) {
        return active().stream().anyMatch(row -> row.legalEntity().equalsIgnoreCase(legalEntity.strip()));
    }

    /** The company the switch would add to the list, when it is not on it today. */
    public Optional<String> newCompany(SubprocessorDisclosure after) {
        return after.sharesPersonalData() && !lists(after.legalEntity()) ? Optional.of(after.legalEntity()) : Optional.empty();
    }

    /** A company joins the list only with notice ({@link SubprocessorChanges}), or at once in an emergency with a reason. */
    @Override
    public Optional<String> refusal(SlotChange change) {
        if (change.notice().kind() != SwitchNotice.Kind.NONE) {
            return Optional.empty();
        }
        return newCompany(change.after()).map(company -> company + " is not on the subprocessor list today. Announce the switch at least "
                + SubprocessorChanges.NOTICE_DAYS + " days ahead, so organization workspaces are told and may object; or, if the service "
                + "is down, switch at once as an emergency with a written reason.");
    }

    /** Forgets the lists, so the next reader sees a change made in this transaction once it commits. */
    void refreshAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            snapshot = null;
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                snapshot = null;
            }
        });
    }

    @Override
    public void changed(StoredSlot previous, String newProviderId, long newVersion, boolean dataMoves, UUID actor) {
        refreshAfterCommit();
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null || current.takenAt().plus(freshFor).isBefore(Instant.now())) {
            List<Subprocessor> active = readActive();
            List<Upcoming> upcoming = platformScope.inTransaction(null, "read announced subprocessor changes",
                    () -> announcements.scheduled().stream().map(SubprocessorList::upcoming).toList());
            current = new Snapshot(active, readOnThisServer(), upcoming, version(active, upcoming), Instant.now());
            snapshot = current;
        }
        return current;
    }

    /** The date the list as it stands first appeared, publishing it as a new version when it differs from the latest. */
    private Instant version(List<Subprocessor> active, List<Upcoming> upcoming) {
        String sha = PolicyDocuments.sha256(active + "|" + upcoming);
        return platformScope.inTransaction(null, "version the subprocessor list", () -> {
            // Nodes refreshing together publish one version: the lock orders them, the second finds the first's.
            db.execute("select pg_advisory_xact_lock(hashtext('classentra.subprocessor-list'))");
            var latest = db.select(SUBPROCESSOR_LIST_VERSION.SHA256, SUBPROCESSOR_LIST_VERSION.PUBLISHED_AT).from(SUBPROCESSOR_LIST_VERSION)
                    .orderBy(SUBPROCESSOR_LIST_VERSION.VERSION.desc()).limit(1).fetchOne();
            if (latest != null && latest.value1().equals(sha)) {
                return latest.value2().toInstant();
            }
            return db.insertInto(SUBPROCESSOR_LIST_VERSION).set(SUBPROCESSOR_LIST_VERSION.SHA256, sha)
                    .returning(SUBPROCESSOR_LIST_VERSION.PUBLISHED_AT).fetchSingle().getPublishedAt().toInstant();
        });
    }

    private static Upcoming upcoming(AnnouncedChange change) {
        return new Upcoming(change.effectiveOn(), change.slot().displayName(), change.processorBefore(),
                new Subprocessor(change.processorAfter(), change.purposeAfter(), change.locationAfter(), change.dataAfter(), change.dpfAfter(), change.slot().displayName()));
    }

    private List<Subprocessor> readActive() {
        List<Subprocessor> rows = new ArrayList<>();
        for (SubprocessorSettings.Infrastructure entry : settings.infrastructure()) {
            rows.add(new Subprocessor(entry.legalEntity(), entry.purpose(), entry.location(), String.join(", ", entry.dataCategories()),
                    entry.dpf().label(), INFRASTRUCTURE));
        }
        builtIn.orderedStream().forEach(processor -> rows.add(row(processor.disclosure(), processor.usedFor())));
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
                        DSL.field("{0} ->> 'subprocessorAfter'", String.class, AUDIT_EVENT.DETAILS),
                        DSL.field("case when {0} ->> 'notice' = 'EMERGENCY' then {0} ->> 'reason' end", String.class, AUDIT_EVENT.DETAILS))
                .from(AUDIT_EVENT)
                .where(AUDIT_EVENT.TENANT_ID.isNull())
                .and(AUDIT_EVENT.ACTION.in("plugin.slot.switched", "plugin.slot.reconfigured"))
                .and(DSL.condition("{0} ->> 'subprocessorBefore' IS DISTINCT FROM {0} ->> 'subprocessorAfter'", AUDIT_EVENT.DETAILS))
                .orderBy(AUDIT_EVENT.OCCURRED_AT.desc())
                .limit(limit)
                .fetch(r -> new Change(r.value1(), Slot.fromKey(r.value2()).displayName(), r.value3(), r.value4(), r.value5())));
    }

    private Optional<SubprocessorDisclosure> formerStorage() {
        return storageMigrations.running().map(StorageMigration::source).flatMap(providers::disclosure);
    }

    private static Subprocessor row(SubprocessorDisclosure d, String usedFor) {
        return new Subprocessor(d.legalEntity(), d.purpose(), d.location(), String.join(", ", d.dataCategories()), d.dpfStatus().label(), usedFor);
    }

    private record Snapshot(List<Subprocessor> active, List<LocalService> onThisServer, List<Upcoming> upcoming, Instant lastUpdated, Instant takenAt) {
    }

    /** One row of the page. {@code usedFor} says which part of the platform brings it in. */
    public record Subprocessor(String legalEntity, String purpose, String location, String dataCategories, String dpf, String usedFor) {
    }

    public record LocalService(String usedFor, String purpose) {
    }

    /**
     * @param before          the company that processed the data until then, null for this server
     * @param after           the company that processes it since, null for this server
     * @param emergencyReason why it was made at once, without 30 days' notice; null for a change made with notice
     */
    public record Change(OffsetDateTime at, String usedFor, String before, String after, String emergencyReason) {
    }

    /**
     * A switch announced for {@code effectiveOn}.
     *
     * @param before the company it replaces, null for this server
     */
    public record Upcoming(LocalDate effectiveOn, String usedFor, String before, Subprocessor after) {
    }
}
