package com.classentra.courses.ui;

import com.classentra.courses.CourseInvitations;
import com.classentra.courses.CourseInvitations.Invited;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.Counted;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.ArrayList;
import java.util.List;

/**
 * Invites students to a course by email, each with a personal link, or hands the teacher the course's join link to
 * share themselves.
 */
public class InviteDialog extends Dialog {

    public InviteDialog(CourseInvitations invitations, SignedInUser teacher, CourseSummary course, Runnable afterSending) {
        setHeaderTitle("Invite students to " + course.title());
        TextArea addresses = new TextArea("Email addresses");
        addresses.setHelperText("Separate them with commas or new lines; up to 50 at a time. Each person gets a link that only they can use, for "
                + CourseInvitations.VALIDITY.toDays() + " days.");
        addresses.setWidthFull();
        Paragraph share = new Paragraph("Or share the course's join link with the whole class: " + invitations.joinLink(course));
        share.addClassName("dialog-note");
        Button send = new Button("Send invitations", e -> {
            Invited invited = invitations.invite(teacher, course.id(), addresses.getValue());
            List<String> problems = new ArrayList<>();
            if (!invited.refused().isEmpty()) {
                problems.add("Not email addresses: " + String.join(", ", invited.refused()) + ".");
            }
            if (!invited.overDailyLimit().isEmpty()) {
                problems.add("You reached today's invitation limit; these were not sent. Try again tomorrow, or share the join link.");
            }
            List<String> left = new ArrayList<>(invited.refused());
            left.addAll(invited.overDailyLimit());
            String already = invited.alreadyIn().isEmpty() ? ""
                    : " Already in the course: " + String.join(", ", invited.alreadyIn()) + ".";
            if (problems.isEmpty()) {
                close();
            } else {
                // The sent ones are done; only what needs fixing stays in the box.
                addresses.setValue(String.join(", ", left));
                addresses.setErrorMessage(String.join(" ", problems));
                addresses.setInvalid(true);
            }
            Notification.show(Counted.of(invited.queued(), "invitation", "invitations") + (invited.queued() == 1 ? " is" : " are") + " on the way." + already);
            afterSending.run();
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(addresses, share);
        getFooter().add(new Button("Cancel", e -> close()), send);
        setWidth("min(36rem, 95vw)");
    }
}
