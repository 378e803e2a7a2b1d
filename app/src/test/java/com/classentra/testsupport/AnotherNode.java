package com.classentra.testsupport;

import com.classentra.ClassentraApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Starts another application context in this JVM (a second node, another database mode) without taking over the
 * shared test context's security: Vaadin installs its SecurityContextHolderStrategy JVM-wide at every start, and code
 * of the shared context that reads SecurityContextHolder statically would then see an empty context.
 */
public final class AnotherNode {

    private AnotherNode() {
    }

    public static ConfigurableApplicationContext start(String... arguments) {
        SecurityContextHolderStrategy ours = SecurityContextHolder.getContextHolderStrategy();
        try {
            return new SpringApplicationBuilder(ClassentraApplication.class).run(arguments);
        } finally {
            SecurityContextHolder.setContextHolderStrategy(ours);
        }
    }
}
