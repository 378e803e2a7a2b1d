package com.classentra.accounts.abuse;

import com.maxmind.db.Metadata;
import com.maxmind.db.Reader.FileMode;
import com.maxmind.geoip2.DatabaseReader;
import com.maxmind.geoip2.exception.GeoIp2Exception;
import com.maxmind.geoip2.model.CountryResponse;
import com.maxmind.geoip2.record.Country;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The operator's optional local GeoIP database ({@code classentra.abuse.geoip-database}): a MaxMind GeoLite2 or
 * GeoIP2 Country or City {@code .mmdb} file, read whole into memory once at start-up and closed on shutdown, so
 * the file on disk may be replaced at any time and is used from the next start. A configured file that cannot be
 * opened as such a database stops the start.
 *
 * <p>IP addresses are never logged, not even inside a lookup's exception message.
 */
@Component
public class GeoIpCountries implements AutoCloseable {

    static final String PROPERTY = "classentra.abuse.geoip-database";
    private static final Logger log = LoggerFactory.getLogger(GeoIpCountries.class);

    /** Null when no database is configured. */
    private final DatabaseReader reader;

    GeoIpCountries(@Value("${" + PROPERTY + ":}") String databaseFile) {
        this.reader = databaseFile.isBlank() ? null : open(Path.of(databaseFile.strip()));
    }

    /** Whether a database is configured, so addresses have countries. */
    boolean available() {
        return reader != null;
    }

    /** No database: every address is of unknown country. */
    static GeoIpCountries none() {
        return new GeoIpCountries("");
    }

    private static DatabaseReader open(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalStateException(PROPERTY + " names " + file.toAbsolutePath()
                    + ", which is not a readable file; point it at a GeoLite2-Country or GeoIP2-Country/City .mmdb file, or leave it empty");
        }
        DatabaseReader opened;
        try {
            opened = new DatabaseReader.Builder(file.toFile()).fileMode(FileMode.MEMORY).build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(PROPERTY + " names " + file.toAbsolutePath()
                    + ", which cannot be read as a MaxMind DB (.mmdb) file: " + e.getMessage(), e);
        }
        Metadata metadata = opened.getMetadata();
        String type = metadata.getDatabaseType();
        if (type == null || !(type.contains("Country") || type.contains("City") || type.contains("Enterprise"))) {
            closeQuietly(opened);
            throw new IllegalStateException(PROPERTY + " names " + file.toAbsolutePath() + ", a MaxMind database of type " + type
                    + " that has no countries; use GeoLite2-Country, GeoIP2-Country or a City database");
        }
        log.info("Sign-up country: GeoIP database {} ({}, built {})", file.toAbsolutePath(), type,
                metadata.getBuildDate().toInstant());
        return opened;
    }

    /**
     * The ISO country code the database gives for this address (as from {@code request.getRemoteAddr()}); empty
     * when no database is configured, the text is not an IP address, or the address is not in the database
     * (private ranges, loopback).
     */
    Optional<String> country(String address) {
        if (reader == null || address == null || address.isBlank()) {
            return Optional.empty();
        }
        InetAddress ip;
        try {
            ip = InetAddress.ofLiteral(address.strip()); // never a DNS lookup
        } catch (IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
        try {
            return reader.tryCountry(ip).map(CountryResponse::getCountry).map(Country::getIsoCode)
                    .map(code -> code.toUpperCase(Locale.ROOT));
        } catch (IOException | GeoIp2Exception | RuntimeException e) {
            // The message could name the address, so only the kind of failure is logged.
            log.warn("GeoIP lookup failed ({}); the country counts as unknown", e.getClass().getName());
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }

    private static void closeQuietly(DatabaseReader opened) {
        try {
            opened.close();
        } catch (IOException ignored) {
            // already failing the start with a clearer message
        }
    }
}
