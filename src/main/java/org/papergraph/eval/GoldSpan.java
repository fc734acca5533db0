package org.papergraph.eval;

import org.papergraph.vocab.EntityType;

/** A gold (or predicted) entity span: [start, end) in the document text, and its type. */
public record GoldSpan(int start, int end, EntityType type) {
    /** True when the spans share at least one character and have the same type. */
    public boolean overlaps(GoldSpan o) { return type == o.type && start < o.end && o.start < end; }
}
