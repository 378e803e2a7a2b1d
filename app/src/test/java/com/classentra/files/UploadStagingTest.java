package com.classentra.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.classentra.testsupport.ClassentraTest;
import com.classentra.testsupport.TestFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ClassentraTest
class UploadStagingTest {

    @Autowired
    FileService files;
    @Autowired
    UploadStaging staging;

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
}
