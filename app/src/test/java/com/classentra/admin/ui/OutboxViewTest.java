package com.classentra.admin.ui;

import static com.classentra.db.jooq.Tables.EMAIL_OUTBOX;
import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.platform.db.DbScope;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.platform.security.SignedInUser.Role;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.SignIn;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

@ClassentraTest
class OutboxViewTest extends SpringBrowserlessTest {

    @Autowired
    EmailOutbox outbox;
    @Autowired
    PlatformSql platform;
    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void aDeadLetter() {
        SignIn.as(null, null, Role.ADMIN);
        platform.call(sql -> sql.deleteFrom(EMAIL_OUTBOX).execute());
        UUID id = DbScope.user(null).supply(() -> transactions.execute(status -> outbox.enqueue(new EmailRequest(null, null,
                "bounced@example.com", null, "verify-email", null, Map.of("firstName", "B", "link", "https://x.test", "validHours", "24")))));
        platform.call(sql -> sql.update(EMAIL_OUTBOX)
                .set(EMAIL_OUTBOX.STATUS, "DEAD").set(EMAIL_OUTBOX.LAST_ERROR, "mailbox does not exist").where(EMAIL_OUTBOX.ID.eq(id)).execute());
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anAdministratorSeesTheDeadLetterAndQueuesItAgain() {
        navigate(OutboxView.class);
        @SuppressWarnings("unchecked")
        Grid<com.classentra.platform.outbox.OutboxEntry> grid = find(Grid.class).single();
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 1)).isEqualTo("bounced@example.com");
        assertThat(test(grid).getCellText(0, 5)).isEqualTo("mailbox does not exist");

        Button retry = (Button) test(grid).getCellComponent(0, 6);
        assertThat(retry.isVisible()).isTrue();
        test(retry).click();

        String status = platform.call(sql -> sql.select(EMAIL_OUTBOX.STATUS).from(EMAIL_OUTBOX).fetchSingle(EMAIL_OUTBOX.STATUS));
        assertThat(status).isEqualTo("PENDING");
    }
}
