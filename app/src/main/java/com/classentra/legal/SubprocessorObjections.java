package com.classentra.legal;

import com.classentra.platform.privacy.OrganizationDirectory;
import com.classentra.platform.privacy.OrganizationDirectory.Organization;
import com.classentra.legal.SubprocessorChangeRepository.Notice;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.secrets.LinkSigner;
import com.classentra.platform.security.SignedInUser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Objections to announced subprocessor changes (subprocessor page: "Customers may object in writing within that
 * window"): from the link in a workspace's notice, which is the credential (it went to the privacy contact's address
 * only), or by an owner in the workspace's settings. One per workspace and change, while the change is still to come.
 */
@Service
public class SubprocessorObjections {

    static final int REASON_LIMIT = 4000;

    private final SubprocessorChangeRepository changes;
    private final OrganizationDirectory organizations;
    private final PlatformScope platformScope;
    private final AuditLog audit;
    private final LinkSigner signer;

    SubprocessorObjections(SubprocessorChangeRepository changes, OrganizationDirectory organizations, PlatformScope platformScope,
            AuditLog audit, LinkSigner signer) {
        this.changes = changes;
        this.organizations = organizations;
        this.platformScope = platformScope;
        this.audit = audit;
        this.signer = signer;
    }

    /** What happened to an objection. */
    public enum Outcome {
        RECORDED, ALREADY_OBJECTED, CHANGE_NOT_OPEN, REASON_MISSING, REASON_TOO_LONG
    }

    /** An announced change as one workspace sees it, with when it objected (null when it has not). */
    public record ChangeForWorkspace(UUID workspaceId, String workspaceName, AnnouncedChange change, Instant objectedAt) {

        public boolean open() {
            return change.status() == ChangeStatus.SCHEDULED;
        }
    }

    /** The change a notice link is about, for its page; empty for a link that is altered or unknown. */
    public Optional<ChangeForWorkspace> byNotice(String token) {
        return signer.idFrom(SubprocessorChanges.NOTICE_LINK, token).flatMap(noticeId ->
                platformScope.inTransaction(null, "open a subprocessor notice", () -> changes.notice(noticeId).map(this::shown)));
    }

    /** Records the objection sent from a notice's link. */
    public Outcome objectByNotice(String token, String reason) {
        Optional<UUID> noticeId = signer.idFrom(SubprocessorChanges.NOTICE_LINK, token);
        if (noticeId.isEmpty()) {
            return Outcome.CHANGE_NOT_OPEN;
        }
        Optional<Outcome> invalid = invalid(reason);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        return platformScope.inTransaction(null, "object to a subprocessor change from its notice", () -> changes.notice(noticeId.get())
                .map(notice -> record(notice.changeId(), notice.workspaceId(), notice.id(), reason, null))
                .orElse(Outcome.CHANGE_NOT_OPEN));
    }

    /** The announced changes still to come for each organization workspace the person owns. */
    public List<ChangeForWorkspace> forOwner(SignedInUser user) {
        List<Organization> owned = organizations.ownedBy(user);
        if (owned.isEmpty()) {
            return List.of();
        }
        return platformScope.inTransaction(user.id(), "read announced subprocessor changes for a workspace owner", () -> owned.stream()
                .flatMap(workspace -> changes.scheduled().stream().map(change -> new ChangeForWorkspace(workspace.id(), workspace.name(), change,
                        changes.objectedAt(change.id(), workspace.id()).map(OffsetDateTime::toInstant).orElse(null))))
                .toList());
    }

    /** Records an owner's objection on behalf of their organization workspace. */
    public Outcome objectAsOwner(SignedInUser user, UUID workspaceId, UUID changeId, String reason) {
        if (!organizations.owns(user, workspaceId)) {
            throw new AccessDeniedException("Only an owner of the organization workspace objects on its behalf");
        }
        Optional<Outcome> invalid = invalid(reason);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        return platformScope.inTransaction(user.id(), "object to a subprocessor change for a workspace",
                () -> record(changeId, workspaceId, null, reason, user.id()));
    }

    private Outcome record(UUID changeId, UUID workspaceId, UUID noticeId, String reason, UUID actor) {
        Optional<AnnouncedChange> change = changes.find(changeId);
        if (change.isEmpty() || change.get().status() != ChangeStatus.SCHEDULED) {
            return Outcome.CHANGE_NOT_OPEN;
        }
        boolean recorded = changes.insertObjection(changeId, workspaceId, noticeId, reason.strip());
        if (!recorded) {
            return Outcome.ALREADY_OBJECTED;
        }
        audit.record(workspaceId, actor, "subprocessor.change.objected", "subprocessor-change", changeId.toString(),
                Map.of("via", noticeId == null ? "settings" : "notice link"));
        return Outcome.RECORDED;
    }

    private ChangeForWorkspace shown(Notice notice) {
        AnnouncedChange change = changes.find(notice.changeId()).orElseThrow();
        return new ChangeForWorkspace(notice.workspaceId(), organizations.name(notice.workspaceId()).orElse("your workspace"), change,
                changes.objectedAt(notice.changeId(), notice.workspaceId()).map(OffsetDateTime::toInstant).orElse(null));
    }

    private static Optional<Outcome> invalid(String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.of(Outcome.REASON_MISSING);
        }
        return reason.strip().length() > REASON_LIMIT ? Optional.of(Outcome.REASON_TOO_LONG) : Optional.empty();
    }
}
