package org.papergraph.source.latex;

/**
 * A LaTeX source that cannot be read as a paper: thrown with the file inside the source and the line the problem
 * is on, and turned by the reader into one rejected record.
 */
public final class LatexProblem extends Exception {
    private final String file;
    private final long line;

    /**
     * @param file   the file of the source the problem is in (a name inside an archive, or the file read), or null
     * @param line   the line in that file, or 0 when the problem has no line
     * @param reason what is wrong, in words a user can act on
     */
    public LatexProblem(String file, long line, String reason) {
        super(reason);
        this.file = file;
        this.line = line;
    }

    /** The file the problem is in, or null. */
    public String file() { return file; }

    /** The line of the problem in {@link #file()}, or 0. */
    public long line() { return line; }

    /** "file, line N: reason", leaving out what is unknown. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (file != null) sb.append(file);
        if (line > 0) sb.append(sb.isEmpty() ? "" : ", ").append("line ").append(line);
        if (!sb.isEmpty()) sb.append(": ");
        return sb.append(getMessage()).toString();
    }
}
