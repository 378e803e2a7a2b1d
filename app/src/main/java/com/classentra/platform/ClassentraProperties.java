package com.classentra.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code classentra.*}.
 *
 * @param dataDirectory where the embedded database, the master key, local plugins' data, extracted
 *                      plugin jars and uploads waiting for their form live (default {@code ~/.classentra/data})
 * @param masterKey     base64 of a 256-bit key that encrypts plugin secrets; when empty, one is generated
 *                      and kept in the data directory
 * @param publicUrl     the address people use to reach this server, for links in emails and the console
 * @param plugins       plugin host settings
 */
@ConfigurationProperties("classentra")
public record ClassentraProperties(Path dataDirectory, String masterKey, String publicUrl, Plugins plugins) {

    public ClassentraProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of(System.getProperty("user.home"), ".classentra", "data");
        }
        if (publicUrl == null || publicUrl.isBlank()) {
            publicUrl = "http://localhost:8080";
        }
        if (plugins == null) {
            plugins = new Plugins(null, null, null, null, null, false);
        }
    }

    /**
     * @param directory        extra directory scanned for third-party plugin jars, besides the bundled ones
     * @param defaults         slot key to provider id used while an administrator has chosen nothing
     * @param callTimeout      longest a provider call may take before it counts as failed
     * @param healthTimeout    longest a health check may take
     * @param stateRefresh     how often a node re-reads the active providers that another node may have switched
     * @param allowPrivateEndpoints whether provider settings may name servers on this machine, its private networks
     *                         or a cloud metadata service (a relay on the local network, a VPC endpoint); off by default
     */
    public record Plugins(Path directory, Map<String, String> defaults, Duration callTimeout, Duration healthTimeout,
            Duration stateRefresh, boolean allowPrivateEndpoints) {

        public Plugins {
            defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
            callTimeout = callTimeout == null ? Duration.ofSeconds(30) : callTimeout;
            healthTimeout = healthTimeout == null ? Duration.ofSeconds(5) : healthTimeout;
            stateRefresh = stateRefresh == null ? Duration.ofSeconds(2) : stateRefresh;
        }
    }
}
