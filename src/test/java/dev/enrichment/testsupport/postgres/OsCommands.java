package dev.enrichment.testsupport.postgres;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs PostgreSQL's programs as this process's user, or as an unprivileged one when the JVM runs as root. */
final class OsCommands {

    private static final List<String> SYSTEM_DIRS = List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin");

    private final String serverUser;
    private final List<String> switchUser;

    private OsCommands(String serverUser, List<String> switchUser) {
        this.serverUser = serverUser;
        this.switchUser = switchUser;
    }

    static OsCommands forThisProcess() {
        if (!runningAsRoot()) {
            return new OsCommands(null, List.of());
        }
        // initdb, pg_ctl and postgres refuse to run as root
        String user = userExists("postgres") ? "postgres" : "nobody";
        return new OsCommands(user, switchUserCommand(user));
    }

    /** The OS user the server runs as. */
    String serverUser() {
        return serverUser != null ? serverUser : System.getProperty("user.name");
    }

    /** Makes the server user the owner of a file this process created. */
    void handOver(Path path) throws IOException {
        if (serverUser != null) {
            Files.setOwner(
                    path,
                    FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(serverUser));
        }
    }

    /** Whether the server user can reach and write the directory: every parent must be traversable to it. */
    boolean serverUserCanWrite(Path dir) throws IOException {
        return serverUser == null
                || run(
                                List.of("test", "-w", dir.toString(), "-a", "-x", dir.toString()),
                                dir,
                                ProcessBuilder.Redirect.DISCARD,
                                Duration.ofSeconds(30))
                        == 0;
    }

    /** Whether the server user can run the program: it and every parent directory must be reachable to it. */
    boolean serverUserCanRun(Path program) throws IOException {
        return serverUser == null
                || run(
                                List.of("test", "-x", program.toString()),
                                program.getParent(),
                                ProcessBuilder.Redirect.DISCARD,
                                Duration.ofSeconds(30))
                        == 0;
    }

    /** Runs a command as the server user, appending its output to {@code output}; returns the exit code. */
    int run(List<String> command, Path workDir, ProcessBuilder.Redirect output, Duration timeout) throws IOException {
        List<String> fullCommand = new ArrayList<>(switchUser);
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output);
        // PGDATA, PGPORT and friends from the caller's shell must not redirect the tools to another cluster
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out after " + timeout + ": " + String.join(" ", command));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    /** The trimmed standard output of a short command, or empty if it cannot run or fails. */
    static Optional<String> output(List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0 && !out.isEmpty()
                    ? Optional.of(out)
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"))
                || output(List.of("id", "-u")).filter("0"::equals).isPresent();
    }

    private static boolean userExists(String name) {
        try {
            FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(name);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> switchUserCommand(String user) {
        Optional<String> runuser = executable("runuser");
        if (runuser.isPresent()) {
            return List.of(runuser.get(), "-u", user, "--");
        }
        Optional<String> setpriv = executable("setpriv");
        Optional<String> group = output(List.of("id", "-g", user));
        if (setpriv.isPresent() && group.isPresent()) {
            return List.of(setpriv.get(), "--reuid=" + user, "--regid=" + group.get(), "--init-groups");
        }
        throw new IllegalStateException("The tests run as root, which PostgreSQL refuses, and neither runuser nor "
                + "setpriv (util-linux) was found to run it as the OS user '" + user + "'. Install util-linux, "
                + "or run the build as a non-root user.");
    }

    private static Optional<String> executable(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), SYSTEM_DIRS.stream())
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .map(Path::toString)
                .findFirst();
    }
}
