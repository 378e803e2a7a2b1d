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
 * next sign-in.
 */
@Service
public class PolicyDocuments {

    private final DSLContext db;
    private final ScopedTransactions scoped;
    private final TransactionTemplate transactions;
    private final Map<PolicyKind, Document> current = new ConcurrentHashMap<>();
    private final Map<PolicyKind, Instant> checkedAt = new ConcurrentHashMap<>();

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
        current.put(kind, published);
        checkedAt.put(kind, Instant.now());
        return published;
    }

    private Document latest(PolicyKind kind) {
        return db.selectFrom(POLICY_DOCUMENT).where(PolicyColumns.DOCUMENT_KIND.eq(kind))
                .orderBy(POLICY_DOCUMENT.VERSION.desc()).limit(1)
                .fetchOne(r -> new Document(kind, r.getVersion(), r.getSha256(), r.getBody(), r.getPublishedAt().toInstant()));
    }

    /** The latest version, re-read every minute so nodes pick up a version another node published. */
    public Document current(PolicyKind kind) {
        Document known = current.get(kind);
        if (known == null || Instant.now().isAfter(checkedAt.getOrDefault(kind, Instant.MIN).plusSeconds(60))) {
            known = transactions.execute(status -> latest(kind));
            current.put(kind, known);
            checkedAt.put(kind, Instant.now());
        }
        return known;
    }

    /** Required documents whose current version the user has not accepted; read in the user's own scope. */
    public List<PolicyKind> pending(UUID userId, Set<Role> roles) {
        Set<Accepted> accepted = Set.copyOf(scoped.asUser(userId, () -> db.select(PolicyColumns.ACCEPTANCE_KIND, POLICY_ACCEPTANCE.VERSION)
                .from(POLICY_ACCEPTANCE).where(POLICY_ACCEPTANCE.USER_ID.eq(userId))
                .fetch(r -> new Accepted(r.value1(), r.value2()))));
        return PolicyKind.requiredFor(roles).stream()
                .filter(kind -> !accepted.contains(new Accepted(kind, current(kind).version())))
                .toList();
    }

    private record Accepted(PolicyKind kind, int version) {
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
