package com.classentra.testsupport;

import com.classentra.platform.privacy.Erasure;
import com.classentra.platform.privacy.ErasureStep;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A step of every account deletion in the tests, between the features' steps and the registry's: does nothing, or,
 * once armed, fails once, as a node dying half-way through a deletion would leave it.
 */
@Component
@Order(15)
public class ErasureCrash implements ErasureStep {

    private final AtomicBoolean armed = new AtomicBoolean();

    public void armOnce() {
        armed.set(true);
    }

    @Override
    public String name() {
        return "test-crash-point";
    }

    @Override
    public int erase(Erasure erasure) {
        if (armed.getAndSet(false)) {
            throw new IllegalStateException("the node died here");
        }
        return 0;
    }
}
