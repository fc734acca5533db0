package org.papergraph.spark;

import java.io.Serializable;

/**
 * One row of the word stream {@link Resolution} sorts to count, for each record or reference, how many titles
 * before it hold each word of its title: a title of the input first carried at a position ({@link #TITLE}, or
 * {@link #TITLE_WITHOUT_ARXIV} for the first record or reference without an arXiv id that carried it), or a record or
 * reference asking for the counts of one word of its title ({@link #QUERY}). Sorted by word, then position (record,
 * then reference number, the record's own paper first), then kind: a query comes before the title it carries itself,
 * which counts only for those after it, as in {@link org.papergraph.resolve.PaperResolver}.
 */
final class WordEvent implements Serializable, Comparable<WordEvent> {
    private static final long serialVersionUID = 1L;
    static final byte QUERY = 0, TITLE = 1, TITLE_WITHOUT_ARXIV = 2;

    String word;
    long record;
    int ref;
    byte kind;
    /** The title: carried ({@link #TITLE}, {@link #TITLE_WITHOUT_ARXIV}) or asking ({@link #QUERY}). */
    String title;
    /** For a {@link #QUERY}: the first key of the mention, and whether it has an arXiv id and is a reference. */
    long key;
    boolean arxiv, reference;

    WordEvent() {}

    static WordEvent title(String word, long record, int ref, byte kind, String title) {
        WordEvent e = new WordEvent();
        e.word = word;
        e.record = record;
        e.ref = ref;
        e.kind = kind;
        e.title = title;
        return e;
    }

    static WordEvent query(String word, Mention m) {
        WordEvent e = title(word, m.record, m.ref, QUERY, m.matchTitle);
        e.key = m.keys[0];
        e.arxiv = m.arxiv != null;
        e.reference = m.ref >= 0;
        return e;
    }

    @Override
    public int compareTo(WordEvent o) {
        int c = word.compareTo(o.word);
        if (c != 0) return c;
        c = Long.compare(record, o.record);
        if (c != 0) return c;
        c = Integer.compare(ref, o.ref);
        return c != 0 ? c : Byte.compare(kind, o.kind);
    }

    @Override
    public boolean equals(Object o) { return o instanceof WordEvent e && compareTo(e) == 0; }

    @Override
    public int hashCode() { return word.hashCode() * 31 + Long.hashCode(record) * 7 + ref * 3 + kind; }
}
