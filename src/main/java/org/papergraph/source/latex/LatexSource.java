package org.papergraph.source.latex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The files of one LaTeX source and its main file with every {@code \input}, {@code \include}, {@code \subfile}
 * and {@code \import} spliced in, cleaned ({@link LatexFiles#clean}). A local package ({@code &#92;usepackage{defs}}
 * with a {@code defs.sty} in the source) is spliced in too, for its macro definitions. Files the source does not
 * hold are left out (nothing is fetched); a file that includes itself, directly or not, is a {@link LatexProblem}.
 *
 * <p>The spliced text remembers where each stretch came from, so an offset in it maps back to a file and line
 * ({@link #where}). Not thread-safe; one per read.
 */
final class LatexSource {
    /** Where the files of a source are read from: an archive's entries, or the folder of a file on disk. */
    interface FileSet {
        /** The bytes of the file called {@code name} (relative to the main file's folder), or null when absent. */
        byte[] read(String name) throws LatexProblem;
    }

    /** A stretch of the spliced text that starts at {@code offset} and is {@code file} from {@code line} on. */
    record Segment(int offset, String file, long line) {}

    /** Deepest chain of includes followed. */
    static final int MAX_DEPTH = 16;
    /** Most characters the spliced text may have (a source is a paper, not a book series). */
    static final int MAX_CHARS = 32 << 20;

    private final FileSet files;
    private final StringBuilder out = new StringBuilder();
    private final List<Segment> segments = new ArrayList<>();
    private final List<String> included = new ArrayList<>();

    private LatexSource(FileSet files) { this.files = files; }

    /**
     * Splices the source whose main file is {@code main} (already decoded).
     *
     * @param main     the main file's name, for positions
     * @param mainText its text
     * @param files    where included files are read from; null when the main file stands alone
     */
    static LatexSource splice(String main, String mainText, FileSet files) throws LatexProblem {
        LatexSource s = new LatexSource(files);
        Deque<String> stack = new ArrayDeque<>();
        s.splice(main, LatexFiles.clean(mainText), stack);
        return s;
    }

    /** The spliced text. */
    String text() { return out.toString(); }

    /** Names of the files spliced in besides the main file, in the order first included. */
    List<String> included() { return included; }

    /** The file and line an offset of {@link #text()} comes from. */
    Segment where(String text, int offset) {
        Segment seg = segments.get(0);
        for (Segment x : segments) {
            if (x.offset() > offset) break;
            seg = x;
        }
        long line = seg.line();
        for (int k = seg.offset(); k < offset && k < text.length(); k++) if (text.charAt(k) == '\n') line++;
        return new Segment(offset, seg.file(), line);
    }

    private void splice(String name, String text, Deque<String> stack) throws LatexProblem {
        stack.push(name);
        segments.add(new Segment(out.length(), name, 1));
        int n = text.length();
        int i = 0;
        int copied = 0;
        while (i < n) {
            int b = text.indexOf('\\', i);
            if (b < 0) break;
            int e = TexScan.commandEnd(text, b, n);
            String word = text.substring(b + 1, e);
            List<String> targets = null;
            int next = e;
            boolean packages = false;
            switch (word) {
                case "input", "include", "subfile", "InputIfFileExists" -> {
                    TexScan.Arg a = TexScan.mandatory(text, e, n);
                    if (a != null && text.charAt(a.start() - 1) == '{') {
                        targets = List.of(a.of(text).strip());
                        next = a.next();
                        if (word.equals("InputIfFileExists")) next = skipArgs(text, next, n, 2);
                    } else if (word.equals("input")) {
                        // "\input file" with a space: the name runs to the next space or brace.
                        int p = TexScan.skipSpace(text, e, n);
                        int q = p;
                        while (q < n && !Character.isWhitespace(text.charAt(q)) && "{}\\%".indexOf(text.charAt(q)) < 0) q++;
                        if (q > p && e < n && Character.isWhitespace(text.charAt(e))) {
                            targets = List.of(text.substring(p, q));
                            next = q;
                        }
                    }
                }
                case "import", "subimport", "inputfrom", "subinputfrom", "includefrom", "subincludefrom" -> {
                    TexScan.Arg dir = TexScan.mandatory(text, e, n);
                    TexScan.Arg file = dir == null ? null : TexScan.mandatory(text, dir.next(), n);
                    if (file != null) {
                        String d = dir.of(text).strip();
                        targets = List.of((d.isEmpty() || d.endsWith("/") ? d : d + "/") + file.of(text).strip());
                        next = file.next();
                    }
                }
                case "usepackage", "RequirePackage" -> {
                    int p = TexScan.skipOptionals(text, e, n);
                    TexScan.Arg a = TexScan.mandatory(text, p, n);
                    if (a != null && text.charAt(a.start() - 1) == '{') {
                        List<String> l = new ArrayList<>();
                        for (String pkg : LatexFiles.names(a.of(text))) l.add(pkg + ".sty");
                        targets = l;
                        packages = true;
                        next = a.next();
                    }
                }
                default -> { }
            }
            if (targets == null || files == null) {
                i = e;
                continue;
            }
            long line = LatexFiles.lineOf(text, b);
            // A package's text goes before the &#92;usepackage, which stays; an \input is replaced by the file.
            out.append(text, copied, packages ? next : b);
            copied = next;
            for (String target : targets) {
                String resolved = resolve(target);
                byte[] bytes = resolved == null ? null : files.read(resolved);
                if (bytes == null && !resolved(target).endsWith(".tex") && !packages) {
                    resolved = resolve(target + ".tex");
                    bytes = resolved == null ? null : files.read(resolved);
                }
                if (bytes == null) continue;
                if (stack.contains(resolved)) {
                    List<String> chain = new ArrayList<>(stack);
                    java.util.Collections.reverse(chain);
                    chain.add(resolved);
                    throw new LatexProblem(name, line, "\\" + word + "{" + target + "} includes " + resolved
                            + " again while it is being read (" + String.join(" -> ", chain) + "): TeX would loop forever");
                }
                if (stack.size() >= MAX_DEPTH) {
                    throw new LatexProblem(name, line, "includes nest deeper than " + MAX_DEPTH + " files (" + String.join(" <- ", stack) + ")");
                }
                if (!included.contains(resolved)) included.add(resolved);
                out.append('\n');
                splice(resolved, LatexFiles.clean(LatexFiles.decode(bytes, resolved)), stack);
                out.append('\n');
                segments.add(new Segment(out.length(), name, line));
                if (out.length() > MAX_CHARS) throw new LatexProblem(name, line, "the source is larger than " + (MAX_CHARS >> 20) + " M characters with its includes");
            }
            i = next;
        }
        out.append(text, copied, n);
        stack.pop();
    }

    private static int skipArgs(String s, int i, int n, int count) {
        for (int k = 0; k < count; k++) {
            TexScan.Arg a = TexScan.mandatory(s, i, n);
            if (a == null) return i;
            i = a.next();
        }
        return i;
    }

    private static String resolved(String name) { return name.toLowerCase(Locale.ROOT); }

    /** A relative file name in normal form ({@code ./a/../b.tex} → {@code b.tex}); null when it leaves the source. */
    static String resolve(String name) {
        String n = name.strip().replace('\\', '/');
        if (n.startsWith("\"") && n.endsWith("\"") && n.length() > 1) n = n.substring(1, n.length() - 1);
        if (n.isEmpty() || n.startsWith("/") || n.contains(":")) return null;
        Deque<String> parts = new ArrayDeque<>();
        for (String p : n.split("/")) {
            if (p.isEmpty() || p.equals(".")) continue;
            if (p.equals("..")) {
                if (parts.isEmpty()) return null;
                parts.removeLast();
            } else {
                parts.addLast(p);
            }
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }
}
