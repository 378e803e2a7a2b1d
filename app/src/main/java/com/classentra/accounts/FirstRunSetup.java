package com.classentra.accounts;

import com.classentra.platform.ClassentraProperties;
import com.classentra.platform.audit.AuditLog;
import com.classentra.platform.db.PlatformScope;
import com.classentra.platform.text.EmailAddresses;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * First start with no administrator: no default password exists. Instead the server prints a one-time
 * link (like Grafana's or Jenkins' first-run flow); whoever opens it creates the administrator account.
 * The token lives only in this process's memory, and the account is created under a database lock that
 * re-checks that no administrator exists, so the link works once and only once, even with several nodes.
 */
@Service
public class FirstRunSetup {

    private static final Logger log = LoggerFactory.getLogger(FirstRunSetup.class);

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final PlatformScope platformScope;
    private final AuditLog audit;
    private final ClassentraProperties properties;
    private volatile String token;

    FirstRunSetup(AccountRepository accounts, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy, PlatformScope platformScope, AuditLog audit, ClassentraProperties properties) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.platformScope = platformScope;
        this.audit = audit;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announceWhenNeeded() {
        if (accounts.administratorExists()) {
            return;
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        String banner = "*".repeat(78);
        log.warn("\n{}\n  Classentra has no administrator yet. Create one, once, at:\n\n    {}\n\n  The link works one time and only on this server process.\n{}",
                banner, setupLink(), banner);
    }

    public String setupLink() {
        return token == null ? null : properties.publicUrl() + "/setup?token=" + token;
    }

    /** True while the link may still be used: a token was issued, it matches, and no administrator exists. */
    public boolean accepts(String candidate) {
        String current = token;
        return current != null && candidate != null
                && MessageDigest.isEqual(current.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** Creates the administrator; returns field messages instead when the form is not acceptable. */
    public Map<String, String> createAdministrator(String candidateToken, String firstName, String lastName, String email, String password) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (firstName == null || firstName.isBlank()) {
            problems.put("firstName", "Enter your first name");
        }
        if (lastName == null || lastName.isBlank()) {
            problems.put("lastName", "Enter your last name");
        }
        if (email == null || !EmailAddresses.plausible(email.strip())) {
            problems.put("email", "Enter an email address such as name@example.com");
        }
        passwordPolicy.problem(password).ifPresent(p -> problems.put("password", p));
        if (!problems.isEmpty()) {
            return problems;
        }
        Boolean created = platformScope.inTransaction(null, "first-run setup", () -> {
            accounts.lockFirstRunSetup();
            if (!accepts(candidateToken) || accounts.administratorExists()) {
                return false;
            }
            UUID id = accounts.insert(new AccountRepository.NewAccount(null, email, firstName, lastName, null, new String[] {"ADMIN"}),
                    passwordEncoder.encode(password), true);
            audit.record(null, id, "setup.administrator.created", "user", id.toString(), Map.of("via", "first-run link"));
            return true;
        });
        if (!Boolean.TRUE.equals(created)) {
            return Map.of("token", "This setup link has already been used or is no longer valid.");
        }
        token = null;
        log.info("First-run setup finished: administrator {} created; the setup link is now void", email.strip());
        return Map.of();
    }
}
