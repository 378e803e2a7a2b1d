package com.classentra.plugins.email.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.SubprocessorDisclosure.DpfStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmtpRelayProviderTest {

    private final SmtpRelayProvider provider = new SmtpRelayProvider();

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new HashMap<>(Map.of("host", "smtp.example.com", "operatorName", "Example Mail GmbH",
                "operatorLocation", "Germany"));
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private ConfigSchema.Validation validate(Map<String, String> form) {
        return provider.descriptor().configSchema().validate(form);
    }

    @Test
    void badHostPortAndEncryptionAreRefusedFieldByField() {
        assertThat(validate(form("host", "smtp://mail.example.com", "port", "0", "security", "ssl")).errors()).containsExactlyInAnyOrder(
                new FieldError("host", "SMTP server must be a host name such as smtp.example.com"),
                new FieldError("port", "Port must be at least 1"),
                new FieldError("security", "Encryption must be one of starttls, tls, none"));
        assertThat(validate(Map.of()).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("host", "operatorName", "operatorLocation");
        assertThat(validate(form("port", "70000")).errors()).containsExactly(new FieldError("port", "Port must be at most 65535"));
    }

    @Test
    void defaultsAreSubmissionPortWithRequiredStarttls() {
        var validation = validate(form());
        assertThat(validation.valid()).isTrue();
        assertThat(validation.config().values()).containsEntry("port", "587").containsEntry("security", "starttls")
                .containsEntry("trustServerCertificate", "false");
        assertThat(provider.descriptor().configSchema().field("password").orElseThrow().secret()).isTrue();
    }

    @Test
    void userNameAndPasswordComeTogether() {
        assertThat(provider.validate(validate(form("username", "mailer")).config()))
                .containsExactly(new FieldError("password", "Password is required when a user name is set"));
        assertThat(provider.validate(validate(form("password", "pw-123456")).config()))
                .containsExactly(new FieldError("username", "User name is required when a password is set"));
        assertThat(provider.validate(validate(form("username", "mailer", "password", "pw-123456")).config())).isEmpty();
    }

    @Test
    void disclosureNamesTheOperatorTheSettingsChoose() {
        var config = validate(form("operatorDpf", "n/a")).config();
        assertThat(provider.disclosure(config)).isEqualTo(SubprocessorDisclosure.thirdParty("Example Mail GmbH",
                "Transactional email delivery", "Germany", List.of("Email address", "name", "message content"), DpfStatus.NOT_APPLICABLE));
        assertThat(provider.disclosure(validate(form()).config()).dpfStatus()).isEqualTo(DpfStatus.VERIFY);
        assertThat(provider.descriptor().disclosure().sharesPersonalData()).isTrue();
    }
}
