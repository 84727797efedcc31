package dev.mexa.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeUnzipTest {

    @TempDir
    Path work;

    private Path target() throws IOException {
        return Files.createDirectories(work.resolve("out"));
    }

    @Test
    void unpacksFilesAndDirectories() throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("model/", "");
        entries.put("model/config.json", "{}");
        entries.put("README", "hello");
        Path archive = Archives.zip(work.resolve("a.zip"), entries);

        new SafeUnzip(10, 100).unpack(archive, "the archive", target());

        assertThat(target().resolve("model/config.json")).hasContent("{}");
        assertThat(target().resolve("README")).hasContent("hello");
    }

    @Test
    void refusesAnEntryThatWouldBeWrittenOutsideTheDirectory() throws IOException {
        Path archive = Archives.zip(work.resolve("slip.zip"), Map.of("model/../../evil.txt", "x"));

        assertThatThrownBy(() -> new SafeUnzip(10, 100).unpack(archive, "the archive", target()))
                .isInstanceOf(MexaException.class)
                .hasMessage("the archive has the entry 'model/../../evil.txt', which would be written outside the"
                        + " unpacked directory: the archive is damaged or malicious; rebuild it from the checkpoint"
                        + " directory.");
        assertThat(work.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void refusesAbsoluteNames() throws IOException {
        Path archive = Archives.zip(work.resolve("absolute.zip"), Map.of("/etc/evil", "x"));

        assertThatThrownBy(() -> new SafeUnzip(10, 100).unpack(archive, "the archive", target()))
                .hasMessageStartingWith("the archive has the entry '/etc/evil', which would be written outside");
    }

    @Test
    void refusesMoreEntriesThanTheLimit() throws IOException {
        Path archive = Archives.zip(work.resolve("many.zip"), Map.of("a", "1", "b", "2", "c", "3"));

        assertThatThrownBy(() -> new SafeUnzip(2, 100).unpack(archive, "the archive", target()))
                .hasMessage("the archive holds 3 entries, more than the 2 a checkpoint archive may hold: package"
                        + " only the checkpoint directory.");
    }

    @Test
    void refusesMoreBytesThanTheLimitBeforeWritingAnything() throws IOException {
        Path archive = Archives.zip(work.resolve("big.zip"), Map.of("a", "x".repeat(60), "b", "y".repeat(60)));

        assertThatThrownBy(() -> new SafeUnzip(10, 100).unpack(archive, "the archive", target()))
                .hasMessage("the archive unpacks to 120 bytes, more than the limit of 100: package only the"
                        + " checkpoint directory.");
        try (var files = Files.list(target())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void namesAFileThatIsNotAnArchive() throws IOException {
        Path notZip = Files.writeString(work.resolve("model.jar"), "not a zip");

        assertThatThrownBy(() -> new SafeUnzip(10, 100).unpack(notZip, "the archive", target()))
                .hasMessageStartingWith("the archive (" + notZip + ") is not a readable zip or jar archive");
    }
}
