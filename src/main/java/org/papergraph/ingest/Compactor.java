package org.papergraph.ingest;

import java.util.function.Consumer;

import org.papergraph.store.Compaction;
import org.papergraph.store.GraphStore;

/**
 * Compacts stores with papergraph's packed loader (ADR 0011) as the writer of the new generation
 * ({@link Compaction}): each index is written bottom-up from sorted quads, in full blocks, instead of by the inserts
 * TDB2's own compaction makes, which leave blocks half full and took longer than a bulk load of the same quads
 * (docs/BENCHMARKS.md).
 */
public final class Compactor {
    /** Fills a new generation with the packed loader; sorts on disk in the folder given when the quads outgrow the heap. */
    public static final Compaction.Copier PACKED = (quads, target, work, stage) -> {
        PackedLoader loader = new PackedLoader(target, work);
        loader.startBulk();
        try {
            while (quads.hasNext()) loader.quad(quads.next());
        } catch (RuntimeException | Error e) {
            loader.finishException(e);
            throw e;
        }
        loader.finishBulk(stage);
    };

    private Compactor() {}

    /** Compacts {@code store} now; {@code gate} runs the switch to the new generation (see {@link Compaction.Gate}). */
    public static Compaction.Result compact(GraphStore store, Compaction.Gate gate, Consumer<String> stage) {
        return store.compact(PACKED, gate, stage);
    }

    /**
     * Compacts {@code store} when {@link Compaction.Estimate#worthCompacting()} says so (what an ingest does at its
     * end); tells {@code stage} either way.
     *
     * @return what the compaction did, or null when it was not worth it
     */
    public static Compaction.Result compactIfWorthIt(GraphStore store, Compaction.Gate gate, Consumer<String> stage) {
        Compaction.Estimate e = store.estimate();
        if (!e.worthCompacting()) return null;
        stage.accept("compacting the store (" + e + ")");
        return compact(store, gate, stage);
    }
}
