package com.classentra.testsupport.e2e;

import com.classentra.testsupport.ClassentraTest;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An end-to-end journey in headless Chromium against the whole application on a random port. Same
 * application context as {@link ClassentraTest} (add {@code @TestPropertySource} for a fresh one), tagged
 * {@code browser} so {@code -Dclassentra.excludedTestGroups=browser} skips it. Test methods take a
 * {@link Journey} parameter: a fresh browser context (cookies, storage) per test, one browser per class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ClassentraTest
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
}
