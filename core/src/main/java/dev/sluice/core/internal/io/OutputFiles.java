package dev.sluice.core.internal.io;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * How Sluice writes its output files. {@link #atomic} for what others read while Sluice may be
 * writing it (artifacts, exports): whole or not at all, through a temporary file moved over the
 * old one. {@link #plain} for the many per-node files under target/ (compiled and run SQL), which
 * only need to be right when the command ends: written in place, and not at all when unchanged.
 */
public final class OutputFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<?>[] READABLE = POSIX
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"))}
            : new FileAttribute<?>[0];

    private OutputFiles() {
    }

    /** Writes {@code text} to {@code file} whole or not at all; returns {@code file}. */
    public static Path atomic(Path file, String text) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // readable by others as a plain write would be (temporary files default to owner-only)
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", READABLE);
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw failure(file, e);
        }
    }

    /** Writes what {@code content} writes to {@code file} whole or not at all, buffered; returns {@code file}. */
    public static Path atomic(Path file, WriterContent content) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp", READABLE);
            try (java.io.Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw failure(file, e);
        }
    }

    /** What {@link #atomic(Path, WriterContent)} writes, streamed rather than held as one string. */
    @FunctionalInterface
    public interface WriterContent {
        void writeTo(java.io.Writer out) throws IOException;
    }

    /** Writes {@code text} to {@code file} in place, creating directories; leaves an identical file alone. */
    public static Path plain(Path file, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            // one stat for the usual cases (absent, or of another size); a compile writes thousands
            long size = -1;
            try {
                size = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).size();
            } catch (java.nio.file.NoSuchFileException absent) {
                // written below
            }
            if (size == bytes.length && Arrays.equals(Files.readAllBytes(file), bytes)) {
                return file;
            }
            try {
                Files.write(file, bytes);
            } catch (java.nio.file.NoSuchFileException noDirectory) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.write(file, bytes);
            }
            return file;
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static SluiceException failure(Path file, IOException e) {
        return SluiceException.user("output.write", Location.of(file.toString()), "Cannot write " + file + ": "
                + e.getMessage() + " (check the disk space and the directory's permissions)", e);
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; that error is the one to report
            }
        }
    }
}
