package com.classentra.accounts;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Which sign-in methods this installation offers, for the sign-in and sign-up pages. */
@Component
public class SignInOptions {

    /** Session attribute holding why the last Google sign-in was refused, for the sign-in page. */
    public static final String GOOGLE_ERROR = "classentra.google.error";

    private final boolean google;

    SignInOptions(@Value("${classentra.google.client-id:}") String googleClientId) {
        this.google = !googleClientId.isBlank();
    }

    public boolean google() {
        return google;
    }
}
