package com.classentra.platform.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.platform.net.PublicAddresses;
import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.FieldType;
import com.classentra.plugin.api.ProviderConfig;
import java.net.InetAddress;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EndpointGuardTest {

    private static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.of("dsn", "DSN", FieldType.TEXT).asRequired().asSecret().asEndpoint(),
            ConfigField.of("token", "Server API token", FieldType.TEXT).asSecret(),
            ConfigField.of("timeoutMs", "Timeout (ms)", FieldType.INTEGER));
    /** Sentry's public name without asking DNS; IP literals as Java reads them. */
    private static final PublicAddresses.Resolver DNS = host -> host.equals("o1.ingest.sentry.io")
            ? new InetAddress[] {InetAddress.getByName("34.120.195.249")} : PublicAddresses.DNS.resolve(host);

    private final EndpointGuard strict = new EndpointGuard(false, DNS);

    @Test
    void aPublicServerPassesAndOnlyItsHostIsJudged() {
        var config = new ProviderConfig(Map.of("dsn", "https://key@o1.ingest.sentry.io/42"));

        assertThat(strict.refusals(SCHEMA, Set.of(), Map.of(), config)).isEmpty();
        assertThat(strict.refusals(SCHEMA, Set.of(), Map.of(), new ProviderConfig(Map.of("dsn", "https://key@sentry_local/42"))))
                .containsExactly(new FieldError("dsn", "DSN must name a server"));
    }

    @Test
    void keptSecretsAreRefusedOnlyWhenAnEndpointChanged() {
        Map<String, String> previous = Map.of("dsn", "https://key@o1.ingest.sentry.io/42", "token", "t1", "timeoutMs", "4000");
        var timeoutChanged = new ProviderConfig(Map.of("dsn", "https://key@o1.ingest.sentry.io/42", "token", "t1", "timeoutMs", "9000"));
        var dsnChanged = new ProviderConfig(Map.of("dsn", "https://other@o1.ingest.sentry.io/43", "token", "t1"));

        assertThat(strict.refusals(SCHEMA, Set.of("dsn", "token"), previous, timeoutChanged)).isEmpty();
        assertThat(strict.refusals(SCHEMA, Set.of("token"), previous, dsnChanged))
                .containsExactly(new FieldError("token", "Enter the server API token again: the address changed"));
        assertThat(strict.refusals(SCHEMA, Set.of(), previous, dsnChanged)).as("every secret entered anew").isEmpty();
    }

    @Test
    void theOperatorMayAllowPrivateServers() {
        var local = new ProviderConfig(Map.of("dsn", "http://key@127.0.0.1:9000/1"));

        assertThat(strict.refusals(SCHEMA, Set.of(), Map.of(), local))
                .containsExactly(new FieldError("dsn", "DSN must name a public server: 127.0.0.1 is on this machine"));
        assertThat(new EndpointGuard(true, DNS).refusals(SCHEMA, Set.of(), Map.of(), local)).isEmpty();
    }
}
