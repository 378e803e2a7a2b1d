package com.classentra.legal;

import static com.classentra.db.jooq.Tables.POLICY_ACCEPTANCE;
import static com.classentra.db.jooq.Tables.POLICY_DOCUMENT;

import com.classentra.platform.security.SignedInUser.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import com.classentra.platform.db.ScopedTransactions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Versioned legal documents. At start-up the text shipped with the application is published as a new
 * version when its SHA-256 differs from the latest one; acceptances record the version and the SHA-256
 * of the exact text served at /legal/{kind}.txt, and a changed document asks everyone again at their
 * next sign-in. A version whose effective date is still to come waits: the one before stays in force (shown and
 * accepted), everyone is emailed ahead ({@code PolicyChangeNotices}) and sees a banner, and acceptance is asked once
 * the day has come.
 */
@Service
public class PolicyDocuments {

    private final DSLContext db;
    private final ScopedTransactions scoped;
    private final TransactionTemplate transactions;
    private final Map<PolicyKind, Versions> versions = new ConcurrentHashMap<>();

    /** A kind's versions, newest first, as read at {@code readAt}. */
    private record Versions(List<Document> newestFirst, Instant readAt) {
    }

    PolicyDocuments(DSLContext db, TransactionTemplate transactions, ScopedTransactions scoped) {
        this.scoped = scoped;
        this.db = db;
        this.transactions = transactions;
    }

    /**
     * A published version of a document. The body is the exact text accepted and served: a first line
     * "Effective: YYYY-MM-DD", a blank line, then Markdown. {@code publishedAt} is when this version was published:
     * the page's "Last updated".
     */
    public record Document(PolicyKind kind, int version, String sha256, String body, Instant publishedAt) {

        private static final Pattern EFFECTIVE_LINE = Pattern.compile("\\AEffective: (\\d{4}-\\d{2}-\\d{2})\\R");

        /** The date the text gives on its first line; empty for a version published before texts carried one. */
        public Optional<LocalDate> effective() {
            Matcher line = EFFECTIVE_LINE.matcher(body);
            return line.lookingAt() ? Optional.of(LocalDate.parse(line.group(1))) : Optional.empty();
        }

        /** The Markdown under the effective line. */
        public String markdown() {
            Matcher line = EFFECTIVE_LINE.matcher(body);
            return line.lookingAt() ? body.substring(line.end()) : body;
        }
    }

    @EventListener(ApplicationStartedEvent.class)
    void publishShippedTexts() {
        for (PolicyKind kind : PolicyKind.values()) {
            publish(kind, read(kind.resource()));
        }
    }

    /** Makes the text the current version of the document, unless it already is. */
    Document publish(PolicyKind kind, String body) {
        String sha = sha256(body);
        Document published = transactions.execute(status -> {
            // Nodes starting together publish one version: the lock orders them, the second sees the first's.
            db.execute("select pg_advisory_xact_lock(hashtext('classentra.policy.' || ?))", kind.name());
            Document latest = latest(kind);
            // A text published before (even as an older version) is not published again: a node still
            // running the previous release must not turn the documents back during a rolling deploy.
            if (latest != null && db.fetchExists(POLICY_DOCUMENT, PolicyColumns.DOCUMENT_KIND.eq(kind).and(POLICY_DOCUMENT.SHA256.eq(sha)))) {
                return latest;
            }
            int version = latest == null ? 1 : latest.version() + 1;
            Instant publishedAt = db.insertInto(POLICY_DOCUMENT).set(PolicyColumns.DOCUMENT_KIND, kind).set(POLICY_DOCUMENT.VERSION, version)
                    .set(POLICY_DOCUMENT.SHA256, sha).set(POLICY_DOCUMENT.BODY, body)
                    .returning(POLICY_DOCUMENT.PUBLISHED_AT).fetchSingle().getPublishedAt().toInstant();
            return new Document(kind, version, sha, body, publishedAt);
        });
        reread(kind);
        return published;
    }

    private Document latest(PolicyKind kind) {
        return db.selectFrom(POLICY_DOCUMENT).where(PolicyColumns.DOCUMENT_KIND.eq(kind))
                .orderBy(POLICY_DOCUMENT.VERSION.desc()).limit(1)
                .fetchOne(r -> new Document(kind, r.getVersion(), r.getSha256(), r.getBody(), r.getPublishedAt().toInstant()));
    }

    /** Forgets what this node knows of the kind's versions, so the next reader reads them again. */
    void reread(PolicyKind kind) {
        versions.remove(kind);
    }

    /** The kind's versions, newest first, re-read every minute so nodes pick up a version another node published. */
    private List<Document> versions(PolicyKind kind) {
        Versions known = versions.get(kind);
        if (known == null || Instant.now().isAfter(known.readAt().plusSeconds(60))) {
            known = new Versions(transactions.execute(status -> db.selectFrom(POLICY_DOCUMENT).where(PolicyColumns.DOCUMENT_KIND.eq(kind))
                    .orderBy(POLICY_DOCUMENT.VERSION.desc())
                    .fetch(r -> new Document(kind, r.getVersion(), r.getSha256(), r.getBody(), r.getPublishedAt().toInstant()))), Instant.now());
            versions.put(kind, known);
        }
        return known.newestFirst();
    }

    /** The version in force today (UTC): what the pages show and what people accept. */
    public Document current(PolicyKind kind) {
        return inForce(kind, today());
    }

    /**
     * The version in force on {@code day}: the newest whose effective date has come, or that states none. A version
     * published with a later date waits, announced ({@link #upcoming}), until its day.
     */
    Document inForce(PolicyKind kind, LocalDate day) {
        List<Document> all = versions(kind);
        return all.stream().filter(document -> document.effective().map(date -> !date.isAfter(day)).orElse(true)).findFirst()
                .orElse(all.getLast());
    }

    /** The version published to take effect later than today, if there is one. */
    public Optional<Document> upcoming(PolicyKind kind) {
        return upcoming(kind, today());
    }

    Optional<Document> upcoming(PolicyKind kind, LocalDate day) {
        Document newest = versions(kind).getFirst();
        return newest.version() != inForce(kind, day).version() ? Optional.of(newest) : Optional.empty();
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Required documents whose version in force the user has not accepted; read in the user's own scope. */
    public List<PolicyKind> pending(UUID userId, Set<Role> roles) {
        return pending(userId, roles, today());
    }

    List<PolicyKind> pending(UUID userId, Set<Role> roles, LocalDate day) {
        Set<Accepted> accepted = Set.copyOf(scoped.asUser(userId, () -> db.select(PolicyColumns.ACCEPTANCE_KIND, POLICY_ACCEPTANCE.VERSION)
                .from(POLICY_ACCEPTANCE).where(POLICY_ACCEPTANCE.USER_ID.eq(userId))
                .fetch(r -> new Accepted(r.value1(), r.value2()))));
        return PolicyKind.requiredFor(roles).stream()
                .filter(kind -> !accepted.contains(new Accepted(kind, inForce(kind, day).version())))
                .toList();
    }

    private record Accepted(PolicyKind kind, int version) {
    }

    /** How far the emails announcing a version have gone: the last account told (accounts go in id order), and whether all were. */
    public record NoticeProgress(UUID lastAccountTold, boolean done) {
    }

    /** The version's notice progress, locked for the caller's transaction so two nodes never send the same batch. */
    @Transactional(propagation = Propagation.MANDATORY)
    public NoticeProgress lockNoticeProgress(Document document) {
        return db.select(POLICY_DOCUMENT.NOTICE_CURSOR, POLICY_DOCUMENT.NOTICES_DONE_AT).from(POLICY_DOCUMENT)
                .where(PolicyColumns.DOCUMENT_KIND.eq(document.kind()).and(POLICY_DOCUMENT.VERSION.eq(document.version())))
                .forUpdate()
                .fetchSingle(r -> new NoticeProgress(r.value1(), r.value2() != null));
    }

    /** Records a batch of notices sent, up to {@code lastAccountTold}; {@code done} when it was the last. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void noticesSent(Document document, UUID lastAccountTold, boolean done) {
        db.update(POLICY_DOCUMENT).set(POLICY_DOCUMENT.NOTICE_CURSOR, lastAccountTold)
                .set(POLICY_DOCUMENT.NOTICES_DONE_AT, done ? java.time.OffsetDateTime.now() : null)
                .where(PolicyColumns.DOCUMENT_KIND.eq(document.kind()).and(POLICY_DOCUMENT.VERSION.eq(document.version())))
                .execute();
    }

    /** Records that the user accepted the current version of each document, with the hash of its text. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void accept(UUID userId, Collection<PolicyKind> kinds) {
        for (PolicyKind kind : kinds) {
            Document document = current(kind);
            db.insertInto(POLICY_ACCEPTANCE)
                    .set(POLICY_ACCEPTANCE.USER_ID, userId)
                    .set(PolicyColumns.ACCEPTANCE_KIND, kind)
                    .set(POLICY_ACCEPTANCE.VERSION, document.version())
                    .set(POLICY_ACCEPTANCE.SHA256, document.sha256())
                    .onConflictDoNothing()
                    .execute();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
