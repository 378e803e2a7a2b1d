package com.classentra.legal;

import com.classentra.platform.privacy.OrganizationDirectory;
import com.classentra.platform.privacy.OrganizationDirectory.Organization;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.platform.plugins.ConfigRejectedException;
import com.classentra.platform.plugins.ProviderSwitcher;
import com.classentra.platform.plugins.ProviderSwitcher.PreparedSwitch;
import com.classentra.platform.plugins.SwitchNotice;
import com.classentra.platform.secrets.LinkSigner;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.Slot;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Subprocessor changes with notice (subprocessor page: "We notify enterprise customers of new or replaced
 * subprocessors at least 30 days in advance"). A switch that brings a company onto the list is refused as an ordinary
 * change ({@link SubprocessorList#refusal}): it is announced for a date at least 30 days ahead, every organization workspace's privacy contact is
 * emailed, and the job makes it on the day; or, in an outage, it is made at once with a written reason that the change
 * log shows. Workspaces object through their notice's link or in their settings; the administrator sees each objection.
 */
@Service
public class SubprocessorChanges {

    /** The notice the subprocessor page promises. */
    public static final int NOTICE_DAYS = 30;
    static final String NOTICE_LINK = "SUBPROCESSOR_NOTICE";
    private static final Logger log = LoggerFactory.getLogger(SubprocessorChanges.class);

    private final ProviderSwitcher switcher;
    private final SubprocessorList list;
    private final SubprocessorChangeRepository changes;
    private final OrganizationDirectory organizations;
    private final PlatformScope platformScope;
    private final EmailOutbox outbox;
    private final AuditLog audit;
    private final LinkSigner signer;
    private final String publicUrl;

    SubprocessorChanges(ProviderSwitcher switcher, SubprocessorList list, SubprocessorChangeRepository changes, OrganizationDirectory organizations,
            PlatformScope platformScope, EmailOutbox outbox, AuditLog audit, LinkSigner signer, ClassentraProperties properties) {
        this.switcher = switcher;
        this.list = list;
        this.changes = changes;
        this.organizations = organizations;
        this.platformScope = platformScope;
        this.outbox = outbox;
        this.audit = audit;
        this.signer = signer;
        this.publicUrl = properties.publicUrl();
    }

    /** The first day an announcement made today may take effect. */
    public static LocalDate earliestEffectiveDate(LocalDate today) {
        return today.plusDays(NOTICE_DAYS);
    }

    /**
     * Announces a switch for {@code effectiveOn}: checks it now as thoroughly as a switch made today, keeps its sealed
     * settings, and emails every organization workspace's privacy contact.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public UUID announce(Slot slot, String providerId, Map<String, String> form, LocalDate effectiveOn, UUID actor) throws ConfigRejectedException {
        LocalDate earliest = earliestEffectiveDate(LocalDate.now(ZoneOffset.UTC));
        if (effectiveOn == null || effectiveOn.isBefore(earliest)) {
            throw rejected("Choose a date on or after " + earliest + " (UTC): workspaces are promised " + NOTICE_DAYS + " days' notice.");
        }
        PreparedSwitch prepared = switcher.prepare(slot, providerId, form);
        if (list.newCompany(prepared.after()).isEmpty()) {
            throw rejected("This switch brings no new company onto the subprocessor list, so it needs no notice: save and activate it now.");
        }
        try {
            return platformScope.inTransaction(actor, "announce a subprocessor change", () -> {
                UUID id = changes.insert(prepared, effectiveOn);
                audit.record(null, actor, "subprocessor.change.announced", "subprocessor-change", id.toString(), Map.of(
                        "slot", slot.key(), "provider", providerId, "company", prepared.after().legalEntity(), "effectiveOn", effectiveOn.toString()));
                AnnouncedChange change = changes.find(id).orElseThrow();
                for (Organization organization : organizations.all()) {
                    for (String address : organization.noticeAddresses()) {
                        UUID notice = changes.insertNotice(id, organization.id(), address);
                        outbox.enqueue(new EmailRequest(organization.id(), null, address, null, "subprocessor-change-announced", null,
                                withChange(change, organization, Map.of("objectLink", noticeLink(notice)))));
                    }
                }
                list.refreshAfterCommit();
                return id;
            });
        } catch (DataIntegrityViolationException e) {
            throw rejected(slot.displayName() + " already has an announced change. Withdraw it first to announce another.");
        }
    }

    /** Withdraws an announced change and tells the workspaces that were notified; false when it was no longer scheduled. */
    @PreAuthorize("hasRole('ADMIN')")
    public boolean withdraw(UUID changeId, UUID actor) {
        return platformScope.inTransaction(actor, "withdraw a subprocessor change", () -> {
            if (!changes.decide(changeId, ChangeStatus.CANCELLED, null)) {
                return false;
            }
            AnnouncedChange change = changes.find(changeId).orElseThrow();
            audit.record(null, actor, "subprocessor.change.withdrawn", "subprocessor-change", changeId.toString(), Map.of("slot", change.slot().key()));
            for (Organization organization : organizations.all()) {
                for (String address : organization.noticeAddresses()) {
                    outbox.enqueue(new EmailRequest(organization.id(), null, address, null, "subprocessor-change-withdrawn", null,
                            withChange(change, organization, Map.of())));
                }
            }
            list.refreshAfterCommit();
            return true;
        });
    }

    /**
     * Switches at once although the switch brings a new company: for an outage, with the reason the change log shows
     * and the workspaces are told.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public long switchInEmergency(Slot slot, String providerId, Map<String, String> form, String reason, UUID actor) throws ConfigRejectedException {
        if (reason == null || reason.strip().length() < 10) {
            throw new ConfigRejectedException(List.of(new FieldError("reason",
                    "Say why this cannot wait " + NOTICE_DAYS + " days (at least 10 characters): it is shown in the public change log.")));
        }
        String before = list.servingSlot(slot).map(SubprocessorList.Subprocessor::legalEntity).orElse(null);
        long version = switcher.switchProvider(slot, providerId, form, actor, SwitchNotice.emergency(reason));
        Optional<SubprocessorList.Subprocessor> company = list.servingSlot(slot);
        company.ifPresent(after -> platformScope.inTransaction(actor, "tell workspaces of an emergency subprocessor change", () -> {
            for (Organization organization : organizations.all()) {
                for (String address : organization.noticeAddresses()) {
                    outbox.enqueue(new EmailRequest(organization.id(), null, address, null, "subprocessor-emergency-switch", null, Map.ofEntries(
                            Map.entry("workspaceName", organization.name()), Map.entry("company", after.legalEntity()),
                            Map.entry("usedFor", slot.displayName()), Map.entry("replaces", before == null ? "this service's own servers" : before),
                            Map.entry("purpose", after.purpose()), Map.entry("location", after.location()),
                            Map.entry("dataCategories", after.dataCategories()), Map.entry("reason", reason.strip()),
                            Map.entry("changedOn", LocalDate.now(ZoneOffset.UTC).toString()), Map.entry("privacyContact", operatorContact()),
                            Map.entry("subprocessorsLink", publicUrl + "/subprocessors"))));
                }
            }
            return null;
        }));
        return version;
    }

    /**
     * Makes every announced change due by {@code today}; one the provider refuses on the day is marked failed for the
     * administrator. Each change is claimed first (SCHEDULED to APPLIED in one statement), so a withdrawal that comes
     * while the switch runs finds nothing to withdraw, and two nodes never make the same change.
     */
    public int applyDue(LocalDate today) {
        List<UUID> due = platformScope.inTransaction(null, "find due subprocessor changes", () -> changes.dueForUpdate(today));
        int applied = 0;
        for (UUID id : due) {
            boolean claimed = platformScope.inTransaction(null, "claim a due subprocessor change", () -> changes.decide(id, ChangeStatus.APPLIED, null));
            if (!claimed) {
                continue;
            }
            AnnouncedChange change = platformScope.inTransaction(null, "read a due subprocessor change", () -> changes.find(id)).orElseThrow();
            Map<String, String> sealed = platformScope.inTransaction(null, "read a due subprocessor change", () -> changes.sealedSettings(id));
            String failure = null;
            try {
                switcher.applyPrepared(change.slot(), change.providerId(), sealed, SwitchNotice.announced(id));
                applied++;
            } catch (ConfigRejectedException e) {
                failure = e.errors().stream().map(FieldError::message).reduce((a, b) -> a + " " + b).orElse("The provider refused its settings.");
                log.warn("Announced change {} of {} could not be made: {}", id, change.slot().key(), failure);
            }
            String reason = failure;
            platformScope.inTransaction(null, "record a due subprocessor change", () -> {
                if (reason != null) {
                    changes.markFailed(id, reason);
                }
                audit.record(null, null, reason == null ? "subprocessor.change.applied" : "subprocessor.change.failed", "subprocessor-change",
                        id.toString(), reason == null ? Map.of("slot", change.slot().key()) : Map.of("slot", change.slot().key(), "failure", reason));
                list.refreshAfterCommit();
                return null;
            });
        }
        return applied;
    }

    /** Announced changes, latest first, with how many workspaces objected to each: for the administrator. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<AnnouncedChange> recent(int limit) {
        return platformScope.inTransaction(null, "read announced subprocessor changes", () -> changes.recent(limit));
    }

    /** The objections to a change, each with its workspace's name: for the administrator. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<ObjectionShown> objections(UUID changeId) {
        return platformScope.inTransaction(null, "read objections to a subprocessor change", () -> changes.objections(changeId).stream()
                .map(o -> new ObjectionShown(organizations.name(o.workspaceId()).orElse("A deleted workspace"), o.reason(), o.at().toInstant(),
                        o.fromNoticeLink()))
                .toList());
    }

    /** An objection as the administrator reads it. */
    public record ObjectionShown(String workspace, String reason, java.time.Instant at, boolean fromNoticeLink) {
    }

    Map<String, String> withChange(AnnouncedChange change, Organization organization, Map<String, String> more) {
        Map<String, String> variables = new HashMap<>(more);
        variables.put("workspaceName", organization.name());
        variables.put("company", change.processorAfter());
        variables.put("usedFor", change.slot().displayName());
        variables.put("purpose", change.purposeAfter());
        variables.put("location", change.locationAfter());
        variables.put("dataCategories", change.dataAfter());
        variables.put("replaces", change.processorBefore() == null ? "this service's own servers" : change.processorBefore());
        variables.put("effectiveOn", change.effectiveOn().toString());
        variables.put("subprocessorsLink", publicUrl + "/subprocessors");
        return variables;
    }

    private String noticeLink(UUID noticeId) {
        return publicUrl + "/subprocessor-changes/" + signer.signId(NOTICE_LINK, noticeId);
    }

    private String operatorContact() {
        String contact = list.settings().privacyContact();
        return contact == null || contact.isBlank() ? "the operator of this service" : contact;
    }

    private static ConfigRejectedException rejected(String message) {
        return new ConfigRejectedException(List.of(new FieldError(null, message)));
    }
}
