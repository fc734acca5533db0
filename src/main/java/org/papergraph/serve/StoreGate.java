package org.papergraph.serve;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.papergraph.store.Compaction;
import org.papergraph.store.StoreException;

/**
 * Lets the server compact its store while it serves ({@link Compaction}): every request runs inside a shared hold
 * ({@link #filter}), which the switch to the new generation of the database takes exclusively, so no reader is half
 * on the old generation and half on the new one; and writes through the update and upload endpoints are admitted
 * only while no compaction runs ({@link #write}): during one they are answered 503 with {@code Retry-After} at once,
 * instead of waiting, unseen, for minutes behind it. Thread-safe.
 */
final class StoreGate implements Compaction.Gate {
    /** Seconds a client is told to wait before it sends a write again during a compaction. */
    static final int RETRY_AFTER_SECONDS = 60;
    private final ReentrantReadWriteLock requests = new ReentrantReadWriteLock();
    private final ReentrantReadWriteLock writes = new ReentrantReadWriteLock();
    private final long switchWaitMillis;

    /** @param switchWaitMillis how long the switch waits for running requests (every query ends within the timeout) */
    StoreGate(long switchWaitMillis) { this.switchWaitMillis = switchWaitMillis; }

    /** The filter that holds the store open for each request while it runs. */
    HttpFilter filter() {
        return new HttpFilter() {
            @Override
            protected void doFilter(HttpServletRequest req, HttpServletResponse resp, FilterChain chain) throws IOException, ServletException {
                requests.readLock().lock();
                try {
                    chain.doFilter(req, resp);
                } finally {
                    requests.readLock().unlock();
                }
            }
        };
    }

    /** Runs the write {@code w} of a request, or answers 503 when a compaction runs. */
    void write(HttpAction action, Runnable w) {
        if (!writes.readLock().tryLock()) {
            action.getResponse().setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            ServletOps.error(503, "the store is being compacted; nothing was written: send the request again in a minute");
        }
        try {
            w.run();
        } finally {
            writes.readLock().unlock();
        }
    }

    /** Runs {@code compaction} with writes held off: those in progress finish first, new ones are refused. */
    <T> T compacting(Supplier<T> compaction) {
        writes.writeLock().lock();
        try {
            return compaction.get();
        } finally {
            writes.writeLock().unlock();
        }
    }

    /** Whether a compaction is running. */
    boolean isCompacting() { return writes.isWriteLocked(); }

    @Override
    public void exclusive(Runnable switchOver) {
        boolean held;
        try {
            held = requests.writeLock().tryLock(switchWaitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            held = false;
        }
        if (!held) {
            throw new StoreException("requests kept the store busy for " + switchWaitMillis / 1000
                    + " s; the compaction was abandoned and is tried again at the next check");
        }
        try {
            switchOver.run();
        } finally {
            requests.writeLock().unlock();
        }
    }
}
