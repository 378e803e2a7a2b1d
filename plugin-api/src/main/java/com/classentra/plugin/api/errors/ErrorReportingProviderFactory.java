package com.classentra.plugin.api.errors;

import com.classentra.plugin.api.ProviderFactory;

/** Extension point of the errors slot: where server errors are reported. */
public interface ErrorReportingProviderFactory extends ProviderFactory<ErrorReporter> {
}
