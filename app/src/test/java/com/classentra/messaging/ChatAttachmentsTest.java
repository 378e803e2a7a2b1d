package com.classentra.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.courses.CourseSummary;
import com.classentra.db.jooq.Tables;
import com.classentra.files.FileService;
import com.classentra.files.StagedUpload;
import com.classentra.files.StoredFileInfo;
import com.classentra.files.UploadRefusedException;
import com.classentra.platform.security.SignedInUser;
import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.Classrooms;
import com.classentra.testsupport.PlatformSql;
import com.classentra.testsupport.TestFiles;
import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Files sent in chat: the upload rules of course files, readable by whoever reads the message, gone with its content. */
@ClassentraTest
class ChatAttachmentsTest {

    @Autowired
    MessagingService messaging;
    @Autowired
    ChatChannels channels;
    @Autowired
    FileService files;
    @Autowired
    Classrooms classrooms;
    @Autowired
    PlatformSql platform;

    private SignedInUser teacher;
    private SignedInUser ana;
    private SignedInUser ben;
    private CourseSummary course;

    @BeforeEach
    void aCourse() {
        teacher = classrooms.teacher("Tess", "Teacher");
        course = classrooms.course(teacher, "Recorder " + UUID.randomUUID());
        ana = classrooms.student("Ana", "Alves");
        ben = classrooms.student("Ben", "Brook");
        classrooms.enrol(ana, course);
        classrooms.enrol(ben, course);
    }

    private StagedUpload pdf(String name) {
        return files.stage(new ByteArrayInputStream(TestFiles.PDF), name, TestFiles.PDF.length);
    }

    @Test
    void aFileSentDirectlyIsReadByTheTwoPeopleOnlyAndGoesWithItsMessage() {
        channels.allowStudentDirectMessages(teacher, course.id(), true);
        Channel direct = channels.direct(ana, course.id(), ben.id());
        ChatMessage sent = messaging.post(ana, direct.id(), "", null, List.of(pdf("score.pdf")));

        assertThat(sent.bodyHtml()).isEmpty();
        StoredFileInfo file = sent.files().getFirst();
        assertThat(file.filename()).isEqualTo("score.pdf");
        assertThat(file.contentType()).isEqualTo("application/pdf");
        assertThat(messaging.history(ben, direct.id(), null).getFirst().files()).extracting(StoredFileInfo::id).containsExactly(file.id());
        assertThat(files.downloadLink(ana, file.id())).isPresent();
        assertThat(files.downloadLink(ben, file.id())).isPresent();
        assertThat(files.downloadLink(teacher, file.id())).as("the workspace does not read its students' direct conversations").isEmpty();
        assertThat(files.downloadLink(classrooms.student(), file.id())).isEmpty();

        messaging.delete(ana, sent.id());
        assertThat(files.downloadLink(ben, file.id())).isEmpty();
        assertThat(platform.count(Tables.STORED_FILE, Tables.STORED_FILE.ID.eq(file.id()))).isZero();
        assertThat(platform.count(Tables.FILE_PURGE, Tables.FILE_PURGE.STORAGE_KEY.like("%" + file.id()))).as("its object waits for the purge").isEqualTo(1);
    }

    @Test
    void aCourseChannelsFilesAreReadByTheCourseAndBadFilesAreRefused() {
        Channel general = channels.courseChannel(teacher, course.id());
        ChatMessage sent = messaging.post(ben, general.id(), "<p>My part</p>", null, List.of(pdf("part.pdf")));
        assertThat(files.downloadLink(teacher, sent.files().getFirst().id())).isPresent();
        assertThat(files.downloadLink(ana, sent.files().getFirst().id())).isPresent();

        assertThatThrownBy(() -> files.stage(new ByteArrayInputStream(TestFiles.HTML), "notes.pdf", TestFiles.HTML.length))
                .isInstanceOf(UploadRefusedException.class);
        List<StagedUpload> six = Collections.nCopies(6, pdf("many.pdf"));
        assertThatThrownBy(() -> messaging.post(ben, general.id(), "<p>All of them</p>", null, six)).isInstanceOf(MessagingRefusedException.class)
                .hasMessage("Send at most 5 files with one message.");
        assertThatThrownBy(() -> messaging.post(ben, general.id(), "", null, List.of())).isInstanceOf(MessagingRefusedException.class)
                .hasMessage("Write something first.");
        assertThat(messaging.history(ana, general.id(), null)).hasSize(1);
    }
}
