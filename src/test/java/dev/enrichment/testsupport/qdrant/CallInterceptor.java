package dev.enrichment.testsupport.qdrant;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.time.Duration;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts every call per RPC and applies the injected latency and faults before the call reaches its service.
 *
 * <p>RPCs are named {@code Service/Method} ({@code Points/Scroll}); a bare method name ({@code Scroll}) stands for
 * that method in every service, which matters only for {@code Get} and {@code Delete}, defined by both
 * {@code Collections} and {@code Points}.
 */
final class CallInterceptor implements ServerInterceptor {

    private final Set<String> knownRpcs;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Status>> pendingFailures = new ConcurrentHashMap<>();
    private volatile Status failAll;
    private volatile Duration latency = Duration.ZERO;

    CallInterceptor(Set<String> knownRpcs) {
        this.knownRpcs = Set.copyOf(knownRpcs);
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
        String rpc = qualifiedName(call.getMethodDescriptor().getFullMethodName());
        counts.computeIfAbsent(rpc, name -> new AtomicLong()).incrementAndGet();
        delay();
        Status failure = failureFor(rpc);
        if (failure != null && !failure.isOk()) {
            call.close(failure, new Metadata());
            return new ServerCall.Listener<>() {};
        }
        return next.startCall(call, headers);
    }

    long requestCount(String rpc) {
        requireKnown(rpc);
        return counts.entrySet().stream()
                .filter(entry -> matches(rpc, entry.getKey()))
                .mapToLong(entry -> entry.getValue().get())
                .sum();
    }

    long totalRequests() {
        return counts.values().stream().mapToLong(AtomicLong::get).sum();
    }

    void resetCounters() {
        counts.clear();
    }

    void failNext(String rpc, Status status, int times) {
        requireKnown(rpc);
        Objects.requireNonNull(status, "status");
        if (status.isOk() || times < 1) {
            throw new IllegalArgumentException("failNext needs a non-OK status and times >= 1");
        }
        Deque<Status> queue = pendingFailures.computeIfAbsent(rpc, name -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < times; i++) {
            queue.add(status);
        }
    }

    /** Lets {@code successes} calls of {@code rpc} through, then fails one; queued after any pending failures. */
    void failAfter(String rpc, int successes, Status status) {
        requireKnown(rpc);
        if (status.isOk() || successes < 0) {
            throw new IllegalArgumentException("failAfter needs a non-OK status and successes >= 0");
        }
        Deque<Status> queue = pendingFailures.computeIfAbsent(rpc, name -> new ConcurrentLinkedDeque<>());
        for (int i = 0; i < successes; i++) {
            // an OK in the queue is a call let through
            queue.add(Status.OK);
        }
        queue.add(status);
    }

    void failAll(Status status) {
        if (status.isOk()) {
            throw new IllegalArgumentException("failAll needs a non-OK status");
        }
        failAll = status;
    }

    void latency(Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        this.latency = latency;
    }

    void clearFaults() {
        failAll = null;
        latency = Duration.ZERO;
        pendingFailures.clear();
    }

    private Status failureFor(String rpc) {
        Status everything = failAll;
        if (everything != null) {
            return everything;
        }
        Status exact = poll(rpc);
        return exact != null ? exact : poll(rpc.substring(rpc.indexOf('/') + 1));
    }

    private Status poll(String key) {
        Deque<Status> queue = pendingFailures.get(key);
        return queue == null ? null : queue.poll();
    }

    private void delay() {
        Duration pause = latency;
        if (pause.isZero()) {
            return;
        }
        try {
            Thread.sleep(pause.toMillis(), pause.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void requireKnown(String rpc) {
        if (knownRpcs.stream().noneMatch(known -> matches(rpc, known))) {
            throw new IllegalArgumentException("Unknown RPC '" + rpc + "'; use a method name such as Scroll or a "
                    + "qualified name such as Points/Get");
        }
    }

    private static boolean matches(String requested, String qualified) {
        return requested.contains("/") ? requested.equals(qualified) : qualified.endsWith("/" + requested);
    }

    /** {@code qdrant.Points/Scroll} becomes {@code Points/Scroll}. */
    static String qualifiedName(String fullMethodName) {
        String service = fullMethodName.substring(0, fullMethodName.indexOf('/'));
        return service.substring(service.lastIndexOf('.') + 1) + fullMethodName.substring(fullMethodName.indexOf('/'));
    }
}
