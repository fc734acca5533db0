package org.papergraph.eval;

import java.util.List;

/**
 * One annotated text of a gold set: the text rebuilt from the gold tokens joined by single spaces, and the gold
 * entity spans as UTF-16 offsets into it.
 */
public record GoldDoc(String id, String text, List<GoldSpan> spans) {}
