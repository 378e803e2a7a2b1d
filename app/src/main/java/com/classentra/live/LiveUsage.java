package com.classentra.live;

import static com.classentra.db.jooq.Tables.LIVE_PARTICIPATION;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.currentOffsetDateTime;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.val;

import com.classentra.platform.db.PlatformScope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * Participant-minutes of native rooms per workspace and calendar month (UTC): every stay's time within the month, each
 * connection counted as the providers count it. Read by plan limits, and published as
 * {@code classentra_live_participant_minutes{workspace}} for the current month.
 */
@Service
public class LiveUsage {

    private final DSLContext db;
    private final PlatformScope platformScope;
    private final MultiGauge currentMonth;

    LiveUsage(DSLContext db, PlatformScope platformScope, MeterRegistry meters) {
        this.db = db;
        this.platformScope = platformScope;
        this.currentMonth = MultiGauge.builder("classentra.live.participant.minutes")
                .description("Participant-minutes in native rooms this calendar month (UTC), per workspace")
                .baseUnit("minutes")
                .register(meters);
    }

    /** The workspace's participant-minutes in the month. */
    public long participantMinutes(UUID tenantId, YearMonth month) {
        return platformScope.inTransaction(null, "count participant-minutes", () -> byWorkspace(month, LIVE_PARTICIPATION.TENANT_ID.eq(tenantId)))
                .getOrDefault(tenantId, 0L);
    }

    /** Publishes the current month's participant-minutes of every workspace that used rooms in it. */
    void publishCurrentMonth() {
        Map<UUID, Long> minutes = platformScope.inTransaction(null, "count participant-minutes", () -> byWorkspace(YearMonth.now(ZoneOffset.UTC),
                DSL.noCondition()));
        currentMonth.register(minutes.entrySet().stream()
                .map(entry -> MultiGauge.Row.of(Tags.of("workspace", entry.getKey().toString()), entry.getValue()))
                .toList(), true);
    }

    private Map<UUID, Long> byWorkspace(YearMonth month, Condition which) {
        OffsetDateTime from = month.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        Field<OffsetDateTime> left = least(coalesce(LIVE_PARTICIPATION.LEFT_AT, currentOffsetDateTime()), val(to));
        Field<OffsetDateTime> joined = greatest(LIVE_PARTICIPATION.JOINED_AT, val(from));
        Field<BigDecimal> seconds = sum(DSL.field("extract(epoch from ({0} - {1}))", BigDecimal.class, left, joined));
        return db.select(LIVE_PARTICIPATION.TENANT_ID, seconds).from(LIVE_PARTICIPATION)
                .where(which.and(LIVE_PARTICIPATION.JOINED_AT.lt(to)).and(coalesce(LIVE_PARTICIPATION.LEFT_AT, currentOffsetDateTime()).gt(from)))
                .groupBy(LIVE_PARTICIPATION.TENANT_ID)
                .fetchMap(r -> r.value1(), r -> r.value2() == null ? 0L : r.value2().longValue() / 60);
    }
}
