package com.classentra.plugin.api.email;

import com.classentra.plugin.api.ProviderFactory;

/** Extension point of the email slot: transactional email delivery. */
public interface EmailProviderFactory extends ProviderFactory<EmailSender> {
}
