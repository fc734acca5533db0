package org.papergraph.spark;

import java.io.Serializable;

/**
 * One part of one input file, read by one task: a byte range of a file in a line format (its lines that start in
 * {@code [start, end)}), or a whole file (gzip, documents, formats whose records span lines).
 */
final class Slice implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Position among all slices, in input order: files in the order {@code convert} reads them, ranges in byte order. */
    int index;
    /** The file as the user named it: what positions and provenance say. */
    String name;
    /** The file's absolute path, for opening it on any executor. */
    String path;
    /** The reader's format name. */
    String format;
    boolean whole;
    long start, end;
    /** The number of the first line this slice owns (1 for the whole file); known after the first pass. */
    long firstLine = 1;

    Slice() {}

    Slice(int index, String name, String path, String format, boolean whole, long start, long end) {
        this.index = index;
        this.name = name;
        this.path = path;
        this.format = format;
        this.whole = whole;
        this.start = start;
        this.end = end;
    }

    Slice withFirstLine(long line) {
        Slice s = new Slice(index, name, path, format, whole, start, end);
        s.firstLine = line;
        return s;
    }

    @Override
    public String toString() { return whole ? name : name + " [" + start + ", " + end + ")"; }
}
