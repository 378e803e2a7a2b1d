package com.classentra.notifications;

import static com.classentra.db.jooq.Tables.NOTIFICATION;
import static com.classentra.db.jooq.Tables.NOTIFICATION_PREFERENCE;

import com.classentra.platform.db.EnumColumn;
import org.jooq.Field;

/** The notification columns that hold one of this feature's enums, typed; the text columns are not used elsewhere. */
final class NotificationColumns {

    static final Field<NotificationKind> KIND = EnumColumn.of(NOTIFICATION.KIND, NotificationKind.class);
    static final Field<NotificationKind> PREFERENCE_KIND = EnumColumn.of(NOTIFICATION_PREFERENCE.KIND, NotificationKind.class);
    static final Field<EmailDelivery> PREFERENCE_DELIVERY = EnumColumn.of(NOTIFICATION_PREFERENCE.DELIVERY, EmailDelivery.class);

    private NotificationColumns() {
    }
}
