package dev.enrichment.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/** A throwaway PostgreSQL cluster in its own directory, run from local server binaries on a free loopback port. */
final class LocalCluster {

    static final String SUPERUSER = "postgres";
    static final String HOST = "127.0.0.1";
    private static final String DIR_PREFIX = "test-postgres-";
    private static final String OWNER_PID_FILE = "owner.pid";
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(120);
    private static final int START_ATTEMPTS = 3;
    private static final int LOG_TAIL_LINES = 40;
    private static final String SETTINGS = """

            # Throwaway test cluster: loopback TCP only, no durability
            listen_addresses = '127.0.0.1'
            unix_socket_directories = ''
            max_connections = 64
            shared_buffers = 16MB
            fsync = off
            synchronous_commit = off
            full_page_writes = off
            """;
    private static final Logger LOG = Logger.getLogger(LocalCluster.class);

    private final Path binDir;
    private final OsCommands os;
    private final Path dir;
    private final String superuserPassword = randomPassword();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile int port;

    private LocalCluster(Path binDir, OsCommands os, Path dir) {
        this.binDir = binDir;
        this.os = os;
        this.dir = dir;
    }

    /** Creates, configures and starts a cluster in a new directory under {@code parentDir}. */
    static LocalCluster start(Path binDir, Path parentDir) throws IOException {
        OsCommands os = OsCommands.forThisProcess();
        Path tempDir = Path.of(System.getProperty("java.io.tmpdir"));
        removeAbandoned(binDir, os, parentDir);
        removeAbandoned(binDir, os, tempDir);
        LocalCluster cluster = new LocalCluster(binDir, os, createDir(os, parentDir, tempDir));
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "test-postgres-stop"));
        try {
            cluster.initdb();
            cluster.configure();
            cluster.startServer();
            return cluster;
        } catch (IOException | RuntimeException e) {
            cluster.stop();
            throw e;
        }
    }

    static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
    }

    String superuserPassword() {
        return superuserPassword;
    }

    Path dir() {
        return dir;
    }

    String serverUser() {
        return os.serverUser();
    }

    /** Stops the server and deletes the cluster directory; safe to call more than once. */
    void stop() {
        if (stopped.compareAndSet(false, true)) {
            try {
                stopServer(binDir, os, dir, "fast");
                deleteTree(dir);
            } catch (IOException | RuntimeException e) {
                LOG.warnf(e, "Could not remove the test PostgreSQL cluster in %s", dir);
            }
        }
    }

    private static Path createDir(OsCommands os, Path parentDir, Path tempDir) throws IOException {
        Files.createDirectories(parentDir);
        Path dir = newDir(os, parentDir);
        if (os.serverUserCanWrite(dir)) {
            return dir;
        }
        // e.g. a checkout under /root: the server user cannot reach target/, but it can reach the temp directory
        deleteTree(dir);
        dir = newDir(os, tempDir);
        if (os.serverUserCanWrite(dir)) {
            return dir;
        }
        deleteTree(dir);
        throw new IllegalStateException("The OS user '" + os.serverUser() + "' cannot write to " + parentDir + " or "
                + tempDir + " to hold the test PostgreSQL cluster");
    }

    private static Path newDir(OsCommands os, Path parent) throws IOException {
        Path dir = Files.createTempDirectory(parent, DIR_PREFIX);
        Files.writeString(
                dir.resolve(OWNER_PID_FILE),
                Long.toString(ProcessHandle.current().pid()));
        os.handOver(dir);
        return dir;
    }

    /** Removes clusters left behind by JVMs that were killed before their shutdown hook ran. */
    private static void removeAbandoned(Path binDir, OsCommands os, Path parent) {
        try (Stream<Path> dirs = Files.list(parent)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(DIR_PREFIX))
                    .toList()) {
                if (!ownerAlive(dir)) {
                    LOG.infof("Removing abandoned test PostgreSQL cluster %s", dir);
                    stopServer(binDir, os, dir, "immediate");
                    deleteTree(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debugf(e, "Could not clean up abandoned test PostgreSQL clusters in %s", parent);
        }
    }

    private static boolean ownerAlive(Path dir) {
        try {
            long pid =
                    Long.parseLong(Files.readString(dir.resolve(OWNER_PID_FILE)).trim());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | NumberFormatException e) {
            // unreadable or not yet written by a JVM that is still starting: leave it alone
            return true;
        }
    }

    private void initdb() throws IOException {
        Path passwordFile = dir.resolve("superuser-password");
        Files.writeString(passwordFile, superuserPassword);
        os.handOver(passwordFile);
        try {
            runTool(
                    List.of(
                            tool("initdb"),
                            "-D",
                            dataDir().toString(),
                            "-U",
                            SUPERUSER,
                            "--pwfile=" + passwordFile,
                            "--auth=scram-sha-256",
                            "--encoding=UTF8",
                            "--no-locale",
                            "--no-sync"),
                    "initdb");
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private void configure() throws IOException {
        Files.writeString(dataDir().resolve("pg_hba.conf"), "host all all 127.0.0.1/32 scram-sha-256\n");
        Files.writeString(dataDir().resolve("postgresql.conf"), SETTINGS, StandardOpenOption.APPEND);
    }

    /** Stops the server (fast shutdown) and keeps the cluster, so {@link #restartServer()} brings back the same data. */
    void stopServerKeepingData() throws IOException {
        stopServer(binDir, os, dir, "fast");
    }

    /** Starts a server stopped by {@link #stopServerKeepingData()} again, on the port it had: clients reconnect. */
    void restartServer() throws IOException {
        int exit = pgCtlStart();
        if (exit != 0) {
            throw failure("pg_ctl start (restart on port " + port + ") exited with " + exit);
        }
    }

    void stopServerKeepingDataUnchecked() {
        try {
            stopServerKeepingData();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void restartServerUnchecked() {
        try {
            restartServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startServer() throws IOException {
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            int exit = pgCtlStart();
            if (exit == 0) {
                return;
            }
            // another process may have taken the port between probing and binding it
            if (attempt == START_ATTEMPTS || !tail(serverLog()).contains("could not bind")) {
                throw failure("pg_ctl start exited with " + exit);
            }
        }
    }

    private int pgCtlStart() throws IOException {
        return os.run(
                List.of(
                        tool("pg_ctl"),
                        "-D",
                        dataDir().toString(),
                        "-l",
                        serverLog().toString(),
                        "-o",
                        "-p " + port,
                        "-w",
                        "-t",
                        "60",
                        "start"),
                dir,
                toolOutput(),
                TOOL_TIMEOUT);
    }

    private static void stopServer(Path binDir, OsCommands os, Path dir, String mode) throws IOException {
        Path data = dir.resolve("data");
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return;
        }
        List<String> stop = List.of(
                binDir.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w", "-t", "30", "stop");
        if (os.run(stop, dir, ProcessBuilder.Redirect.DISCARD, TOOL_TIMEOUT) != 0 && !"immediate".equals(mode)) {
            stopServer(binDir, os, dir, "immediate");
        }
    }

    private void runTool(List<String> command, String name) throws IOException {
        int exit = os.run(command, dir, toolOutput(), TOOL_TIMEOUT);
        if (exit != 0) {
            throw failure(name + " exited with " + exit);
        }
    }

    private IllegalStateException failure(String what) {
        return new IllegalStateException("Could not start the test PostgreSQL cluster in " + dir + " as OS user '"
                + os.serverUser() + "': " + what
                + "\n--- tool output ---\n" + tail(dir.resolve("tools.log"))
                + "\n--- server log ---\n" + tail(serverLog()));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            return "(none)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }

    /** Each tool's output replaces the previous one's, so a failure shows the failing tool's output. */
    private ProcessBuilder.Redirect toolOutput() {
        return ProcessBuilder.Redirect.to(dir.resolve("tools.log").toFile());
    }

    private String tool(String name) {
        return binDir.resolve(name).toString();
    }

    private Path dataDir() {
        return dir.resolve("data");
    }

    private Path serverLog() {
        return dir.resolve("postgres.log");
    }
}
