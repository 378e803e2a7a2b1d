package com.classentra.accounts;

import com.classentra.platform.security.SignedInUser.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "Sign up with Google" from the sign-up page: remembers the chosen role, then goes to Google. */
@Controller
@ConditionalOnProperty("classentra.google.client-id")
class GoogleSignUpController {

    @GetMapping("/signup/google")
    String signUpWithGoogle(@RequestParam(defaultValue = "student") String role, HttpServletRequest request) {
        request.getSession().setAttribute(GoogleSignInConfiguration.REQUESTED_ROLE, "teacher".equals(role) ? Role.TEACHER : Role.STUDENT);
        return "redirect:/oauth2/authorization/google";
    }
}
