package org.papergraph.source.latex;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an arXiv LaTeX source (one {@code .tex} file, with its {@code \input}s read from its folder when it is a
 * file on disk, or a tar archive of several files) into a {@link LatexDocument}: finds the main file, splices the
 * includes, checks what cannot be read past, expands the macros and reads the document. Stateless.
 */
public final class LatexSources {
    private LatexSources() {}

    /** Largest single {@code .tex} file read. */
    public static final int MAX_FILE = TarArchive.MAX_FILE;

    private static final Pattern TITLE_OPEN = Pattern.compile("\\\\(?:title|icmltitle)\\s*(?:\\[[^\\]]*\\])?\\s*\\{");
    private static final Pattern LATEX = Pattern.compile("\\\\(?:documentclass|documentstyle|begin\\s*\\{|section\\*?\\s*\\{|title\\s*\\{|chapter\\s*\\{|subsection\\*?\\s*\\{)");

    /** Whether the first block of a stream is a tar header (an arXiv source archive once gzip is undone). */
    public static boolean isArchive(byte[] firstBlock) { return TarArchive.isTar(firstBlock); }

    /**
     * Reads one {@code .tex} file.
     *
     * @param bytes the file's bytes
     * @param file  the file as the user named it: when it is a file on disk, includes are read from its folder (and
     *              only from there); otherwise the file stands alone
     */
    public static LatexDocument file(byte[] bytes, String file) throws LatexProblem {
        String name = baseName(file);
        String text = LatexFiles.decode(bytes, name);
        LatexSource.FileSet folder = folder(file);
        return document(LatexSource.splice(name, text, folder), name);
    }

    /** Reads a tar archive (gzip already undone); the main file is the one with {@code \documentclass}. */
    public static LatexDocument archive(InputStream tar) throws IOException, LatexProblem {
        List<TarArchive.Entry> entries = TarArchive.read(tar, n -> {
            String l = n.toLowerCase(Locale.ROOT);
            return l.endsWith(".tex") || l.endsWith(".sty") || l.endsWith(".ltx");
        });
        Map<String, byte[]> byName = new HashMap<>();
        for (TarArchive.Entry e : entries) byName.put(e.name(), e.bytes());
        List<String> tex = new ArrayList<>();
        for (String n : byName.keySet()) {
            String l = n.toLowerCase(Locale.ROOT);
            if (l.endsWith(".tex") || l.endsWith(".ltx")) tex.add(n);
        }
        if (tex.isEmpty()) throw new LatexProblem(null, 0, "the archive holds no .tex file (" + entries.size() + " LaTeX-related files)");
        String main = main(tex, byName);
        String text = LatexFiles.decode(byName.get(main), main);
        // TeX runs in the main file's folder: includes are relative to it.
        int slash = main.lastIndexOf('/');
        String dir = slash < 0 ? "" : main.substring(0, slash + 1);
        return document(LatexSource.splice(main, text, n -> byName.get(LatexSource.resolve(dir + n) == null ? n : LatexSource.resolve(dir + n))), main);
    }

    /** The main file: one with {@code \documentclass} (and {@code \begin{document}}), nearest the top, else the largest not included by another. */
    private static String main(List<String> tex, Map<String, byte[]> files) throws LatexProblem {
        Map<String, String> heads = new HashMap<>();
        for (String n : tex) heads.put(n, LatexFiles.clean(LatexFiles.decode(files.get(n), n)));
        Comparator<String> nearTop = Comparator.comparingInt((String n) -> n.split("/").length).thenComparing(n -> n);
        List<String> withClass = tex.stream().filter(n -> heads.get(n).contains("\\documentclass") || heads.get(n).contains("\\documentstyle")).toList();
        if (!withClass.isEmpty()) {
            List<String> full = withClass.stream().filter(n -> heads.get(n).contains("\\begin{document}")).toList();
            return (full.isEmpty() ? withClass : full).stream().min(nearTop).orElseThrow();
        }
        Set<String> included = new HashSet<>();
        for (String n : tex) {
            for (String other : tex) {
                String stem = other.replaceAll("\\.(tex|ltx)$", "");
                if (!other.equals(n) && (heads.get(n).contains("{" + stem + "}") || heads.get(n).contains("{" + other + "}"))) included.add(other);
            }
        }
        return tex.stream().filter(n -> !included.contains(n))
                .max(Comparator.comparingInt((String n) -> files.get(n).length).thenComparing(n -> n, Comparator.reverseOrder()))
                .orElse(tex.stream().min(nearTop).orElseThrow());
    }

    /** Checks the spliced source, expands macros and reads the document. */
    private static LatexDocument document(LatexSource src, String main) throws LatexProblem {
        String s = src.text();
        if (!LATEX.matcher(s).find()) {
            throw new LatexProblem(main, 0, "no LaTeX markup found (no \\documentclass, \\begin, \\section or \\title): not a LaTeX source");
        }
        Matcher t = TITLE_OPEN.matcher(s);
        if (t.find() && TexScan.matchBrace(s, t.end() - 1, s.length()) < 0) {
            LatexSource.Segment at = src.where(s, t.start());
            throw new LatexProblem(at.file(), at.line(), "\\title{ is never closed: no matching } before the end of the source");
        }
        int abs = s.indexOf("\\begin{abstract}");
        if (abs >= 0 && TexScan.endOf(s, "abstract", abs + 16, s.length()) < 0) {
            LatexSource.Segment at = src.where(s, abs);
            throw new LatexProblem(at.file(), at.line(), "\\begin{abstract} is never closed: no \\end{abstract} before the end of the source");
        }
        Macros macros = Macros.collect(s);
        return LatexDocument.read(macros.expand(macros.text()));
    }

    private static String baseName(String file) {
        String f = file.replace('\\', '/');
        int slash = f.lastIndexOf('/');
        return slash < 0 ? f : f.substring(slash + 1);
    }

    /** The folder of a file on disk, for its includes; null when {@code file} is not one. */
    private static LatexSource.FileSet folder(String file) {
        Path p;
        try {
            p = Path.of(file);
        } catch (InvalidPathException e) {
            return null;
        }
        if (!Files.isRegularFile(p)) return null;
        Path dir = p.toAbsolutePath().normalize().getParent();
        if (dir == null) return null;
        return name -> {
            Path q = dir.resolve(name).normalize();
            if (!q.startsWith(dir) || !Files.isRegularFile(q)) return null;
            try {
                if (Files.size(q) > MAX_FILE) throw new LatexProblem(name, 0, "the file is larger than " + (MAX_FILE >> 20) + " MB");
                return Files.readAllBytes(q);
            } catch (IOException e) {
                throw new LatexProblem(name, 0, "cannot be read: " + e.getMessage());
            }
        };
    }

    /**
     * Whether a {@code .tex} file starts a document ({@code \documentclass}), as opposed to a part another file
     * includes: used when walking a folder, where the parts are read through their main file.
     */
    public static boolean isMainFile(String head) {
        String h = LatexFiles.clean(head);
        return h.contains("\\documentclass") || h.contains("\\documentstyle");
    }
}
