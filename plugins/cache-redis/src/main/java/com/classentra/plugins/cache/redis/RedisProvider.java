package com.classentra.plugins.cache.redis;

import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.FieldType;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.SubprocessorDisclosure.DpfStatus;
import com.classentra.plugin.api.ratelimit.RateLimitBackend;
import com.classentra.plugin.api.ratelimit.RateLimitProviderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pf4j.Extension;

/** Rate-limit buckets and cache entries in Redis, self-hosted or at Upstash (which speaks the Redis protocol). */
@Extension
public class RedisProvider implements RateLimitProviderFactory {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String TLS = "tls";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String DATABASE = "database";
    static final String KEY_PREFIX = "keyPrefix";
    static final String CONNECT_TIMEOUT_MS = "connectTimeoutMs";
    static final String HOSTED_BY = "hostedBy";
    static final String UPSTASH = "upstash";
    static final String SELF_HOSTED = "self-hosted";
    /** A managed Redis of some other company (ElastiCache, Redis Cloud, ...): named by the administrator. */
    static final String OTHER_COMPANY = "other-company";
    static final String OPERATOR_NAME = "operatorName";
    static final String OPERATOR_LOCATION = "operatorLocation";

    /** The row of the subprocessor list for Upstash, word for word. */
    static final SubprocessorDisclosure UPSTASH_DISCLOSURE = SubprocessorDisclosure.thirdParty(
            "Upstash, Inc.",
            "Managed Redis for caching and rate-limit counters (planned)",
            "United States (global edge)",
            List.of("Short-TTL cache entries", "rate-limit counters", "hot-key snapshots"),
            DpfStatus.VERIFY);

    static final SubprocessorDisclosure SELF_HOSTED_DISCLOSURE = SubprocessorDisclosure.selfHosted(
            "Rate-limit counters and short-lived cache entries, in a Redis server that runs on infrastructure you operate");

    private static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.choice(HOSTED_BY, "Hosted by", SELF_HOSTED, UPSTASH, OTHER_COMPANY).withDefault(SELF_HOSTED)
                    .withHelp("Who runs this Redis: it decides what the subprocessor page lists."),
            ConfigField.of(OPERATOR_NAME, "Company running it (legal name)", FieldType.TEXT).withRange(2L, 200L)
                    .withHelp("Only for another company's managed Redis, e.g. \"Amazon Web Services, Inc.\"; shown on the subprocessor page."),
            ConfigField.of(OPERATOR_LOCATION, "Where it keeps the data", FieldType.TEXT).withRange(2L, 200L)
                    .withHelp("Only for another company's managed Redis: country or region."),
            ConfigField.of(HOST, "Host", FieldType.TEXT).asRequired().asEndpoint()
                    .withPattern("[A-Za-z0-9][A-Za-z0-9.-]*|\\[[0-9A-Fa-f:.]+]", "must be a host name or an IP address")
                    .withHelp("For Upstash, the endpoint shown on the database page, e.g. eu1-example-12345.upstash.io."),
            ConfigField.of(PORT, "Port", FieldType.INTEGER).withDefault("6379").withRange(1L, 65535L),
            ConfigField.of(TLS, "Use TLS", FieldType.BOOLEAN).withDefault("false")
                    .withHelp("Upstash accepts TLS connections only."),
            ConfigField.of(USERNAME, "Username", FieldType.TEXT).withRange(null, 128L)
                    .withHelp("Only for Redis ACL users; leave empty for the default user."),
            ConfigField.of(PASSWORD, "Password", FieldType.TEXT).asSecret().withRange(null, 512L),
            ConfigField.of(DATABASE, "Database index", FieldType.INTEGER).withDefault("0").withRange(0L, 1023L)
                    .withHelp("Upstash has database 0 only."),
            ConfigField.of(KEY_PREFIX, "Key prefix", FieldType.TEXT).withDefault("classentra:")
                    .withRange(null, 64L).withPattern("\\S+", "must not contain spaces")
                    .withHelp("Put before every key, so several installations can share one Redis."),
            ConfigField.of(CONNECT_TIMEOUT_MS, "Connect timeout (ms)", FieldType.INTEGER).withDefault("2000")
                    .withRange(100L, 60000L).withHelp("Also the longest one command may take."));

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(
            Slot.RATE_LIMITS,
            "redis",
            "Redis",
            "Keeps rate-limit buckets and short-lived cache entries in Redis, shared by every app node.",
            SCHEMA,
            SELF_HOSTED_DISCLOSURE);

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public List<FieldError> validate(ProviderConfig config) {
        List<FieldError> errors = new ArrayList<>();
        boolean upstash = isUpstash(config);
        String host = config.require(HOST).toLowerCase(Locale.ROOT);
        if (upstash && !Boolean.parseBoolean(config.require(TLS))) {
            errors.add(new FieldError(TLS, "Upstash accepts TLS connections only"));
        }
        if (upstash && config.get(PASSWORD).isEmpty()) {
            errors.add(new FieldError(PASSWORD, "Upstash needs the database password"));
        }
        if (config.get(HOSTED_BY).orElse(SELF_HOSTED).equals(OTHER_COMPANY)) {
            if (config.get(OPERATOR_NAME).isEmpty()) {
                errors.add(new FieldError(OPERATOR_NAME, "Name the company that runs this Redis"));
            }
            if (config.get(OPERATOR_LOCATION).isEmpty()) {
                errors.add(new FieldError(OPERATOR_LOCATION, "Say where this Redis keeps the data"));
            }
        }
        if (!upstash && host.endsWith(".upstash.io")) {
            // Otherwise the subprocessor page would claim no third party while Upstash holds the data.
            errors.add(new FieldError(HOSTED_BY, "This host is run by Upstash: choose Upstash under Hosted by"));
        }
        return errors;
    }

    @Override
    public SubprocessorDisclosure disclosure(ProviderConfig config) {
        return switch (config.get(HOSTED_BY).orElse(SELF_HOSTED)) {
            case UPSTASH -> UPSTASH_DISCLOSURE;
            case OTHER_COMPANY -> SubprocessorDisclosure.thirdParty(config.require(OPERATOR_NAME),
                    "Managed Redis for caching and rate-limit counters", config.require(OPERATOR_LOCATION),
                    UPSTASH_DISCLOSURE.dataCategories(), DpfStatus.VERIFY);
            default -> SELF_HOSTED_DISCLOSURE;
        };
    }

    @Override
    public RateLimitBackend create(ProviderConfig config, ProviderContext context) throws ProviderException {
        return new RedisBackend(RedisSettings.from(config));
    }

    private static boolean isUpstash(ProviderConfig config) {
        return config.get(HOSTED_BY).orElse(SELF_HOSTED).equals(UPSTASH);
    }
}
