package com.classentra.plugin.api.errors;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderInstance;

/** Records a server error. Events reach it already scrubbed of personal data. */
public interface ErrorReporter extends ProviderInstance {

    void report(ErrorEvent event) throws ProviderException;
}
