package com.classentra.messaging;

import static com.classentra.db.jooq.Tables.CHANNEL;
import static com.classentra.db.jooq.Tables.MESSAGE;

import com.classentra.platform.privacy.Erasure;
import com.classentra.platform.privacy.ErasureStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An account deletion's step: the person leaves the member lists of the channels they were in and the mention lists of
 * the messages that named them. Their messages go by the registry's rule; the other person of a direct channel keeps
 * their own side of it.
 */
@Component
@Order(30)
class ChannelMembersErasure implements ErasureStep {

    private final DSLContext db;

    ChannelMembersErasure(DSLContext db) {
        this.db = db;
    }

    @Override
    public String name() {
        return "channel-members";
    }

    @Override
    public int erase(Erasure erasure) {
        int mentions = db.update(MESSAGE).set(MESSAGE.MENTIONS, DSL.field("array_remove({0}, {1})", MESSAGE.MENTIONS.getDataType(), MESSAGE.MENTIONS,
                        DSL.val(erasure.personId())))
                .where(DSL.condition("{0} = ANY({1})", DSL.val(erasure.personId()), MESSAGE.MENTIONS)).execute();
        return mentions + db.update(CHANNEL).set(CHANNEL.MEMBERS, DSL.field("array_remove({0}, {1})", CHANNEL.MEMBERS.getDataType(), CHANNEL.MEMBERS,
                        DSL.val(erasure.personId())))
                .where(DSL.condition("{0} = ANY({1})", DSL.val(erasure.personId()), CHANNEL.MEMBERS)).execute();
    }
}
