package dev.enrichment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code application healthcheck}: asks the running service on this host whether it is ready and exits 0 or 1.
 * Container health checks need a probe, and the micro base image ships no curl or wget, so the service's own binary
 * is the probe. It runs before Quarkus starts, so it costs milliseconds and touches no configuration beyond
 * the port. A plain socket, not an HTTP client library: nothing here depends on URL handlers being compiled into the
 * native image.
 */
final class HealthProbe {

    static final String COMMAND = "healthcheck";
    static final String PATH = "/q/health/ready";
    static final int DEFAULT_PORT = 8080;
    /** Well inside the compose health check's own timeout, so a hung service fails the probe rather than the check. */
    static final int TIMEOUT_MILLIS = 3000;

    private HealthProbe() {}

    static boolean isRequested(String... args) {
        return args != null && args.length > 0 && COMMAND.equals(args[0]);
    }

    /** The port the service listens on, from the same variable users set to move it. */
    static int port(Map<String, String> environment) {
        String value = environment.get("QUARKUS_HTTP_PORT");
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_PORT;
        }
    }

    /** Exit code for the process: 0 when readiness answers 200, 1 for any other answer or none. */
    static int run() {
        return run("127.0.0.1", port(System.getenv()), TIMEOUT_MILLIS);
    }

    static int run(String host, int port, int timeoutMillis) {
        // stderr, not the log: Quarkus has not configured logging yet, and Docker keeps a check's output for
        // `docker inspect`, where the reason for an unhealthy container is looked up.
        try {
            int status = readinessStatus(host, port, timeoutMillis);
            if (status == 200) {
                return 0;
            }
            System.err.printf("%s on port %d answered %d%n", PATH, port, status);
        } catch (IOException | RuntimeException e) {
            System.err.printf("%s on port %d: %s%n", PATH, port, e);
        }
        return 1;
    }

    private static int readinessStatus(String host, int port, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + PATH + " HTTP/1.1\r\n"
                            + "Host: " + host + ":" + port + "\r\n"
                            + "Accept: application/json\r\n"
                            + "Connection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return statusCode(in.readLine());
        }
    }

    /** The code in an HTTP status line such as {@code HTTP/1.1 503 Service Unavailable}; -1 when it is not one. */
    static int statusCode(String statusLine) {
        if (statusLine == null || !statusLine.startsWith("HTTP/")) {
            return -1;
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
