package com.classentra.testsupport;

import com.classentra.accounts.RequestOrigin;
import java.util.concurrent.ThreadLocalRandom;

/** Request origins for tests; each from its own address so per-IP limits of one test never touch another. */
public final class TestOrigins {

    private TestOrigins() {
    }

    /** An address from the benchmarking range 198.18.0.0/15, which no real client uses. */
    public static RequestOrigin fresh() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return RequestOrigin.address("198.18." + random.nextInt(256) + "." + random.nextInt(1, 255));
    }
}
