package com.classentra.privacy;

import com.classentra.files.FileService;
import com.classentra.platform.privacy.Erasure;
import com.classentra.platform.privacy.ErasureStep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** An account deletion's step: the person's export archives still in storage go to the file purge queue. */
@Component
@Order(20)
class ExportArchivesErasure implements ErasureStep {

    private final AccountDeletionRepository deletions;
    private final FileService files;

    ExportArchivesErasure(AccountDeletionRepository deletions, FileService files) {
        this.deletions = deletions;
        this.files = files;
    }

    @Override
    public String name() {
        return "export-archives";
    }

    @Override
    public int erase(Erasure erasure) {
        var keys = deletions.archivesOf(erasure.personId());
        keys.forEach(files::purgeLater);
        return keys.size();
    }
}
