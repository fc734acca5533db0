package org.papergraph.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What the second pass did with one slice: counts, rejections in order, and the entity declarations it found. */
final class SliceOutcome implements Serializable {
    private static final long serialVersionUID = 1L;

    int slice;
    long stored, rejected, quads, provenance;
    /** "position: reason", in input order. */
    List<String> rejections = new ArrayList<>();
    /** Its records' entity declarations as N-Quads lines, each once. */
    List<String> declarations = new ArrayList<>();

    SliceOutcome withoutDeclarations() {
        SliceOutcome o = new SliceOutcome();
        o.slice = slice;
        o.stored = stored;
        o.rejected = rejected;
        o.quads = quads;
        o.provenance = provenance;
        o.rejections = rejections;
        return o;
    }
}
