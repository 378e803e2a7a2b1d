package com.classentra.classwork.ui;

import com.classentra.files.FileService;
import com.classentra.files.StagedUpload;
import com.classentra.files.UploadRefusedException;
import com.classentra.files.UploadRules;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Files picked for an item or a turn-in. Each file is checked as soon as it arrives (size, sniffed type) and
 * waits in a temporary file until the form is saved; a refused file is named with the reason, in place.
 */
class AttachmentUpload extends VerticalLayout {

    private final List<StagedUpload> staged = Collections.synchronizedList(new ArrayList<>());
    private final Span problem = new Span();
    private final Upload upload;

    AttachmentUpload(FileService files, String label) {
        setPadding(false);
        setSpacing(false);
        UI ui = UI.getCurrent();
        upload = new Upload(UploadHandler.toTempFile((metadata, file) -> {
            try {
                staged.add(files.stage(file.toPath(), metadata.fileName()));
            } catch (UploadRefusedException refused) {
                ui.access(() -> {
                    problem.setText(refused.getMessage());
                    problem.setVisible(true);
                });
            }
        }));
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, files.rules().maxBytes()));
        upload.setMaxFiles(10);
        upload.setAcceptedFileTypes(UploadRules.PICKER_EXTENSIONS.toArray(String[]::new));
        upload.addFileRejectedListener(e -> {
            problem.setText(e.getFileName() + ": " + (e.getErrorMessage().toLowerCase().contains("size")
                    ? "larger than " + files.rules().maxSizeLabel() + "." : "not a file type we accept."));
            problem.setVisible(true);
        });
        upload.addStartedListener(e -> problem.setVisible(false));
        upload.setWidthFull();
        problem.addClassName("field-error");
        problem.setVisible(false);
        Span caption = new Span(label + " · PDF, office documents, images, text, audio or video, up to " + files.rules().maxSizeLabel() + " each");
        caption.addClassName("field-caption");
        add(caption, upload, problem);
    }

    /** The files received so far; the form hands them to the service, which discards them when done. */
    List<StagedUpload> takeStaged() {
        synchronized (staged) {
            return List.copyOf(staged);
        }
    }

    /** After a successful save the list starts empty again. */
    void reset() {
        staged.clear();
        upload.clearFileList();
    }

    /** Temporary files of a form that was cancelled. */
    void discard() {
        synchronized (staged) {
            staged.forEach(StagedUpload::discard);
            staged.clear();
        }
    }
}
