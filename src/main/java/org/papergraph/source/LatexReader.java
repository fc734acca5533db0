package org.papergraph.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.papergraph.source.latex.LatexDocument;
import org.papergraph.source.latex.LatexProblem;
import org.papergraph.source.latex.LatexSources;

/**
 * Reads an arXiv LaTeX source as one paper: a single {@code .tex} file (its {@code \input}s and local packages
 * read from its folder when it is a file on disk), or an arXiv source archive ({@code .tar.gz}, several files:
 * the main one is the one with {@code \documentclass}). The record has the title, abstract, body text (paragraphs
 * and section headings) and the tables ({@link PaperTable}: every tabular of a table float, with
 * {@code \multicolumn}/{@code \multirow} spans, caption, {@code \label}-derived number, bold and underlined cells,
 * and the body sentences that cite it). No TeX engine runs and nothing is fetched: simple user macros are expanded,
 * other commands are read as text ({@link org.papergraph.source.latex.LatexDocument}). The arXiv id comes from the
 * file or folder name ({@code 1803.09454v1.tex}, {@code arXiv-2101.00001v2.tar.gz}, {@code 2101.00001/main.tex}).
 *
 * <p>A source that cannot be read as a paper is one rejected record saying which file, where and what: an archive
 * that is damaged or holds no {@code .tex}, binary data, an include cycle, a {@code \title} or abstract never
 * closed, no LaTeX markup at all, or neither a title nor an arXiv id. Anything else TeX might refuse (an
 * unbalanced table, a stray brace: the SOTA corpus's LaTeX has its math stripped) is read past, as far as it
 * goes. Author lists are not read (LaTeX spells them in too many ways to get right without running TeX).
 */
public final class LatexReader implements RecordReader {
    public static final String FORMAT = "latex";
    private static final Pattern ARXIV_NAME = Pattern.compile("(?:^|[^\\d.])(\\d{4}\\.\\d{4,5})(v\\d+)?(?=[^\\d]|$)");
    private static final Pattern COMMANDS = Pattern.compile("\\\\(?:section|subsection|begin|end|cite|citep|label|ref|textbf|emph)\\*?\\{");

    @Override
    public String format() { return FORMAT; }

    /**
     * 10 for {@code \documentclass} near the top, 8 for a tar archive whose first files look like a LaTeX source,
     * 2 for a LaTeX fragment (a file another includes, or a corpus's single {@code .tex} without preamble: several
     * of {@code \section{}, \begin{}, \cite{}, \label{}}), above the listing reader's claim on prose and below every
     * structured format.
     */
    @Override
    public int sniff(String head) {
        String h = head.startsWith("\uFEFF") ? head.substring(1) : head;
        if (h.length() > 262 && h.startsWith("ustar", 257)) {
            return h.contains(".tex\0") || h.contains("\\documentclass") || h.contains("\\begin{") ? 8 : 0;
        }
        String lead = h.stripLeading();
        if (lead.startsWith("{") || lead.startsWith("[") || lead.startsWith("<")) return 0;
        if (h.indexOf('\0') >= 0) return 0;
        if (h.contains("\\documentclass") || h.contains("\\documentstyle")) return 10;
        Matcher m = COMMANDS.matcher(h);
        int n = 0;
        while (m.find() && n < 3) n++;
        return n >= 3 ? 2 : 0;
    }

    @Override
    public void read(InputStream in, String file, RecordSink sink) throws IOException {
        InputStream b = in.markSupported() ? in : new BufferedInputStream(in);
        b.mark(1024);
        byte[] first = b.readNBytes(512);
        b.reset();
        boolean archive = LatexSources.isArchive(first);
        SourcePosition pos = archive ? SourcePosition.entry(file, 1) : SourcePosition.line(file, 1);
        LatexDocument doc;
        try {
            if (archive) {
                doc = LatexSources.archive(b);
            } else {
                byte[] bytes = b.readNBytes(LatexSources.MAX_FILE + 1);
                if (bytes.length > LatexSources.MAX_FILE) {
                    sink.reject(new RecordError(pos, "the file is larger than " + (LatexSources.MAX_FILE >> 20) + " MB: not one paper's LaTeX"));
                    return;
                }
                doc = LatexSources.file(bytes, file);
            }
        } catch (LatexProblem p) {
            String own = file.replace('\\', '/');
            boolean sameFile = p.file() != null && (own.equals(p.file()) || own.endsWith("/" + p.file()));
            SourcePosition at = !archive && sameFile && p.line() > 0 ? SourcePosition.line(file, p.line()) : pos;
            String reason = !archive && sameFile ? p.getMessage() : p.describe();
            sink.reject(new RecordError(at, (archive ? "arXiv source archive: " : "") + reason));
            return;
        }
        PaperRecord.Builder r = PaperRecord.builder(FORMAT, pos).title(doc.title()).abstractText(doc.abstractText())
                .bodyText(doc.body());
        String[] id = arxivId(file);
        if (id != null) {
            r.arxivId(id[0]);
            if (id[1] != null) r.arxivVersion(id[1]);
        }
        for (PaperTable t : doc.tables()) r.table(t);
        PaperRecord record = r.build();
        if (record.title() == null && record.arxivId() == null) {
            sink.reject(new RecordError(pos, "the LaTeX source has no \\title and its file name no arXiv id (name it like 2101.00001v1.tex)"));
            return;
        }
        sink.accept(record);
    }

    /** The arXiv id (and version, or null) in a file's name or its folder's, or null. */
    static String[] arxivId(String file) {
        String f = file.replace('\\', '/');
        String[] parts = f.split("/");
        for (int k = parts.length - 1; k >= Math.max(0, parts.length - 2); k--) {
            Matcher m = ARXIV_NAME.matcher(parts[k]);
            if (m.find()) return new String[] {m.group(1), m.group(2) == null ? null : m.group(2)};
        }
        return null;
    }
}
