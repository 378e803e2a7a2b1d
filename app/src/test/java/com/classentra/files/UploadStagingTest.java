package com.classentra.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.TestFiles;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ClassentraTest
class UploadStagingTest {

    @Autowired
    FileService files;
    @Autowired
    UploadStaging staging;
    @Autowired
    MeterRegistry meters;

    List<Path> staged() throws IOException {
        try (Stream<Path> listing = Files.list(staging.directory())) {
            return listing.sorted().toList();
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedWhileItArrivesAndNothingStaysOnDisk() throws IOException {
        List<Path> before = staged();
        TestFiles.Sender undeclared = new TestFiles.Sender(Long.MAX_VALUE);
        assertThatThrownBy(() -> files.stage(undeclared, "../../etc/huge.pdf", -1)).isInstanceOf(UploadRefusedException.class)
                .hasMessage("huge.pdf is larger than 25 MB.");
        assertThat(undeclared.taken()).isEqualTo(files.rules().maxBytes() + 1);

        TestFiles.Sender declared = new TestFiles.Sender(Long.MAX_VALUE);
        assertThatThrownBy(() -> files.stage(declared, "huge.pdf", files.rules().maxBytes() + 1)).isInstanceOf(UploadRefusedException.class)
                .hasMessage("huge.pdf is larger than 25 MB.");
        assertThat(declared.taken()).isZero();
        assertThat(staged()).isEqualTo(before);
    }

    @Test
    void refusedTypesGetAClearMessageAndLeaveNothingBehind() throws IOException {
        List<Path> before = staged();
        assertThatThrownBy(() -> files.stage(new ByteArrayInputStream(TestFiles.HTML), "notes.pdf", TestFiles.HTML.length)).isInstanceOf(UploadRefusedException.class)
                .hasMessageContaining("notes.pdf is not a file type we accept (text/html)");
        assertThatThrownBy(() -> files.stage(new ByteArrayInputStream(new byte[0]), "empty.pdf", 0)).isInstanceOf(UploadRefusedException.class)
                .hasMessage("empty.pdf is empty.");
        assertThat(staged()).isEqualTo(before);

        StagedUpload pdf = files.stage(new ByteArrayInputStream(TestFiles.PDF), "sheet.pdf", -1);
        assertThat(pdf.path().getParent()).isEqualTo(staging.directory());
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        pdf.discard();
        assertThat(staged()).isEqualTo(before);
    }

    @Test
    void theSweepRemovesStagedFilesOlderThanAnySessionAndRunsAsAJob() throws IOException {
        StagedUpload fresh = files.stage(new ByteArrayInputStream(TestFiles.PDF), "fresh.pdf", TestFiles.PDF.length);
        StagedUpload left = files.stage(new ByteArrayInputStream(TestFiles.PDF), "left.pdf", TestFiles.PDF.length);
        Files.setLastModifiedTime(left.path(), FileTime.from(Instant.now().minus(Duration.ofHours(13))));

        assertThat(staging.sweep(Duration.ofHours(12))).isEqualTo(1);
        assertThat(left.path()).doesNotExist();
        assertThat(fresh.path()).exists();
        fresh.discard();

        // The job runs on the scheduler at start, so it reports its lag and outcome like every job.
        Awaitility.await().atMost(Duration.ofSeconds(15))
                .until(() -> meters.find("classentra.job.executions").tag("task", "staged-upload-sweep").timer() != null);
        assertThat(meters.find("classentra.job.executions").tag("task", "staged-upload-sweep").tag("outcome", "success").timer()).isNotNull();
        assertThat(meters.find("classentra.job.lag").tag("task", "staged-upload-sweep").timer()).isNotNull();
    }
}
