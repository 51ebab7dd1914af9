package dev.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthProbeTest {

    private HttpServer server;
    private final List<String> requestedPaths = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void exitsZeroWhenReadinessAnswers200() throws IOException {
        int port = serveReadiness(200, "{\"status\":\"UP\"}");

        assertThat(HealthProbe.run("127.0.0.1", port, 2000)).isZero();
        assertThat(requestedPaths).containsExactly("/q/health/ready");
    }

    @Test
    void exitsOneWhenReadinessAnswers503() throws IOException {
        int port = serveReadiness(503, "{\"status\":\"DOWN\"}");

        assertThat(HealthProbe.run("127.0.0.1", port, 2000)).isEqualTo(1);
    }

    @Test
    void exitsOneWhenNothingListens() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }

        assertThat(HealthProbe.run("127.0.0.1", port, 2000)).isEqualTo(1);
    }

    @Test
    void exitsOneWhenTheServiceAcceptsButNeverAnswers() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();

            assertThat(HealthProbe.run("127.0.0.1", silent.getLocalPort(), 300)).isEqualTo(1);
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000);
        }
    }

    @Test
    void isRequestedOnlyByTheCommandAsFirstArgument() {
        assertThat(HealthProbe.isRequested("healthcheck")).isTrue();
        assertThat(HealthProbe.isRequested()).isFalse();
        assertThat(HealthProbe.isRequested((String[]) null)).isFalse();
        assertThat(HealthProbe.isRequested("-Dquarkus.http.host=0.0.0.0")).isFalse();
        assertThat(HealthProbe.isRequested("serve", "healthcheck")).isFalse();
    }

    @Test
    void portComesFromQuarkusHttpPortElse8080() {
        assertThat(HealthProbe.port(Map.of())).isEqualTo(8080);
        assertThat(HealthProbe.port(Map.of("QUARKUS_HTTP_PORT", "9090"))).isEqualTo(9090);
        assertThat(HealthProbe.port(Map.of("QUARKUS_HTTP_PORT", " "))).isEqualTo(8080);
        assertThat(HealthProbe.port(Map.of("QUARKUS_HTTP_PORT", "http"))).isEqualTo(8080);
    }

    @Test
    void readsTheCodeFromAStatusLine() {
        assertThat(HealthProbe.statusCode("HTTP/1.1 200 OK")).isEqualTo(200);
        assertThat(HealthProbe.statusCode("HTTP/1.0 503")).isEqualTo(503);
        assertThat(HealthProbe.statusCode("SSH-2.0-OpenSSH")).isEqualTo(-1);
        assertThat(HealthProbe.statusCode(null)).isEqualTo(-1);
    }

    private int serveReadiness(int status, String body) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requestedPaths.add(exchange.getRequestURI().getPath());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server.getAddress().getPort();
    }
}
