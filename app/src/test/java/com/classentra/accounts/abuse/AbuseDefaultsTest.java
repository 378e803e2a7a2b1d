package com.classentra.accounts.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import com.classentra.testsupport.ClassentraTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;

/** What the application does out of the box, with no abuse settings. */
@ClassentraTest
class AbuseDefaultsTest {

    @Autowired
    DisposableEmailDomains disposable;
    @Autowired
    SignUpCountryPolicy countries;

    @Test
    void theShippedListIsLoadedAndNoCountryHeaderIsTrusted() {
        assertThat(disposable.isDisposable("new.student@maildrop.cc")).isTrue();
        assertThat(disposable.isDisposable("new.student@outlook.com")).isFalse();

        MockHttpServletRequest fromRussia = new MockHttpServletRequest();
        fromRussia.addHeader("CF-IPCountry", "RU");
        fromRussia.addHeader("X-Vercel-IP-Country", "RU");
        assertThat(countries.refusal(fromRussia)).isEmpty();
    }
}
