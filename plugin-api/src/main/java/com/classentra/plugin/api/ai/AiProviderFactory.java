package com.classentra.plugin.api.ai;

import com.classentra.plugin.api.ProviderFactory;

/** Extension point of the AI slot: course-grounded suggestions for teachers and students. */
public interface AiProviderFactory extends ProviderFactory<AiAssistant> {
}
