package dev.mexa.core.archive;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a zip or jar into an empty directory, refusing what would write outside it (absolute names, {@code ..}),
 * more entries or bytes than the limits, and entries that inflate past the size their header declares.
 */
final class SafeUnzip {

    private final int maxEntries;
    private final long maxBytes;

    /**
     * @param maxEntries the most entries an archive may hold
     * @param maxBytes the most bytes its entries may hold together, unpacked
     */
    SafeUnzip(int maxEntries, long maxBytes) {
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    /**
     * @param archive the zip or jar
     * @param what the archive's name in messages
     * @param target an existing empty directory
     * @throws MexaException naming the archive and the entry at fault
     */
    void unpack(Path archive, String what, Path target) {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            checkLimits(entries, what, target);
            for (ZipEntry entry : entries) {
                Path out = inside(target, entry.getName(), what);
                if (out.equals(target)) {
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    try (InputStream in = zip.getInputStream(entry);
                            OutputStream sink = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
                        copy(in, sink, entry, what);
                    }
                }
            }
        } catch (ZipException e) {
            throw new MexaException(what + " (" + archive + ") is not a readable zip or jar archive: " + e.getMessage()
                    + ". Package the checkpoint directory as a jar or zip.", e);
        } catch (IOException e) {
            throw new MexaException("Cannot unpack " + what + " (" + archive + ") into " + target + ": "
                    + e.getMessage() + ". Check that the directory is writable and the disk is not full.", e);
        }
    }

    private void checkLimits(List<? extends ZipEntry> entries, String what, Path target) throws IOException {
        if (entries.size() > maxEntries) {
            throw new MexaException(what + " holds " + entries.size() + " entries, more than the " + maxEntries
                    + " a checkpoint archive may hold: package only the checkpoint directory.");
        }
        long total = 0;
        for (ZipEntry entry : entries) {
            total += Math.max(entry.getSize(), 0);
        }
        if (total > maxBytes) {
            throw new MexaException(what + " unpacks to " + total + " bytes, more than the limit of " + maxBytes
                    + ": package only the checkpoint directory.");
        }
        long free = Files.getFileStore(target).getUsableSpace();
        if (total > free) {
            throw new MexaException(what + " unpacks to " + total + " bytes but " + target.getParent() + " has "
                    + free + " bytes free: free disk space or set modelCache (mexa.modelCache) to another disk.");
        }
    }

    private static Path inside(Path target, String name, String what) {
        Path out = target.resolve(name).normalize();
        if (name.startsWith("/") || name.contains("\\") || !out.startsWith(target)) {
            throw new MexaException(what + " has the entry '" + name + "', which would be written outside the"
                    + " unpacked directory: the archive is damaged or malicious; rebuild it from the checkpoint"
                    + " directory.");
        }
        return out;
    }

    private static void copy(InputStream in, OutputStream out, ZipEntry entry, String what) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long written = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            written += read;
            if (written > entry.getSize()) {
                throw new MexaException(what + " entry " + entry.getName() + " inflates past the " + entry.getSize()
                        + " bytes its header declares: the archive is damaged or malicious; rebuild it.");
            }
            out.write(buffer, 0, read);
        }
    }
}
