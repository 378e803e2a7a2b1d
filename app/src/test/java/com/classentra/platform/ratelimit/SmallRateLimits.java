package com.classentra.platform.ratelimit;

import com.classentra.testsupport.ClassentraTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The application with limits small enough to reach in a test, in a context of its own so the suite's shared
 * context keeps the defaults. Tests use their own client addresses (X-Forwarded-For from the local proxy, which
 * the server trusts) and keys, so they do not use up each other's buckets.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassentraTest
@TestPropertySource(properties = {
        "classentra.rate-limits.sign-in-ip.capacity=5",
        "classentra.rate-limits.sign-in-ip.period=1m",
        "classentra.rate-limits.sign-in-account-failures.capacity=3",
        "classentra.rate-limits.sign-in-account-failures.period=10m",
        "classentra.rate-limits.sign-in-account-failures-any-address.capacity=6",
        "classentra.rate-limits.sign-in-account-failures-any-address.period=1h",
        "classentra.rate-limits.sign-up-ip.capacity=3",
        "classentra.rate-limits.anonymous-requests-ip.capacity=8",
        "classentra.rate-limits.verification-resend-account.capacity=2",
        "classentra.rate-limits.verification-resend-account.period=1s"})
public @interface SmallRateLimits {
}
