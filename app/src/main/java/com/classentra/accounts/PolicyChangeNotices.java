package com.classentra.accounts;

import static com.classentra.db.jooq.Tables.APP_USER;

import com.classentra.legal.PolicyDocuments;
import com.classentra.legal.PolicyDocuments.Document;
import com.classentra.legal.PolicyDocuments.NoticeProgress;
import com.classentra.legal.PolicyKind;
import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.outbox.EmailOutbox;
import com.classentra.platform.outbox.EmailRequest;
import com.classentra.platform.security.SignedInUser.Role;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;

/**
 * Tells every account of a legal document's new version before it takes effect (privacy policy: "Material changes
 * will be communicated via email or an in-product notification before they take effect"): a batch of accounts per run,
 * each through the outbox, in id order from where the last batch stopped, so a crash or a second node never emails
 * anyone twice and a large platform is told over several minutes instead of in one transaction.
 */
@Service
public class PolicyChangeNotices {

    static final int BATCH = 200;

    private final PolicyDocuments documents;
    private final PlatformScope platformScope;
    private final EmailOutbox outbox;
    private final DSLContext db;
    private final String publicUrl;

    PolicyChangeNotices(PolicyDocuments documents, PlatformScope platformScope, EmailOutbox outbox, DSLContext db, ClassentraProperties properties) {
        this.documents = documents;
        this.platformScope = platformScope;
        this.outbox = outbox;
        this.db = db;
        this.publicUrl = properties.publicUrl();
    }

    /** Emails the next batch of accounts about each document's upcoming version; returns how many were queued. */
    public int sendNextBatch(int size) {
        int queued = 0;
        for (PolicyKind kind : PolicyKind.values()) {
            Document upcoming = documents.upcoming(kind).orElse(null);
            if (upcoming != null) {
                queued += platformScope.inTransaction(null, "announce a new version of a legal document", () -> batch(upcoming, size));
            }
        }
        return queued;
    }

    private int batch(Document upcoming, int size) {
        NoticeProgress progress = documents.lockNoticeProgress(upcoming);
        if (progress.done()) {
            return 0;
        }
        // Everyone who must accept the document, verified or not yet; suspended accounts are not told.
        String[] roles = rolesRequiring(upcoming.kind());
        var accounts = db.select(APP_USER.ID, APP_USER.EMAIL, APP_USER.FIRST_NAME, APP_USER.LOCALE).from(APP_USER)
                .where(AccountColumns.STATUS.eq(AccountStatus.ACTIVE))
                .and(DSL.condition("{0} && {1}::text[]", APP_USER.ROLES, DSL.val(roles)))
                .and(progress.lastAccountTold() == null ? DSL.noCondition() : APP_USER.ID.gt(progress.lastAccountTold()))
                .orderBy(APP_USER.ID).limit(size).fetch();
        String effective = upcoming.effective().map(Object::toString).orElse("");
        for (var account : accounts) {
            outbox.enqueue(new EmailRequest(null, account.value1(), account.value2(), account.value3(), "policy-change",
                    account.value4() == null ? null : Locale.forLanguageTag(account.value4()), Map.of(
                            "firstName", account.value3(), "document", upcoming.kind().title(), "effectiveOn", effective,
                            "link", publicUrl + "/legal/" + upcoming.kind().slug() + "?upcoming")));
        }
        UUID last = accounts.isEmpty() ? progress.lastAccountTold() : accounts.getLast().value1();
        documents.noticesSent(upcoming, last, accounts.size() < size);
        return accounts.size();
    }

    private static String[] rolesRequiring(PolicyKind kind) {
        return Arrays.stream(Role.values()).filter(role -> PolicyKind.requiredFor(Set.of(role)).contains(kind)).map(Role::name)
                .toArray(String[]::new);
    }

    @Configuration(proxyBeanMethods = false)
    static class Jobs {

        @Bean
        RecurringTask<Void> policyChangeNoticeBatches(PolicyChangeNotices notices,
                @Value("${classentra.policy-notices.interval:1m}") Duration interval) {
            return Tasks.recurring("policy-change-notices", Schedules.fixedDelay(interval))
                    .execute((instance, context) -> notices.sendNextBatch(BATCH));
        }
    }
}
