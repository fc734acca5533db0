package org.papergraph.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What the first pass learnt from one slice: its lines, its records' graphs and the papers they name. */
final class SliceScan implements Serializable {
    private static final long serialVersionUID = 1L;

    int slice;
    long lines;
    /** For each record that gets a graph: its number in the slice and the hash of its graph IRI. */
    int[] graphSeqs;
    long[] graphHashes;
    List<Mention> mentions = new ArrayList<>();
}
