package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedMaterialTest {

    @TempDir
    Path dir;

    @Test
    void aMissingSharedDirectoryIsExplainedOnce() {
        AtomicBoolean told = new AtomicBoolean();
        assertThat(SharedMaterial.absenceNotice(dir.resolve("shared"), told)).hasValueSatisfying(notice -> assertThat(
                notice).startsWith("[mexa] The shared test material " + dir.resolve("shared") + " is absent")
                .contains("are skipped; set -Dmexa.shared.dir"));
        assertThat(SharedMaterial.absenceNotice(dir.resolve("shared"), told)).isEmpty();
    }

    @Test
    void aPartialSharedDirectoryIsNamed() {
        assertThat(SharedMaterial.absenceNotice(dir, new AtomicBoolean())).hasValueSatisfying(notice -> assertThat(
                notice).startsWith("[mexa] " + dir + " lacks some of the shared test material"));
    }
}
