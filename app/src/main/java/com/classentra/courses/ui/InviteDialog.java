package com.classentra.courses.ui;

import com.classentra.courses.CourseService;
import com.classentra.courses.CourseSummary;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.Counted;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;

/** Invites students to a course by email, or hands the teacher the join link to share themselves. */
public class InviteDialog extends Dialog {

    public InviteDialog(CourseService courses, SignedInUser teacher, CourseSummary course) {
        setHeaderTitle("Invite students to " + course.title());
        TextArea addresses = new TextArea("Email addresses");
        addresses.setHelperText("Separate them with commas or new lines; up to 50 at a time. Or share the link: " + courses.joinLink(course));
        addresses.setWidthFull();
        Button send = new Button("Send invitations", e -> {
            CourseService.Invited invited = courses.invite(teacher, course.id(), addresses.getValue());
            if (!invited.refused().isEmpty()) {
                // The valid addresses were sent; only what needs fixing stays in the box.
                addresses.setValue(String.join(", ", invited.refused()));
                addresses.setErrorMessage("Not email addresses: " + String.join(", ", invited.refused()));
                addresses.setInvalid(true);
            } else if (!invited.overDailyLimit().isEmpty()) {
                addresses.setValue(String.join(", ", invited.overDailyLimit()));
                addresses.setErrorMessage("You reached today's invitation limit; these were not sent. Try again tomorrow, or share the link.");
                addresses.setInvalid(true);
            } else {
                close();
            }
            Notification.show(Counted.of(invited.queued(), "invitation", "invitations") + (invited.queued() == 1 ? " is" : " are") + " on the way.");
        });
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(addresses);
        getFooter().add(new Button("Cancel", e -> close()), send);
        setWidth("min(36rem, 95vw)");
    }
}
