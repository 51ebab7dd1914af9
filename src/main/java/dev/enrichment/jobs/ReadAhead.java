package dev.enrichment.jobs;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs a read for each item ahead of the job, at most {@code width} at once, and hands the results back in the items'
 * order: the job checkpoints in that order while the next reads are already under way. The reads must not throw (they
 * report their failure in their result); an interrupted wait stops the job as cancelled, like the other jobs.
 */
final class ReadAhead<T, R> implements AutoCloseable {

    private final Iterator<T> items;
    private final Function<T, R> read;
    private final ExecutorService executor;
    private final int width;
    private final Deque<Future<R>> inFlight = new ArrayDeque<>();

    ReadAhead(Iterator<T> items, Function<T, R> read, ExecutorService executor, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be at least 1: " + width);
        }
        this.items = items;
        this.read = read;
        this.executor = executor;
        this.width = width;
    }

    boolean hasNext() {
        return !inFlight.isEmpty() || items.hasNext();
    }

    /** The next item's result, waiting for its read; starts reads up to the width first. */
    R next() {
        fill();
        Future<R> first = inFlight.pollFirst();
        if (first == null) {
            throw new NoSuchElementException();
        }
        if (width > 1) {
            // keep the width in flight while the job waits for this one and checkpoints it
            fill();
        }
        try {
            return first.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a read failed unexpectedly", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JobCancelledException();
        }
    }

    /** Reads not handed out yet are abandoned: their results are never used. */
    @Override
    public void close() {
        inFlight.forEach(read -> read.cancel(true));
        inFlight.clear();
    }

    private void fill() {
        while (inFlight.size() < width && items.hasNext()) {
            T item = items.next();
            inFlight.addLast(width == 1 ? completed(read.apply(item)) : executor.submit(() -> read.apply(item)));
        }
    }

    /** One at a time the read runs on the job's own thread, when the job asks for it. */
    private static <R> Future<R> completed(R value) {
        return CompletableFuture.completedFuture(value);
    }
}
