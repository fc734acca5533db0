package org.papergraph.serve;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.papergraph.store.Compaction;
import org.papergraph.store.GraphStore;

/**
 * The compactions of a server that allows updates: every interval, on the leaderboard upkeep's thread (so never
 * beside a rebuild), the store's garbage is estimated and, when {@link Compaction.Estimate#worthCompacting()}, the
 * store is compacted with the server's {@link StoreGate} holding writes off and making the switch while no request
 * runs. A compaction that fails (requests kept the store busy past the wait, the disk is full) leaves the store as it
 * was and is reported on standard error; the next check tries again.
 */
final class Compactions {
    private final GraphStore store;
    private final Compaction.Copier copier;
    private final StoreGate gate;
    private final LeaderboardUpkeep worker;
    private final Duration every;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "papergraph-compaction-clock");
        t.setDaemon(true);
        return t;
    });

    Compactions(GraphStore store, Compaction.Copier copier, StoreGate gate, LeaderboardUpkeep worker, Duration every) {
        this.store = store;
        this.copier = copier;
        this.gate = gate;
        this.worker = worker;
        this.every = every;
    }

    void start() {
        long ms = every.toMillis();
        clock.scheduleWithFixedDelay(this::check, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Queues one check on the worker thread; the future ends with the compaction made, or null. */
    CompletableFuture<Compaction.Result> check() {
        CompletableFuture<Compaction.Result> done = new CompletableFuture<>();
        worker.run(() -> {
            try {
                done.complete(compactIfWorthIt());
            } catch (RuntimeException e) {
                System.err.println("papergraph: compacting the store failed (" + e.getMessage()
                        + "); the store is as it was, and the next check tries again");
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private Compaction.Result compactIfWorthIt() {
        Compaction.Estimate e = store.estimate();
        if (!e.worthCompacting()) return null;
        System.err.println("papergraph: compacting the store while serving (" + e + "); writes are refused meanwhile");
        Compaction.Result r = gate.compacting(() -> store.compact(copier, gate, what -> {}));
        System.err.println("papergraph: " + r);
        return r;
    }

    void stop() {
        clock.shutdownNow();
    }
}
