package com.classentra.testsupport;

import com.classentra.db.jooq.tables.records.EmailOutboxRecord;
import com.classentra.platform.outbox.OutboxBodies;
import com.classentra.platform.outbox.OutboxBodies.Sealed;
import org.springframework.stereotype.Component;

/** Opens the sealed bodies of queued email the way the dispatcher does, for tests that check what an email says. */
@Component
public class QueuedEmails {

    private final OutboxBodies bodies;

    QueuedEmails(OutboxBodies bodies) {
        this.bodies = bodies;
    }

    public String text(EmailOutboxRecord row) {
        return bodies.text(row.getId(), new Sealed(row.getTextBody(), row.getHtmlBody()));
    }

    public String html(EmailOutboxRecord row) {
        return bodies.html(row.getId(), new Sealed(row.getTextBody(), row.getHtmlBody()));
    }
}
