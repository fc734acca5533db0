package org.papergraph.source;

/**
 * Where a record was found: the file and the record's place in it.
 *
 * @param file  the file as the user named it
 * @param unit  what {@code index} counts: {@code line} for line-based formats, {@code entry} for records inside
 *              a document (Atom entries, TEI files in an archive, JSON array elements)
 * @param index 1-based line number or entry number
 */
public record SourcePosition(String file, String unit, long index) {
    public static SourcePosition line(String file, long line) { return new SourcePosition(file, "line", line); }
    public static SourcePosition entry(String file, long entry) { return new SourcePosition(file, "entry", entry); }

    @Override
    public String toString() { return file + ", " + unit + " " + index; }
}
