package com.classentra.testsupport;

import java.util.List;
import org.jooq.DSLContext;

/** The tables of the live schema that hold a person, a workspace or an email address. */
public final class PersonalDataTables {

    private PersonalDataTables() {
    }

    /**
     * Every base table with a column referencing app_user or tenant, a tenant_id or user_id, or any column whose name
     * mentions an email or address.
     */
    public static List<String> in(DSLContext db) {
        return db.fetch("""
                select distinct c.table_name from information_schema.columns c
                join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema
                where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
                  and (c.column_name in ('tenant_id', 'user_id') or c.column_name like '%email%' or c.column_name like '%address%'
                       or exists (select 1 from pg_constraint k
                                  join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any (k.conkey)
                                  where k.contype = 'f' and k.conrelid = (c.table_schema || '.' || c.table_name)::regclass
                                    and a.attname = c.column_name and k.confrelid in ('app_user'::regclass, 'tenant'::regclass)))
                order by 1""").getValues(0, String.class);
    }
}
