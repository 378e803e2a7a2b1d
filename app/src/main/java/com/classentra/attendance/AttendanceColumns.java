package com.classentra.attendance;

import static com.classentra.db.jooq.Tables.ATTENDANCE;

import com.classentra.platform.db.EnumColumn;
import org.jooq.Field;

/** attendance.status typed as the enum it holds; the text column is not used elsewhere. */
final class AttendanceColumns {

    static final Field<AttendanceStatus> STATUS = EnumColumn.of(ATTENDANCE.STATUS, AttendanceStatus.class);

    private AttendanceColumns() {
    }
}
