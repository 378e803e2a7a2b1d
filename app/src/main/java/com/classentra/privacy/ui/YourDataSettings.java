package com.classentra.privacy.ui;

import com.classentra.platform.security.SignedInUser;
import com.classentra.platform.text.ByteSizes;
import com.classentra.privacy.DataExports;
import com.classentra.privacy.DataExports.ExportState;
import com.classentra.privacy.DataExports.Request;
import com.classentra.shell.ClientTime;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import java.time.Instant;
import java.util.Optional;

/**
 * "Download my data": ask for the archive, watch it being made (the page asks the server every two seconds while it
 * is), and download it while it lasts. The same link arrives by email.
 */
class YourDataSettings extends Section {

    private static final int POLL_MILLIS = 2000;

    private final transient DataExports exports;
    private final SignedInUser user;
    private final Div state = new Div();
    private Registration polling;

    YourDataSettings(DataExports exports, SignedInUser user) {
        this.exports = exports;
        this.user = user;
        addClassName("settings-section");
        state.addClassName("export-state");
        add(new H2("Your data"), new Paragraph("Download a copy of everything Classentra keeps about you: your profile, courses, work, "
                + "grades, attendance, calendar, notifications and files, as JSON files and the files themselves in one ZIP. We email you "
                + "a link when it is ready. It works for " + DataExports.AVAILABLE_FOR.toDays() + " days, and only while you are signed in."), state);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        show(attachEvent.getUI());
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        stopPolling(detachEvent.getUI());
    }

    private void show(UI ui) {
        state.removeAll();
        Optional<ExportState> latest = exports.latest(user);
        boolean inProgress = latest.map(export -> export.status() == DataExports.Status.WAITING || export.status() == DataExports.Status.BUILDING)
                .orElse(false);
        latest.ifPresentOrElse(this::describe, () -> state.add(askButton()));
        if (inProgress) {
            startPolling(ui);
        } else {
            stopPolling(ui);
        }
    }

    private void describe(ExportState export) {
        switch (export.status()) {
            case WAITING, BUILDING -> {
                ProgressBar bar = new ProgressBar();
                bar.setIndeterminate(true);
                bar.getElement().setAttribute("aria-label", "Making your export");
                state.add(new Paragraph("Making your export (asked " + ClientTime.format(export.requestedAt()) + "): "
                        + (export.progress() == null ? "waiting for its turn." : export.progress() + ".")), bar);
            }
            case READY -> {
                Anchor download = new Anchor(exports.downloadPath(export.id()), "Download my data (" + ByteSizes.label(export.sizeBytes()) + ")");
                download.getElement().setAttribute("router-ignore", true);
                download.addClassName("primary-link");
                state.add(new Paragraph("Your export is ready. It is available until " + ClientTime.format(export.expiresAt()) + "."), download,
                        nextRequest(export));
            }
            case EXPIRED -> state.add(new Paragraph("Your last export, made " + ClientTime.formatDate(export.readyAt())
                    + ", has expired and was deleted."), askButton());
            case FAILED -> state.add(new Paragraph("Your last export could not be made. Please try again; if it fails again, write to the privacy contact named in the privacy policy."), askButton());
        }
    }

    /** Ask again, or when that becomes possible. */
    private com.vaadin.flow.component.Component nextRequest(ExportState export) {
        Instant next = export.requestedAt().plus(DataExports.ONE_REQUEST_PER);
        return next.isAfter(Instant.now()) ? new Paragraph("You can ask for a new export from " + ClientTime.format(next) + ".") : askButton();
    }

    private Button askButton() {
        Button ask = new Button("Download my data", VaadinIcon.DOWNLOAD.create(), e -> {
            Request request = exports.request(user);
            if (!request.accepted()) {
                state.add(new Paragraph("You can ask for one export a day. The next is possible from " + ClientTime.format(request.nextAllowedAt()) + "."));
                return;
            }
            e.getSource().getUI().ifPresent(this::show);
        });
        ask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return ask;
    }

    private void startPolling(UI ui) {
        if (polling == null) {
            ui.setPollInterval(POLL_MILLIS);
            polling = ui.addPollListener(poll -> show(ui));
        }
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
            ui.setPollInterval(-1);
        }
    }
}
