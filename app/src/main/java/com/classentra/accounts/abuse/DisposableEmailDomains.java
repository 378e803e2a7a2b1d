package com.classentra.accounts.abuse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Throwaway-mailbox domains refused at sign-up. The list ships with the application
 * ({@code abuse/disposable-email-domains.txt}, from the disposable-email-domains project); an operator may merge
 * in a file of their own with {@code classentra.abuse.disposable-domains-file}. Both are read at start-up; how to
 * update them is in docs/operations.md.
 */
@Component
public class DisposableEmailDomains {

    static final String BUNDLED = "abuse/disposable-email-domains.txt";
    private static final Logger log = LoggerFactory.getLogger(DisposableEmailDomains.class);

    private final Set<String> domains = new HashSet<>();

    DisposableEmailDomains(@Value("${classentra.abuse.disposable-domains-file:}") String operatorFile) {
        try (InputStream bundled = new ClassPathResource(BUNDLED).getInputStream()) {
            read(bundled);
            int shipped = domains.size();
            if (!operatorFile.isBlank()) {
                try (InputStream extra = Files.newInputStream(Path.of(operatorFile))) {
                    read(extra);
                }
                log.info("Disposable email domains: {} shipped, {} more from {}", shipped, domains.size() - shipped, operatorFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the disposable email domain list: " + e.getMessage(), e);
        }
    }

    /** True when the address's domain, or a domain it belongs to (mx.mailinator.com), is a disposable one. */
    public boolean isDisposable(String email) {
        String domain = normalized(email.substring(email.lastIndexOf('@') + 1));
        while (domain != null) {
            if (domains.contains(domain)) {
                return true;
            }
            int dot = domain.indexOf('.');
            domain = dot < 0 ? null : domain.substring(dot + 1);
        }
        return false;
    }

    private void read(InputStream input) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            int comment = line.indexOf('#');
            String domain = normalized(comment < 0 ? line : line.substring(0, comment));
            if (domain != null) {
                domains.add(domain);
            }
        }
    }

    /** Lower case, ASCII (punycode) form without a trailing dot; null when blank or not a domain name. */
    private static String normalized(String domain) {
        String trimmed = domain.strip();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return IDN.toASCII(trimmed).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
