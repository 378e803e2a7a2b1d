package com.classentra.testplugins;

import com.classentra.plugin.api.ConfigSchema;
import com.classentra.plugin.api.ProviderConfig;
import com.classentra.plugin.api.ProviderContext;
import com.classentra.plugin.api.ProviderDescriptor;
import com.classentra.plugin.api.Slot;
import com.classentra.plugin.api.email.EmailProviderFactory;
import com.classentra.plugin.api.email.EmailSender;
import org.pf4j.Extension;

/** A provider that forgot its subprocessor disclosure: the host must refuse to offer it. */
@Extension
public class NoDisclosureEmailProvider implements EmailProviderFactory {

    @Override
    public ProviderDescriptor descriptor() {
        return new ProviderDescriptor(Slot.EMAIL, "undisclosed", "Undisclosed (test)", "", ConfigSchema.empty(), null);
    }

    @Override
    public EmailSender create(ProviderConfig config, ProviderContext context) {
        throw new UnsupportedOperationException("never offered");
    }
}
