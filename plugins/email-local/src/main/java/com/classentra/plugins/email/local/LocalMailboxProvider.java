package com.classentra.plugins.email.local;

import com.classentra.plugin.api.ConfigField;
import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.FieldType;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.SubprocessorDisclosure;
import com.classentra.plugin.api.email.EmailProviderFactory;
import com.classentra.plugin.api.email.EmailSender;
import org.pf4j.Extension;

/** Default email provider: nothing leaves the server, every message lands in a mailbox directory. */
@Extension
public class LocalMailboxProvider implements EmailProviderFactory {

    static final String DIRECTORY = "directory";

    private static final ProviderDescriptor DESCRIPTOR = new ProviderDescriptor(
            Slot.EMAIL,
            "local",
            "Local mailbox",
            "Writes each message as an .eml file into a directory on this server, for development and offline use.",
            ConfigSchema.of(ConfigField.of(DIRECTORY, "Mailbox directory", FieldType.PATH)
                    .withHelp("Leave empty to use the mailbox folder in the data directory.")),
            SubprocessorDisclosure.onThisServer("Email is written to files on this server and not delivered"));

    @Override
    public ProviderDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public EmailSender create(ProviderConfig config, ProviderContext context) throws ProviderException {
        return new LocalMailbox(context.directory(config, DIRECTORY, "mailbox"));
    }
}
