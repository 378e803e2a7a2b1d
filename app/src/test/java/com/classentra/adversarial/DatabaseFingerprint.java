package com.classentra.adversarial;

import com.classentra.testsupport.PlatformSql;
import java.util.List;
import java.util.Set;

/** A digest of every row of every table, to show that an attempt changed nothing. */
final class DatabaseFingerprint {

    /** Tables that change on their own or by design while someone knocks: rate-limit buckets and the job schedule. */
    private static final Set<String> MOVING = Set.of("rate_limit_bucket", "scheduled_tasks", "databasechangelog", "databasechangeloglock");

    private DatabaseFingerprint() {
    }

    static String of(PlatformSql platform) {
        return platform.call(sql -> {
            List<String> tables = sql.fetch("""
                    select table_name from information_schema.tables
                    where table_schema = 'public' and table_type = 'BASE TABLE' order by 1""").getValues(0, String.class);
            StringBuilder digest = new StringBuilder();
            for (String table : tables) {
                if (!MOVING.contains(table)) {
                    digest.append(table).append('=').append(sql.fetchValue(
                            "select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) from \"" + table + "\" r")).append('\n');
                }
            }
            return digest.toString();
        });
    }
}
