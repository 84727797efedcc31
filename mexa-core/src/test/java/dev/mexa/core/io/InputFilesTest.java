package dev.mexa.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void aNamedPipeIsAnErrorNotAHang() throws Exception {
        Path fifo = dir.resolve("config.json");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "mkfifo is not available: " + e.getMessage());
            return;
        }
        assumeTrue(mkfifo.waitFor() == 0 && Files.exists(fifo), "mkfifo failed");
        assertThatThrownBy(() -> StrictJson.read(fifo, "model config", "Fix it."))
                .isInstanceOf(MexaException.class)
                .hasMessage("Cannot read model config " + fifo + ": not a regular file (a named pipe, socket or"
                        + " device); point at the file itself.");
    }

    @Test
    void aDeviceIsAnError() {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero here");
        assertThatThrownBy(() -> InputFiles.readBytes(zero, "model config", 1024))
                .isInstanceOf(MexaException.class).hasMessageContaining("/dev/zero: not a regular file");
    }

    @Test
    void aDirectoryIsAnError() {
        assertThatThrownBy(() -> InputFiles.readBytes(dir, "corpus file", 1024))
                .isInstanceOf(MexaException.class).hasMessageContaining(": not a regular file (a directory)");
    }

    @Test
    void sizeIsCheckedBeforeReading() throws IOException {
        Path file = dir.resolve("big.json");
        Files.write(file, new byte[2048]);
        assertThatThrownBy(() -> InputFiles.readBytes(file, "MEXA report", 1024))
                .isInstanceOf(MexaException.class)
                .hasMessage("MEXA report " + file + " has 2048 bytes, more than the 1024 bytes such a file may have:"
                        + " check that it is the right file.");
    }

    @Test
    void permissionDeniedSaysSo() throws IOException {
        Path file = dir.resolve("eng_Latn.txt");
        Files.writeString(file, "x\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(file), "running as a user who can read any file (root)");
        assertThatThrownBy(() -> InputFiles.readBytes(file, "corpus file", 1024))
                .isInstanceOf(MexaException.class)
                .hasMessage("Cannot read corpus file " + file + ": permission denied.");
    }

    @Test
    void aNameTooLongSaysSo() {
        Path file = dir.resolve("x".repeat(300) + ".json");
        assertThatThrownBy(() -> InputFiles.readBytes(file, "MEXA report", 1024))
                .isInstanceOf(MexaException.class)
                .hasMessage("Cannot read MEXA report " + file + ": file name too long.");
    }

    @Test
    void aMissingFileSaysSo() {
        Path file = dir.resolve("missing.json");
        assertThatThrownBy(() -> InputFiles.readBytes(file, "shard index", 1024))
                .isInstanceOf(MexaException.class)
                .hasMessage("Shard index " + file + " does not exist: check the path.");
    }

    @Test
    void reasonsAreThePlainWordsOfTheSystem() {
        assertThat(IoReason.of(new java.nio.file.AccessDeniedException("/x"))).isEqualTo("permission denied");
        assertThat(IoReason.of(new java.nio.file.NoSuchFileException("/x"))).isEqualTo("no such file");
        assertThat(IoReason.of(new java.nio.file.FileSystemException("/x", null, "Is a directory")))
                .isEqualTo("is a directory");
        assertThat(IoReason.of(new java.nio.file.FileSystemException("/x"))).isEqualTo("input/output error");
        assertThat(IoReason.of(new java.nio.charset.MalformedInputException(1))).isEqualTo("not valid UTF-8");
    }
}
