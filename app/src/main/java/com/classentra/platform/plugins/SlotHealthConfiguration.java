package com.classentra.platform.plugins;

import com.classentra.plugin.api.Slot;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/health/slots/<slot>}: one component per plugin slot. A slot with no provider reports
 * UNKNOWN (it does not take the service down); a provider that is missing, failed or unhealthy reports DOWN.
 */
@Configuration(proxyBeanMethods = false)
class SlotHealthConfiguration {

    @Bean
    CompositeHealthContributor slotsHealthContributor(SlotRegistry registry) {
        Map<String, HealthIndicator> slots = new LinkedHashMap<>();
        for (Slot slot : Slot.values()) {
            slots.put(slot.key(), () -> {
                SlotRegistry.SlotHealth health = registry.health(slot);
                Health.Builder builder = health.healthy() == null ? Health.unknown() : health.healthy() ? Health.up() : Health.down();
                return builder.withDetail("provider", health.providerId() == null ? "none" : health.providerId())
                        .withDetail("detail", health.detail())
                        .build();
            });
        }
        return CompositeHealthContributor.fromMap(slots);
    }
}
