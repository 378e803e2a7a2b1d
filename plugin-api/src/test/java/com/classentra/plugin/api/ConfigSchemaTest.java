package com.classentra.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSchemaTest {

    private final ConfigSchema schema = ConfigSchema.of(
            ConfigField.of("endpoint", "Endpoint", FieldType.URL).asRequired(),
            ConfigField.of("apiKey", "API key", FieldType.TEXT).asRequired().asSecret().withRange(8L, 200L),
            ConfigField.of("maxSizeMb", "Largest file (MB)", FieldType.INTEGER).withDefault("25").withRange(1L, 5000L),
            ConfigField.choice("mode", "Mode", "live", "test").withDefault("test"),
            ConfigField.of("region", "Region", FieldType.TEXT).withPattern("[a-z]{2}-[a-z]+-\\d", "must look like us-east-1"),
            ConfigField.of("sender", "Sender", FieldType.EMAIL),
            ConfigField.of("tls", "Use TLS", FieldType.BOOLEAN).withDefault("true"));

    @Test
    void acceptsValidValuesAndAppliesDefaults() {
        var result = schema.validate(Map.of("endpoint", "https://api.example.com", "apiKey", "  secret-key-1  ",
                "region", "eu-west-1", "sender", "noreply@example.com"));

        assertThat(result.errors()).isEmpty();
        assertThat(result.config().values()).containsEntry("apiKey", "secret-key-1")
                .containsEntry("maxSizeMb", "25").containsEntry("mode", "test").containsEntry("tls", "true");
        assertThat(result.config().integer("maxSizeMb")).isEqualTo(25);
    }

    @Test
    void reportsOneMessagePerBadField() {
        var result = schema.validate(Map.of("endpoint", "ftp://files.example.com", "apiKey", "short",
                "maxSizeMb", "lots", "mode", "prod", "region", "Mars", "sender", "not-an-address", "tls", "yes",
                "colour", "blue"));

        assertThat(result.valid()).isFalse();
        assertThat(result.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("colour", "endpoint", "apiKey", "maxSizeMb", "mode", "region", "sender", "tls");
        assertThat(result.errors()).contains(
                new FieldError("endpoint", "Endpoint must be an http or https URL with a host"),
                new FieldError("apiKey", "API key must be at least 8 characters"),
                new FieldError("maxSizeMb", "Largest file (MB) must be a whole number"),
                new FieldError("mode", "Mode must be one of live, test"),
                new FieldError("region", "Region must look like us-east-1"),
                new FieldError("colour", "Unknown setting \"colour\""));
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        var result = schema.validate(Map.of("apiKey", "   "));

        assertThat(result.errors()).containsExactlyInAnyOrder(
                new FieldError("endpoint", "Endpoint is required"), new FieldError("apiKey", "API key is required"));
    }

    @Test
    void integerBoundsAreEnforced() {
        var result = schema.validate(Map.of("endpoint", "https://x.example", "apiKey", "12345678", "maxSizeMb", "0"));

        assertThat(result.errors()).containsExactly(new FieldError("maxSizeMb", "Largest file (MB) must be at least 1"));
    }

    @Test
    void providerConfigNeverPrintsValues() {
        var config = new ProviderConfig(Map.of("apiKey", "top-secret"));

        assertThat(config.toString()).doesNotContain("top-secret");
    }

    @Test
    void descriptorWithoutDisclosureIsRefused() {
        assertThatThrownBy(() -> new ProviderDescriptor(Slot.EMAIL, "x", "X", "", ConfigSchema.empty(), null))
                .hasMessageContaining("disclosure");
    }

    @Test
    void thirdPartyDisclosureMustNameDataCategories() {
        assertThatThrownBy(() -> SubprocessorDisclosure.thirdParty("Acme Inc.", "Email", "United States",
                java.util.List.of(), SubprocessorDisclosure.DpfStatus.VERIFY))
                .hasMessageContaining("data categories");
    }

    @Test
    void onlyLocationSettingsDecideWhetherTheDataMoves() {
        ConfigSchema schema = ConfigSchema.of(
                ConfigField.of("bucket", "Bucket", FieldType.TEXT).asRequired().asLocation(),
                ConfigField.of("secret", "Secret", FieldType.TEXT).asSecret(),
                ConfigField.of("prefix", "Prefix", FieldType.TEXT).asLocation());

        assertThat(schema.sameLocation(Map.of("bucket", "a", "secret", "old"), Map.of("bucket", "a", "secret", "new"))).isTrue();
        assertThat(schema.sameLocation(Map.of("bucket", "a"), Map.of("bucket", "b"))).isFalse();
        assertThat(schema.sameLocation(Map.of("bucket", "a"), Map.of("bucket", "a", "prefix", "p/"))).as("a prefix added").isFalse();
        assertThat(schema.field("bucket").orElseThrow().location()).isTrue();
        assertThat(schema.field("secret").orElseThrow().location()).isFalse();
    }

    @Test
    void hostAndUrlSettingsSayWhereTheProviderConnects() {
        ConfigSchema schema = ConfigSchema.of(
                ConfigField.of("host", "Host", FieldType.TEXT).asRequired().asEndpoint(),
                ConfigField.of("baseUrl", "API address", FieldType.URL).withDefault("https://api.example.com"),
                ConfigField.of("password", "Password", FieldType.TEXT).asSecret(),
                ConfigField.of("port", "Port", FieldType.INTEGER));

        assertThat(schema.fields()).filteredOn(ConfigField::endpoint).extracting(ConfigField::key)
                .as("a URL is an endpoint without saying so").containsExactly("host", "baseUrl");
        assertThat(schema.sameEndpoints(Map.of("host", "a.example", "password", "old", "port", "25"),
                Map.of("host", "a.example", "password", "new", "port", "587"))).isTrue();
        assertThat(schema.sameEndpoints(Map.of("host", "a.example"), Map.of("host", "b.example"))).isFalse();
        assertThat(schema.sameEndpoints(Map.of("host", "a.example"), Map.of("host", "a.example", "baseUrl", "https://x.example")))
                .as("an address added").isFalse();
    }
}
