package com.classentra.messaging;

import static com.classentra.db.jooq.Tables.CHANNEL;

import com.classentra.platform.db.EnumColumn;
import org.jooq.Field;

/** The messaging columns that hold one of this feature's enums, typed; the text columns are not used elsewhere. */
final class MessagingColumns {

    static final Field<ChannelKind> KIND = EnumColumn.of(CHANNEL.KIND, ChannelKind.class);
    static final Field<ChannelAudience> AUDIENCE = EnumColumn.of(CHANNEL.AUDIENCE, ChannelAudience.class);

    private MessagingColumns() {
    }
}
