package com.classentra.accounts.ui;

import com.classentra.accounts.RequestOrigin;
import com.classentra.accounts.abuse.SignUpCountryPolicy;
import com.classentra.platform.ratelimit.ClientAddress;
import com.classentra.platform.ratelimit.RateLimitedException;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** The origin of the current Vaadin request, and the words for "slow down". */
final class Origins {

    private Origins() {
    }

    static RequestOrigin current(SignUpCountryPolicy countries) {
        VaadinServletRequest vaadin = VaadinServletRequest.getCurrent();
        if (vaadin == null) {
            return new RequestOrigin(ClientAddress.current(), Optional.empty(), Optional.empty());
        }
        HttpServletRequest request = vaadin.getHttpServletRequest();
        return new RequestOrigin(ClientAddress.current(), countries.refusal(request), countries.country(request));
    }

    static String tooMany(RateLimitedException limited) {
        return "Too many attempts from here. " + limited.tryAgainLater();
    }
}
