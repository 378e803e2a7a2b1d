package com.classentra.shell;

import com.vaadin.flow.router.RouteParameters;
import java.util.Optional;
import java.util.UUID;

/** Ids from the address bar: anything that is not a UUID is simply "not found". */
public final class RouteIds {

    private RouteIds() {
    }

    public static Optional<UUID> parse(RouteParameters parameters, String name) {
        try {
            return parameters.get(name).map(UUID::fromString);
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
