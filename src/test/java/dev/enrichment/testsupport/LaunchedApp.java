package dev.enrichment.testsupport;

import dev.enrichment.testsupport.postgres.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) started as its own process and configured
 * only through environment variables, the way an operator runs it.
 */
public final class LaunchedApp implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private final Process process;
    private final Path output;
    private final int httpPort;
    private final long startedNanos = System.nanoTime();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LaunchedApp(Process process, Path output, int httpPort) {
        this.process = process;
        this.output = output;
        this.httpPort = httpPort;
    }

    /** Starts the jar with exactly these service variables (plus PATH/HOME); inherited QUARKUS_, LLM_, ... are dropped. */
    public static LaunchedApp start(String name, Map<String, String> variables) throws IOException {
        return start(name, variables, List.of());
    }

    /**
     * The variables that point a launched service at {@code database} and at Qdrant, as an operator sets them
     * (POSTGRES_*, QDRANT_HOST, QDRANT_GRPC_PORT); a mutable map for the caller's own settings.
     */
    public static Map<String, String> connectedTo(
            TestPostgres postgres, String database, String qdrantHost, int qdrantPort) {
        URI jdbc = URI.create(postgres.jdbcUrl(database).substring("jdbc:".length()));
        Map<String, String> env = new HashMap<>();
        env.put("POSTGRES_HOST", jdbc.getHost());
        env.put("POSTGRES_PORT", Integer.toString(jdbc.getPort()));
        env.put("POSTGRES_DB", database);
        env.put("POSTGRES_USER", postgres.username());
        env.put("POSTGRES_PASSWORD", postgres.password());
        env.put("QDRANT_HOST", qdrantHost);
        env.put("QDRANT_GRPC_PORT", Integer.toString(qdrantPort));
        return env;
    }

    /** As {@link #start(String, Map)}, with these JVM options before {@code -jar} (e.g. {@code -Xmx256m}). */
    public static LaunchedApp start(String name, Map<String, String> variables, List<String> jvmOptions)
            throws IOException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the package phase first (./mvnw verify does)");
        }
        int port = variables.containsKey("QUARKUS_HTTP_PORT")
                ? Integer.parseInt(variables.get("QUARKUS_HTTP_PORT"))
                : freePort();
        Path output = Path.of("target", "launched-" + name + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(JAR.toString());
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        Map<String, String> kept = new HashMap<>();
        for (String keep : new String[] {"PATH", "HOME", "LANG", "TMPDIR"}) {
            if (env.containsKey(keep)) {
                kept.put(keep, env.get(keep));
            }
        }
        env.clear();
        env.putAll(kept);
        env.putAll(variables);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new LaunchedApp(builder.start(), output, port);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether nothing listens on the port yet. */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** GET on the application; status -1 while nothing listens yet. */
    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** GET with an API key. */
    public Response get(String path, String apiKey) {
        return send(
                HttpRequest.newBuilder(uri(path)).header("X-API-Key", apiKey).GET());
    }

    /** POST of a JSON body with an API key. */
    public Response post(String path, String apiKey, String jsonBody) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("X-API-Key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    /** Where the application listens, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The file the application's output goes to. */
    public Path outputFile() {
        return output;
    }

    private URI uri(String path) {
        return URI.create(baseUrl() + path);
    }

    private Response send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(-1, String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, "interrupted");
        }
    }

    public Duration sinceStart() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** The process id, e.g. to read its resident memory from {@code /proc}. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the application did not exit within " + timeout);
        }
        return process.exitValue();
    }

    /** {@code kill -9}: the process gets no chance to hand anything back (SIGKILL on Unix). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the application survived SIGKILL for 20 s");
        }
    }

    /** Everything the process printed so far. */
    public String output() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** An HTTP answer. */
    public record Response(int status, String body) {}
}
