package com.classentra.files.ui;

import com.classentra.files.FileService;
import com.classentra.files.StagedUpload;
import com.classentra.files.UploadRefusedException;
import com.classentra.files.UploadRules;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Files picked for an item, a turn-in or a chat message. The server keeps the limits while each file arrives (size, at most
 * {@value #MAX_FILES} files unless told fewer) and checks its sniffed type; a refused file is marked failed in the list with the reason
 * below it, and the form cannot be saved while it is there, so nothing is left out unnoticed. Accepted files wait in
 * the staging folder until the form is saved; removing one from the list, closing the form, leaving the page or the
 * session ending discards them.
 */
public class AttachmentUpload extends VerticalLayout {

    /** How many files a course item or a turn-in takes. */
    public static final int MAX_FILES = 10;

    /** An accepted file, by the name the browser gave it (which is how the list names it when it is removed). */
    private record Held(String clientName, StagedUpload file) {
    }

    private final FileService files;
    private final int maxFiles;
    private final Upload upload;
    private final Span problem = new Span();
    // Written by upload requests (which run without the session lock) and read by the form: guarded by this.
    private final List<Held> held = new ArrayList<>();
    private final Map<String, String> refusals = new LinkedHashMap<>();
    private int arriving;
    private boolean detached;
    /** The browser's own refusal of the last file picked (too large, wrong extension): it never joins the list. */
    private String pickerRefusal = "";

    public AttachmentUpload(FileService files, String label) {
        this(files, label, MAX_FILES);
    }

    public AttachmentUpload(FileService files, String label, int maxFiles) {
        this.files = files;
        this.maxFiles = maxFiles;
        setPadding(false);
        setSpacing(false);
        upload = new Upload(this::receive);
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, files.rules().maxBytes()));
        upload.setMaxFiles(maxFiles);
        upload.setAcceptedFileTypes(UploadRules.PICKER_EXTENSIONS.toArray(String[]::new));
        upload.setI18n(new UploadI18N().setUploading(new UploadI18N.Uploading().setError(new UploadI18N.Uploading.Error()
                .setForbidden("Not accepted: see why below"))));
        upload.addFileRejectedListener(e -> {
            pickerRefusal = e.getFileName() + ": " + (e.getErrorMessage().toLowerCase().contains("size")
                    ? "larger than " + files.rules().maxSizeLabel() + "." : "not a file type we accept.");
            showProblems("");
        });
        upload.addFileRemovedListener(e -> forget(e.getFileName()));
        upload.setWidthFull();
        problem.addClassName("field-error");
        problem.setVisible(false);
        Span caption = new Span(label + " · PDF, office documents, images, text, audio or video, up to " + files.rules().maxSizeLabel() + " each");
        caption.addClassName("field-caption");
        add(caption, upload, problem);
        addAttachListener(e -> setDetached(false));
        addDetachListener(e -> {
            setDetached(true);
            reset();
        });
    }

    /**
     * One file of an upload request, in the request's thread. The place in the list is taken before any byte is read,
     * so concurrent requests cannot pass the count together; a refusal answers 4xx, which the list shows as failed.
     */
    private void receive(UploadEvent event) {
        String name = event.getFileName();
        if (!takePlace(name)) {
            refuse(event, name, name + " was not added: attach at most " + maxFiles + " files at a time.");
            return;
        }
        try {
            StagedUpload file = files.stage(event.getInputStream(), name, event.getFileSize());
            synchronized (this) {
                if (detached) { // the form went away while the file arrived
                    file.discard();
                } else {
                    held.add(new Held(name, file));
                }
            }
        } catch (UploadRefusedException refused) {
            refuse(event, name, refused.getMessage());
        } finally {
            synchronized (this) {
                arriving--;
            }
        }
    }

    /** A new try with a name replaces that name's earlier refusal (the list's retry button, or a corrected file). */
    private synchronized boolean takePlace(String name) {
        refusals.remove(name);
        if (held.size() + arriving >= maxFiles) {
            return false;
        }
        arriving++;
        return true;
    }

    private void refuse(UploadEvent event, String name, String message) {
        event.reject(message);
        synchronized (this) {
            refusals.put(name, message);
            if (detached) {
                return;
            }
        }
        event.getUI().access(() -> showProblems(""));
    }

    /** The person removed a file from the list: its refusal goes, or else the staged file of that name. */
    private void forget(String name) {
        synchronized (this) {
            if (refusals.remove(name) == null) {
                held.stream().filter(h -> h.clientName().equals(name)).findFirst().ifPresent(h -> {
                    held.remove(h);
                    h.file().discard();
                });
            }
        }
        showProblems("");
    }

    private synchronized void setDetached(boolean detached) {
        this.detached = detached;
    }

    /**
     * Whether the form may be saved with these files: not while a refused file is in the list (it would be left out
     * silently) or a file is still arriving. Otherwise the reason is shown in place.
     */
    public boolean readyToSave() {
        String blocker;
        synchronized (this) {
            blocker = !refusals.isEmpty() ? "Remove the files that were not accepted from the list, or replace them, before you go on."
                    : arriving > 0 || upload.isUploading() ? "Wait until every file has finished uploading." : "";
        }
        showProblems(blocker);
        return blocker.isEmpty();
    }

    /** The browser's last refusal, the server's refusals of files still in the list, and what to do about them. */
    private void showProblems(String advice) {
        String refused;
        synchronized (this) {
            refused = String.join(" ", refusals.values());
        }
        String text = Stream.of(pickerRefusal, refused, advice).filter(s -> !s.isEmpty()).collect(Collectors.joining(" "));
        problem.setText(text);
        problem.setVisible(!text.isEmpty());
    }

    /** The files received so far; the form hands them to the service, which discards them when done. */
    public synchronized List<StagedUpload> takeStaged() {
        return held.stream().map(Held::file).toList();
    }

    /** After a save, or when the form goes away: the list starts empty again and no file stays staged. */
    public void reset() {
        synchronized (this) {
            held.forEach(h -> h.file().discard());
            held.clear();
            refusals.clear();
        }
        pickerRefusal = "";
        upload.clearFileList();
        showProblems("");
    }
}
