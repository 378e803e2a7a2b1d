package com.classentra.accounts;

import java.util.Locale;

/**
 * What a person enters to create an account.
 *
 * @param teacher          true to sign up as a teacher (with a workspace of their own), false as a student
 * @param title            optional, teachers only (e.g. "Dr.")
 * @param acceptedPolicies the person ticked "I accept" for the documents listed on the form
 * @param age              the age group they gave; null when they gave none
 */
public record SignUpForm(boolean teacher, String firstName, String lastName, String title, String email, String password,
        boolean acceptedPolicies, Locale locale, AgeGroup age) {
}
