package com.classentra.testplugins;

import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldError;
import com.classentra.plugin.api.FieldType;
import com.classentra.plugin.api.HealthReport;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.email.EmailMessage;
import com.classentra.plugin.api.email.EmailProviderFactory;
import com.classentra.plugin.api.email.EmailSender;
import com.classentra.plugin.api.email.SendReceipt;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.pf4j.Extension;

/**
 * A second email provider for host tests: its receipts say which provider sent them and it can be told
 * to fail or hang, to exercise isolation. Its receipt also carries the class loader that loaded it, so a
 * test can see it came through PF4J.
 */
@Extension
public class RecordingEmailProvider implements EmailProviderFactory {

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(Slot.EMAIL, "recording", "Recording (test)", "Test provider",
                ConfigSchema.of(
                        ConfigField.of("apiKey", "API key", FieldType.TEXT).asRequired().asSecret().withRange(8L, 100L),
                        ConfigField.choice("behaviour", "Behaviour", "deliver", "fail", "hang").withDefault("deliver"),
                        ConfigField.of("region", "Region", FieldType.TEXT).withPattern("[a-z]{2}-[a-z]+-\\d", "must look like us-east-1")),
                SubprocessorDisclosure.thirdParty("Recording Test Inc.", "Test email", "Nowhere", List.of("Email address"),
                        SubprocessorDisclosure.DpfStatus.VERIFY));
    }

    @Override
    public List<FieldError> validate(ProviderConfig config) {
        return config.require("apiKey").startsWith("sk_") ? List.of() : List.of(new FieldError("apiKey", "API keys start with sk_"));
    }

    @Override
    public EmailSender create(ProviderConfig config, ProviderContext context) {
        return new Sender(config.get("behaviour").orElse("deliver"), config.require("apiKey"));
    }

    static final class Sender implements EmailSender {

        private final AtomicInteger sent = new AtomicInteger();
        private final String behaviour;
        private final String keyFingerprint;

        Sender(String behaviour, String apiKey) {
            this.behaviour = behaviour;
            this.keyFingerprint = Integer.toHexString(apiKey.hashCode());
        }

        @Override
        public SendReceipt send(EmailMessage message) throws ProviderException {
            switch (behaviour) {
                case "fail" -> throw new ProviderException(ProviderException.Kind.RETRYABLE, "503 from the test peer");
                case "hang" -> {
                    try {
                        Thread.sleep(60_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                default -> {
                }
            }
            return new SendReceipt("recording-" + sent.incrementAndGet() + "-key-" + keyFingerprint
                    + "-loader-" + getClass().getClassLoader().getClass().getSimpleName());
        }

        @Override
        public HealthReport checkHealth() {
            return behaviour.equals("fail") ? HealthReport.unhealthy("the test peer answers 503") : HealthReport.healthy("recording");
        }
    }
}
