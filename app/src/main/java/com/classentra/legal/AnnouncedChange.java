package com.classentra.legal;

import com.classentra.plugin.api.Slot;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A provider switch announced for {@code effectiveOn}, as the pages show it: the company it brings and the one it
 * replaces (null: this service's own servers), where it stands, and how many workspaces objected.
 */
public record AnnouncedChange(UUID id, Slot slot, String providerId, String processorBefore, String processorAfter, String purposeAfter,
        String locationAfter, String dataAfter, String dpfAfter, LocalDate effectiveOn, ChangeStatus status, String failure,
        OffsetDateTime announcedAt, int objections) {
}
