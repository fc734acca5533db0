package org.papergraph.serve;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.jena.sparql.core.DatasetGraph;
import org.papergraph.store.GraphStore;
import org.papergraph.store.Leaderboards;

/**
 * Keeps the leaderboard summaries (ADR 0009) in step with writes through the server. A SPARQL Update or an upload
 * can change any result, so {@link #changed} marks every leaderboard out of date inside the write's own
 * transaction; queries then compute leaderboards from the results. After the commit, {@link #committed} rebuilds
 * the summaries on one background thread, so the client does not wait for it; writes arriving meanwhile ask for one
 * more rebuild. A rebuild cut short (the process stops) leaves the marks, and the next open of the store finishes it.
 */
final class LeaderboardUpkeep {
    private final GraphStore store;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "papergraph-leaderboards");
        t.setDaemon(true);
        return t;
    });

    LeaderboardUpkeep(GraphStore store) { this.store = store; }

    /** Called inside a write transaction on {@code dsg}, after the write. */
    void changed(DatasetGraph dsg) { Leaderboards.markAllStale(dsg, store.iris()); }

    /** Called after the write transaction committed. */
    void committed() {
        if (!queued.compareAndSet(false, true)) return;
        try {
            worker.execute(() -> {
                queued.set(false);
                try {
                    store.refreshLeaderboards();
                } catch (RuntimeException e) {
                    System.err.println("papergraph: rebuilding the leaderboard summaries after a write failed ("
                            + e.getMessage() + "); queries compute them from the results until the store is next opened");
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            queued.set(false); // stopping: the marks stay, and the next open rebuilds
        }
    }

    /**
     * Runs {@code task} on the same background thread, after the rebuilds asked for before it: the server's
     * compactions run there, so a rebuild and a compaction never run at once. Does nothing once stopped.
     */
    void run(Runnable task) {
        try {
            worker.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    /**
     * Lets a rebuild in progress finish (never interrupted: TDB2 must not be interrupted in a write) and runs no
     * more. Waits at most {@code seconds}.
     */
    void stop(long seconds) {
        worker.shutdown();
        try {
            worker.awaitTermination(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
