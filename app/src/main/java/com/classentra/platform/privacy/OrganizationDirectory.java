package com.classentra.platform.privacy;

import com.classentra.platform.security.SignedInUser;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The organization workspaces, as privacy notices need them: the "enterprise customers" of the subprocessor page, each
 * with a privacy contact who is told of subprocessor changes 30 days ahead and may object. Accounts keeps the
 * workspaces; the legal pages reach them through this, so neither feature depends on the other both ways.
 */
public interface OrganizationDirectory {

    /** An organization workspace and the addresses its privacy notices go to (its contact, else its owners). */
    record Organization(UUID id, String name, String privacyContact, List<String> noticeAddresses) {
    }

    /** Every organization workspace; the caller holds the platform scope. */
    List<Organization> all();

    /** The organization workspaces the person owns. */
    List<Organization> ownedBy(SignedInUser user);

    /** Whether the person owns this organization workspace, and so may speak for it. */
    default boolean owns(SignedInUser user, UUID workspaceId) {
        return ownedBy(user).stream().anyMatch(o -> o.id().equals(workspaceId));
    }

    /** The workspace's name; the caller holds the platform scope. */
    Optional<String> name(UUID workspaceId);

    /**
     * Sets where the workspace's privacy notices go; blank goes back to its owners. Only an owner may.
     *
     * @return the refusal in words, empty when saved
     */
    Optional<String> setPrivacyContact(SignedInUser user, UUID workspaceId, String address);
}
