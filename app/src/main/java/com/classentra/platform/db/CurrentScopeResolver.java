package com.classentra.platform.db;

import java.util.Optional;

/**
 * Supplies the scope of the signed-in user when no scope was bound explicitly. Implemented by the security
 * layer, so the database layer does not depend on it.
 */
public interface CurrentScopeResolver {

    Optional<DbScope> fromSignedInUser();
}
