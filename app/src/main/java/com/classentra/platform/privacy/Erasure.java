package com.classentra.platform.privacy;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

/**
 * What an account deletion works from: the person (id and address, read before anything is erased), the pseudonym
 * that kept records carry instead, and the personal workspaces that go with them.
 */
public record Erasure(UUID deletionId, UUID personId, String email, UUID pseudonym, Set<UUID> personalWorkspaces, OffsetDateTime startedAt) {
}
