package com.classentra.classwork.ui;

import com.classentra.classwork.ClassworkService;
import com.classentra.classwork.CourseItem;
import com.classentra.classwork.ItemKind;
import com.classentra.classwork.ItemNotFoundException;
import com.classentra.classwork.Submission;
import com.classentra.courses.CourseNotFoundException;
import com.classentra.files.FileService;
import com.classentra.files.ui.AttachmentUpload;
import com.classentra.live.LiveRooms;
import com.classentra.live.RoomState;
import com.classentra.live.ui.ParticipationPanel;
import com.classentra.live.ui.RoomEntry;
import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.RichText;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One item in full. For an assignment a student turns work in here and sees their versions and returned grade;
 * the teacher sees every student's status and grades from here.
 */
@Route("courses/:courseId/items/:itemId")
@RolesAllowed({"TEACHER", "STUDENT"})
public class ItemView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    private final transient ClassworkService classwork;
    private final transient AssignmentGrading grading;
    private final transient FileService files;
    private final transient LiveRooms liveRooms;
    private final SignedInUser user;
    private final boolean teaching;
    private CourseItem item;

    public ItemView(ClassworkService classwork, AssignmentGrading grading, FileService files, LiveRooms liveRooms,
            AuthenticationContext authentication) {
        this.classwork = classwork;
        this.liveRooms = liveRooms;
        this.grading = grading;
        this.files = files;
        this.user = authentication.getAuthenticatedUser(SignedInUser.class).orElseThrow();
        this.teaching = user.teachesInWorkspace();
        addClassName("console");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            UUID courseId = UUID.fromString(event.getRouteParameters().get("courseId").orElse(""));
            item = classwork.item(user, courseId, UUID.fromString(event.getRouteParameters().get("itemId").orElse("")));
        } catch (IllegalArgumentException | CourseNotFoundException | ItemNotFoundException e) {
            event.rerouteToError(NotFoundException.class, "This item does not exist or is not shared with you.");
            return;
        }
        render();
    }

    @Override
    public String getPageTitle() {
        return (item == null ? "Item" : item.title()) + " · Classentra";
    }

    private void render() {
        removeAll();
        Anchor back = new Anchor("courses/" + item.courseId(), "← Back to the course");
        back.addClassName("back-link");
        Span kind = new Span(item.kind().label());
        kind.getElement().getThemeList().add("badge");
        Div header = new Div(kind, new com.vaadin.flow.component.html.H1(item.title()), new Span(ItemSummaries.facts(item)));
        header.addClassName("item-header");
        add(back, header);
        if (!item.bodyHtml().isBlank()) {
            add(new Html("<div class=\"item-body\">" + item.bodyHtml() + "</div>"));
        }
        if (item.kind() == ItemKind.SESSION) {
            Div actions = new Div();
            actions.addClassName("item-actions");
            java.util.Optional<RoomState> room = liveRooms.state(user, item.id());
            if (room.isPresent()) {
                actions.add(RoomEntry.of(room.get(), teaching));
            } else if (item.meetingUrl() != null) {
                actions.add(ItemSummaries.external(item.meetingUrl(), "Join on " + com.classentra.classwork.ExternalLinks.meetingProvider(item.meetingUrl())));
            }
            if (teaching) {
                actions.add(new Anchor("courses/" + item.courseId() + "/sessions/" + item.id() + "/attendance", "Take attendance"));
            }
            add(actions);
            if (teaching && room.isPresent()) {
                add(new ParticipationPanel(liveRooms.participation(user, item.id())));
            }
        }
        if (item.kind() == ItemKind.LINK) {
            add(ItemSummaries.external(item.linkUrl(), item.linkUrl()));
        }
        if (!item.files().isEmpty()) {
            add(ItemSummaries.files(item.files()));
        }
        if (item.kind() == ItemKind.ASSIGNMENT) {
            add(teaching ? grading.rosterFor(user, item) : studentWork());
        }
    }

    private Component studentWork() {
        Section section = new Section();
        section.addClassName("your-work");
        Submission submission = classwork.submissionOf(user, item.courseId(), item.id());
        Optional<AssignmentGrading.ReturnedGrade> returned = grading.returnedGradeFor(user, item);
        Instant latestTurnIn = submission.turnedIn() ? submission.versions().getFirst().submittedAt() : null;
        section.add(new H2("Your work"), SubmissionBadge.of(submission.status()
                .afterReturn(returned.map(AssignmentGrading.ReturnedGrade::returnedAt).orElse(null), latestTurnIn)));
        returned.ifPresent(grade -> section.add(grade.view()));

        TextArea answer = new TextArea(submission.turnedIn() ? "Turn in a new version" : "Your answer");
        answer.setWidthFull();
        answer.setMinHeight("8rem");
        answer.setMaxLength(50_000);
        AttachmentUpload attachments = new AttachmentUpload(files, "Attach files");
        Button turnIn = new Button(submission.turnedIn() ? "Turn in again" : "Turn in", e -> {
            if (!attachments.readyToSave()) {
                return;
            }
            var result = classwork.turnIn(user, item.courseId(), item.id(), RichText.fromPlainParagraphs(answer.getValue()), attachments.takeStaged());
            attachments.reset();
            if (result.problems().isEmpty()) {
                Notification.show("Turned in. Your teacher can see it now.");
                render();
            } else {
                answer.setErrorMessage(result.problems().values().iterator().next());
                answer.setInvalid(true);
            }
        });
        turnIn.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        section.add(answer, attachments, turnIn);

        for (Submission.Version version : submission.versions()) {
            Div content = new Div();
            if (!version.textHtml().isBlank()) {
                content.add(new Html("<div class=\"item-body\">" + version.textHtml() + "</div>"));
            }
            content.add(ItemSummaries.files(version.files()));
            Details details = new Details("Version " + version.number() + " · " + ClientTime.format(version.submittedAt())
                    + (version.late() ? " · late" : ""), content);
            details.setOpened(version.number() == submission.versions().getFirst().number());
            section.add(details);
        }
        return section;
    }
}
