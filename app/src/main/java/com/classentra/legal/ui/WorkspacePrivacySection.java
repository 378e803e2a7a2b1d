package com.classentra.legal.ui;

import com.classentra.platform.privacy.OrganizationDirectory;
import com.classentra.platform.privacy.OrganizationDirectory.Organization;
import com.classentra.legal.SubprocessorObjections;
import com.classentra.legal.SubprocessorObjections.ChangeForWorkspace;
import com.classentra.platform.security.SignedInUser;
import com.classentra.shell.SettingsSection;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import java.util.List;
import java.util.Optional;
import org.springframework.core.annotation.Order;

/**
 * For owners of organization workspaces, in Settings: who receives the workspace's privacy notices, and the
 * subprocessor changes announced to it, each open to the workspace's written objection.
 */
@org.springframework.stereotype.Component
@Order(80)
class WorkspacePrivacySection implements SettingsSection {

    private final OrganizationDirectory organizations;
    private final SubprocessorObjections objections;

    WorkspacePrivacySection(OrganizationDirectory organizations, SubprocessorObjections objections) {
        this.organizations = organizations;
        this.objections = objections;
    }

    @Override
    public Optional<Component> createFor(SignedInUser user) {
        List<Organization> owned = organizations.ownedBy(user);
        if (owned.isEmpty()) {
            return Optional.empty();
        }
        List<ChangeForWorkspace> announced = objections.forOwner(user);
        Section section = new Section(new H2("Workspace privacy"), new Paragraph("The privacy contact of an organization workspace is told "
                + "of every new or replaced subprocessor at least 30 days ahead, and may object. Without one, the owners are told."));
        section.addClassName("settings-section");
        for (Organization workspace : owned) {
            section.add(workspace(user, workspace, announced.stream().filter(c -> c.workspaceId().equals(workspace.id())).toList()));
        }
        return Optional.of(section);
    }

    private Div workspace(SignedInUser user, Organization workspace, List<ChangeForWorkspace> announced) {
        EmailField contact = new EmailField("Privacy contact");
        contact.setValue(workspace.privacyContact() == null ? "" : workspace.privacyContact());
        contact.setPlaceholder("privacy@example.org");
        contact.setHelperText("Leave empty to have the owners told.");
        Button save = new Button("Save", e -> organizations.setPrivacyContact(user, workspace.id(), contact.getValue()).ifPresentOrElse(problem -> {
            contact.setErrorMessage(problem);
            contact.setInvalid(true);
        }, () -> {
            contact.setInvalid(false);
            Notification.show("Privacy notices for " + workspace.name() + " now go to "
                    + (contact.getValue().isBlank() ? "its owners" : contact.getValue().strip()) + ".");
        }));
        HorizontalLayout contactRow = new HorizontalLayout(contact, save);
        contactRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        contactRow.setWrap(true);
        Div block = new Div(new H3(workspace.name()), contactRow);
        block.addClassName("workspace-privacy");
        if (announced.isEmpty()) {
            block.add(new Paragraph("No subprocessor change is announced."));
        }
        for (ChangeForWorkspace change : announced) {
            block.add(new H3("Announced: " + change.change().processorAfter() + " for " + change.change().slot().displayName()),
                    new ObjectionForm(change, reason -> objections.objectAsOwner(user, workspace.id(), change.change().id(), reason)));
        }
        return block;
    }
}
