package com.classentra.testsupport;

import com.classentra.platform.security.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoint (it exists on the test class path alone) that fails the way careless code does: it puts the
 * signed-in person's email and name (when someone is signed in), a query value, the session cookie and a bearer
 * token into the exception.
 */
@RestController
public class FailingRequestController {

    public static final String PATH = "/test-support/failing-request";

    @GetMapping(PATH + "/{courseId}")
    String fail(@AuthenticationPrincipal SignedInUser user, @RequestParam("invite") String invite, HttpServletRequest request) {
        String session = request.getSession(false) == null ? "none" : request.getSession(false).getId();
        String person = user == null ? "a visitor" : user.displayName() + " <" + user.email() + ">";
        throw new IllegalStateException("Export failed for " + person + ", invite " + invite
                + ", session " + session + ", upstream said Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlMTIzNDU2");
    }
}
