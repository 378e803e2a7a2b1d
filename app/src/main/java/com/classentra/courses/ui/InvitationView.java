package com.classentra.courses.ui;

import com.classentra.courses.CourseInvitations;
import com.classentra.courses.CourseInvitations.Accepted;
import com.classentra.courses.CourseInvitations.InvitationOutcome;
import com.classentra.courses.CourseInvitations.InvitationPreview;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.AuthPage;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * A personal invitation's link. Like the join link, opening it only asks; the invited person joins with the button.
 * Someone without an account is sent through sign-up and onboarding and comes back here.
 */
@Route(value = "courses/invitations/:token", autoLayout = false)
@PageTitle("Course invitation · Classentra")
@RolesAllowed("STUDENT")
public class InvitationView extends AuthPage implements BeforeEnterObserver {

    private final transient CourseInvitations invitations;
    private final transient AuthenticationContext authentication;

    public InvitationView(CourseInvitations invitations, AuthenticationContext authentication) {
        this.invitations = invitations;
        this.authentication = authentication;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        SignedInUser student = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        String token = event.getRouteParameters().get("token").orElse("");
        InvitationPreview invitation = invitations.preview(student, token);
        if (invitation.wouldBe() == InvitationOutcome.JOINED) {
            show("Join " + invitation.title() + " by " + invitation.teacherName() + "?",
                    invitation.teacherName() + " invited you. " + JoinCourseView.whatJoiningShares(invitation.teacherName()),
                    JoinCourseView.joinOrNotNow(this, invitation.title(), () -> accept(student, token)));
        } else {
            showWhyNot(invitation.wouldBe(), invitation.title(), invitation.invitedAddressHint(), student);
        }
    }

    private void accept(SignedInUser student, String token) {
        Accepted accepted = invitations.accept(student, token);
        if (accepted.outcome() == InvitationOutcome.JOINED) {
            getUI().ifPresent(ui -> ui.navigate("courses/" + accepted.courseId()));
        } else {
            // Revoked, expired or archived between the question and the click.
            showWhyNot(accepted.outcome(), accepted.title(), null, student);
        }
    }

    private void showWhyNot(InvitationOutcome outcome, String title, String invitedAddressHint, SignedInUser student) {
        switch (outcome) {
            case ALREADY_ENROLLED -> show("You are already in " + title, "Nothing more to do.", JoinCourseView.myCourses(this));
            case COURSE_ARCHIVED -> show(title + " has ended", "It takes no new students. Ask your teacher about the next one.",
                    JoinCourseView.myCourses(this));
            case EXPIRED -> show("This invitation has expired", "Invitations work for " + CourseInvitations.VALIDITY.toDays()
                    + " days. Ask your teacher to send it again.", JoinCourseView.myCourses(this));
            case USED -> show("This invitation has been used", "You joined " + title + " with it before. To come back, ask your teacher for a new invitation.",
                    JoinCourseView.myCourses(this));
            case REVOKED -> show("This invitation was withdrawn", "The teacher withdrew it, so it no longer works. Ask them if you think this is a mistake.",
                    JoinCourseView.myCourses(this));
            case WRONG_ACCOUNT -> {
                Button signOut = new Button("Sign out", e -> authentication.logout());
                signOut.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                Button elsewhere = JoinCourseView.myCourses(this);
                elsewhere.removeThemeVariants(ButtonVariant.LUMO_PRIMARY);
                show("This invitation is for " + (invitedAddressHint == null ? "another address" : invitedAddressHint),
                        "You are signed in as " + student.email() + ". Sign out, then open the link again and sign in or create an account "
                                + "with the invited address. Or ask your teacher to invite " + student.email() + ".",
                        new HorizontalLayout(signOut, elsewhere));
            }
            case UNKNOWN, JOINED -> show("This link is not valid", "It may have been cut short in the email. Open the whole link, or ask your teacher to send the invitation again.",
                    JoinCourseView.myCourses(this));
        }
    }
}
