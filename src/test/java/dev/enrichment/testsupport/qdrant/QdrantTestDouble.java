package dev.enrichment.testsupport.qdrant;

import dev.enrichment.testsupport.LogCapture;
import io.grpc.BindableService;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** An in-process Qdrant gRPC server with in-memory collections, request counters and fault injection. */
public final class QdrantTestDouble implements AutoCloseable {

    private static final String HOST = "127.0.0.1";

    private final CollectionRegistry registry = new CollectionRegistry();
    private final PointsService points = new PointsService(registry);
    private final List<BindableService> services =
            List.of(new HealthService(), new CollectionsService(registry), points);
    private final CallInterceptor interceptor = new CallInterceptor(rpcNames(services));
    private volatile Server server;

    /**
     * Starts serving on 127.0.0.1 and a free port; returns this. Serves {@code Qdrant/HealthCheck},
     * {@code Collections/List, Get, CollectionExists, Create, Delete} and {@code Points/Upsert, Delete,
     * CreateFieldIndex, Scroll, Count, Get} as documented on the package's matcher and scroll classes; every other
     * RPC answers UNIMPLEMENTED. API keys are ignored.
     */
    public synchronized QdrantTestDouble start() {
        if (server != null) {
            throw new IllegalStateException("QdrantTestDouble is already started");
        }
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(HOST, 0));
        services.forEach(service -> builder.addService(ServerInterceptors.intercept(service, interceptor)));
        try {
            server = builder.build().start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start QdrantTestDouble", e);
        }
        return this;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        Server running = server;
        if (running == null) {
            throw new IllegalStateException("QdrantTestDouble is not started");
        }
        return running.getPort();
    }

    /**
     * Calls of one RPC since the last reset, failed ones included. An RPC is named by its method
     * ({@code "Scroll"}, {@code "List"}, {@code "HealthCheck"}), which covers that method in every service, or by
     * {@code "Service/Method"} ({@code "Points/Get"}, {@code "Collections/Get"}) for one service only.
     */
    public long requestCount(String rpc) {
        return interceptor.requestCount(rpc);
    }

    public long totalRequests() {
        return interceptor.totalRequests();
    }

    /** Points answered by Scroll, Get and Search since the last reset: the data a request pattern transfers. */
    public long pointsReturned() {
        return points.pointsReturned();
    }

    public void resetCounters() {
        interceptor.resetCounters();
        points.resetPointsReturned();
    }

    /**
     * For tests that inject faults: while open, the Qdrant client's own ERROR line and stack trace for each call
     * that fails ("Scroll operation failed", ...) is captured instead of printed; anything else it logs is printed.
     */
    public static LogCapture expectedClientFailures() {
        return LogCapture.expecting("io.qdrant.client.QdrantClient", "operation failed");
    }

    /** Makes the next {@code times} calls of {@code rpc} (named as for {@link #requestCount}) fail; calls queue up. */
    public void failNext(String rpc, Status status, int times) {
        interceptor.failNext(rpc, status, times);
    }

    /** Lets the next {@code successes} calls of {@code rpc} through, then makes one fail: a fault mid-read. */
    public void failAfter(String rpc, int successes, Status status) {
        interceptor.failAfter(rpc, successes, status);
    }

    /** Makes every call of every RPC fail with {@code status} (e.g. UNAVAILABLE) until {@link #clearFaults()}. */
    public void failAll(Status status) {
        interceptor.failAll(status);
    }

    /** Adds this delay to every call before it is answered (or failed). */
    public void latency(Duration latency) {
        interceptor.latency(latency);
    }

    /** Removes failAll, pending failNext failures and latency. */
    public void clearFaults() {
        interceptor.clearFaults();
    }

    /** Drops all collections, counters and faults. */
    public void reset() {
        registry.clear();
        resetCounters();
        interceptor.clearFaults();
    }

    /** Points currently stored in a collection. */
    public long pointCount(String collection) {
        return registry.get(collection).size();
    }

    /** Direct access for seeding without going through gRPC, so seeding is neither counted nor failed. */
    CollectionRegistry registry() {
        return registry;
    }

    @Override
    public synchronized void close() {
        Server running = server;
        server = null;
        if (running == null) {
            return;
        }
        running.shutdownNow();
        try {
            running.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Set<String> rpcNames(List<BindableService> services) {
        Set<String> names = new HashSet<>();
        for (BindableService service : services) {
            ServerServiceDefinition definition = service.bindService();
            for (MethodDescriptor<?, ?> method :
                    definition.getServiceDescriptor().getMethods()) {
                names.add(CallInterceptor.qualifiedName(method.getFullMethodName()));
            }
        }
        return names;
    }
}
