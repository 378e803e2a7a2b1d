package com.classentra.accounts;

import com.classentra.accounts.abuse.SignUpCountryPolicy;
import com.classentra.platform.security.SignedInUser.Role;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * "Sign up with Google" from the sign-up page: checks the age group given there against the request's country,
 * remembers it and the chosen role for the account Google's answer creates, then goes to Google.
 */
@Controller
@ConditionalOnProperty("classentra.google.client-id")
class GoogleSignUpController {

    private final SignUpCountryPolicy countries;

    GoogleSignUpController(SignUpCountryPolicy countries) {
        this.countries = countries;
    }

    @GetMapping("/signup/google")
    String signUpWithGoogle(@RequestParam(defaultValue = "student") String role, @RequestParam(required = false) String age,
            HttpServletRequest request) {
        AgeGroup group = Arrays.stream(AgeGroup.values()).filter(g -> g.name().equals(age)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose your age group on the sign-up page first."));
        SignUpAge.refusal(group, countries.country(request)).ifPresent(refusal -> {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, refusal);
        });
        request.getSession().setAttribute(GoogleSignInConfiguration.REQUESTED_ROLE, "teacher".equals(role) ? Role.TEACHER : Role.STUDENT);
        request.getSession().setAttribute(GoogleSignInConfiguration.REQUESTED_AGE, group);
        return "redirect:/oauth2/authorization/google";
    }
}
