package com.classentra.plugin.api.ai;

import com.classentra.plugin.api.ProviderException;
import com.classentra.plugin.api.ProviderInstance;

/** Answers one request grounded in course text. */
public interface AiAssistant extends ProviderInstance {

    AiCompletion complete(AiRequest request) throws ProviderException;
}
