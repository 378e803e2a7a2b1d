package com.classentra.testsupport.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.platform.db.DbScope;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.testsupport.ClassentraTest;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** The journeys' mailbox reader against what the outbox and email-local really write (no browser needed). */
@ClassentraTest
class MailboxTest {

    @Autowired
    ApplicationContext application;
    @Autowired
    EmailOutbox outbox;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void readsTheNewestQueuedEmailToAnAddressWithItsDecodedPartsAndLinks() {
        Mailbox mailbox = new Mailbox(application);
        String address = "reader-" + UUID.randomUUID() + "@example.com";
        assertThatThrownBy(() -> mailbox.newestTo(address)).isInstanceOf(AssertionError.class).hasMessageContaining(address);

        queue(address, "Zoë", "https://classentra.test/verify?token=first");
        // Delivered apart, more than a file-system clock tick (a few ms) from each other, so "newest" is well defined.
        mailbox.deliverQueued();
        sleep(20);
        queue(address, "Zoë", "https://classentra.test/verify?token=second&lang=en");

        Mailbox.Email email = mailbox.newestTo(address);
        assertThat(email.subject()).isEqualTo("Confirm your email address for Classentra");
        assertThat(email.to()).isEqualTo("Zoë Ängström <" + address + ">");
        assertThat(email.text()).startsWith("Hello Zoë,").contains("expires in 24 hours");
        assertThat(email.html()).contains("href=\"https://classentra.test/verify?token=second&amp;lang=en\"");
        assertThat(email.links()).containsExactly("https://classentra.test/verify?token=second&lang=en");
        assertThat(email.link("/verify?")).isEqualTo("https://classentra.test/verify?token=second&lang=en");
        assertThatThrownBy(() -> email.link("/reset?")).isInstanceOf(AssertionError.class);
        assertThat(mailbox.messages()).filteredOn(m -> m.to().contains(address)).hasSize(2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void queue(String address, String firstName, String link) {
        DbScope.user(null).supply(() -> transactions.execute(status -> outbox.enqueue(new EmailRequest(null, null, address,
                firstName + " Ängström", "verify-email", Locale.ENGLISH, Map.of("firstName", firstName, "link", link, "validHours", "24")))));
    }
}
