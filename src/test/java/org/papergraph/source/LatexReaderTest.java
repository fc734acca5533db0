package org.papergraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.SharedData;
import org.papergraph.fuzz.TarWriter;

class LatexReaderTest {
    final LatexReader reader = new LatexReader();
    static final Path VALIDATION = SharedData.path("data/sota-leaderboards/clef2024/validation");

    /** A small paper with the constructs tables use; {@code extra} goes into the body. */
    static String paper(String extra) {
        return """
                \\documentclass{article}
                % a comment with a \\title{Not the title} in it
                \\newcommand{\\ours}{FixNet}
                \\newcommand{\\best}[1]{\\textbf{#1}}
                \\def\\dataset{CIFAR-10}
                \\title{\\ours: Fixing Things\\thanks{Work done elsewhere.}}
                \\begin{document}
                \\maketitle
                \\begin{abstract}
                We propose \\ours, which beats \\emph{everything} on \\dataset{} by 2\\%.
                \\end{abstract}
                \\section{Experiments}\\label{sec:exp}
                As Table~\\ref{tab:main} shows, \\ours{} wins on \\dataset.
                \\begin{table}[t]
                \\centering
                \\caption{Accuracy (\\%) on \\dataset{} and SVHN.}\\label{tab:main}
                \\begin{tabular}{l|cc|c}
                \\toprule
                \\multirow{2}{*}{Method} & \\multicolumn{2}{c|}{\\dataset} & SVHN \\\\
                \\cmidrule(lr){2-3}
                 & Top-1 & Top-5 & Top-1 \\\\
                \\midrule
                ResNet~\\cite{he2016,he2016b} & 93.1 & 99.0 & 96.0$^{\\dagger}$ \\\\
                {\\bf \\ours{} (ours)} & \\best{94.2} & $\\mathbf{99.3}$ & \\underline{96.5} \\\\
                \\bottomrule
                \\end{tabular}
                \\end{table}
                """ + extra + """
                \\end{document}
                """;
    }

    static PaperRecord one(RecordCollector c) {
        assertTrue(c.errors.isEmpty(), c.errors.toString());
        assertEquals(1, c.records.size());
        return c.records.get(0);
    }

    @Test
    void titleAbstractSectionsAndATableWithSpansStylesAndMacros() throws Exception {
        PaperRecord r = one(RecordCollector.read(reader, "2101.00001v2.tex", paper("")));
        assertEquals("FixNet: Fixing Things", r.title());
        assertEquals("We propose FixNet, which beats everything on CIFAR-10 by 2%.", r.abstractText());
        assertEquals("2101.00001", r.arxivId());
        assertEquals(List.of("v2"), r.arxivVersions());
        assertTrue(r.bodyText().startsWith("Experiments\n\nAs Table 1 shows, FixNet wins on CIFAR-10."), r.bodyText());
        assertEquals(1, r.tables().size());
        PaperTable t = r.tables().get(0);
        assertEquals("tab:main", t.id());
        assertEquals("Table 1", t.label());
        assertEquals("Accuracy (%) on CIFAR-10 and SVHN.", t.caption());
        assertEquals(List.of("As Table 1 shows, FixNet wins on CIFAR-10."), t.mentions());
        assertEquals("Experiments", t.section());
        assertEquals(4, t.rows().size());
        assertEquals(new TableCell("Method", 1, 2, false, false), t.rows().get(0).get(0));
        assertEquals(new TableCell("CIFAR-10", 2, 1, false, false), t.rows().get(0).get(1));
        assertEquals("ResNet [1, 2]", t.rows().get(2).get(0).text());
        assertEquals("96.0†", t.rows().get(2).get(3).text());
        List<TableCell> ours = t.rows().get(3);
        assertEquals(new TableCell("FixNet (ours)", 1, 1, true, false), ours.get(0));
        assertEquals(new TableCell("94.2", 1, 1, true, false), ours.get(1));
        assertEquals(new TableCell("99.3", 1, 1, true, false), ours.get(2));
        assertEquals(new TableCell("96.5", 1, 1, false, true), ours.get(3));
    }

    @Test
    void inputsAreReadFromTheFileFolderButNeverFromOutsideIt(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("2101.00002");
        Files.createDirectories(src.resolve("sections"));
        Files.writeString(dir.resolve("secret.tex"), "\\section{Outside}");
        Files.writeString(src.resolve("sections/results.tex"), "\\section{Results}\nWe win.\n\\input{../../secret}\n");
        Files.writeString(src.resolve("main.tex"), "\\documentclass{article}\\title{Split}\\begin{document}\n"
                + "\\input{sections/results}\n\\include{missing}\n\\end{document}\n");
        RecordCollector c = new RecordCollector();
        try (var in = Files.newInputStream(src.resolve("main.tex"))) {
            reader.read(in, src.resolve("main.tex").toString(), c);
        }
        PaperRecord r = one(c);
        assertEquals("2101.00002", r.arxivId(), "the id comes from the folder's name");
        assertEquals("Results\n\nWe win.", r.bodyText());
    }

    @Test
    void anArxivSourceArchiveIsOnePaperReadFromItsMainFile() throws Exception {
        String whole = paper("");
        int body = whole.indexOf("\\begin{document}") + "\\begin{document}".length();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("figures/plot.tex", "\\begin{tikzpicture}\\end{tikzpicture}".getBytes(StandardCharsets.UTF_8));
        files.put("body.tex", whole.substring(body, whole.indexOf("\\end{document}")).getBytes(StandardCharsets.UTF_8));
        files.put("ms.tex", (whole.substring(0, body) + "\n\\input{body}\n\\end{document}\n").getBytes(StandardCharsets.UTF_8));
        RecordCollector c = new RecordCollector();
        reader.read(SourceFiles.decode(new ByteArrayInputStream(TarWriter.tarGz(files))), "arXiv-2101.00003v1.tar.gz", c);
        PaperRecord r = one(c);
        assertEquals("FixNet: Fixing Things", r.title());
        assertEquals("2101.00003", r.arxivId());
        assertEquals(SourcePosition.entry("arXiv-2101.00003v1.tar.gz", 1), r.position());
        assertEquals("Table 1", r.tables().get(0).label());
        assertEquals(8, reader.sniff(new String(Arrays.copyOf(TarWriter.tar(files), 8192), StandardCharsets.UTF_8)));
    }

    @Test
    void brokenSourcesAreOneRejectionSayingWhereAndWhat() throws Exception {
        RecordCollector title = RecordCollector.read(reader, "2101.00004.tex", "\\documentclass{article}\n\n\\title{Never closed\n\\begin{document}\nText.\n\\end{document}\n");
        assertEquals(List.of(new RecordError(SourcePosition.line("2101.00004.tex", 3),
                "\\title{ is never closed: no matching } before the end of the source")), title.errors);

        RecordCollector abs = RecordCollector.read(reader, "x.tex", "\\documentclass{article}\\title{T}\\begin{document}\n\\begin{abstract}\nCut short.");
        assertEquals(1, abs.errors.size());
        assertTrue(abs.errors.get(0).reason().contains("\\begin{abstract} is never closed"), abs.errors.toString());

        Map<String, byte[]> cycle = new LinkedHashMap<>();
        cycle.put("main.tex", "\\documentclass{article}\\title{T}\\begin{document}\n\\input{a}\n\\end{document}".getBytes(StandardCharsets.UTF_8));
        cycle.put("a.tex", "\n\nSome text.\n\\input{b}\n".getBytes(StandardCharsets.UTF_8));
        cycle.put("b.tex", "\\input{a.tex}\n".getBytes(StandardCharsets.UTF_8));
        RecordCollector loop = new RecordCollector();
        reader.read(SourceFiles.decode(new ByteArrayInputStream(TarWriter.tarGz(cycle))), "src.tar.gz", loop);
        assertEquals(List.of(new RecordError(SourcePosition.entry("src.tar.gz", 1), "arXiv source archive: b.tex, line 1: "
                + "\\input{a.tex} includes a.tex again while it is being read (main.tex -> a.tex -> b.tex -> a.tex): TeX would loop forever")),
                loop.errors);

        RecordCollector noTex = new RecordCollector();
        reader.read(SourceFiles.decode(new ByteArrayInputStream(TarWriter.tarGz(Map.of("fig.png", new byte[] {1, 2, 3})))), "figs.tar.gz", noTex);
        assertEquals("arXiv source archive: the archive holds no .tex file (0 LaTeX-related files)", noTex.errors.get(0).reason());

        byte[] tar = TarWriter.tar(Map.of("main.tex", paper("").getBytes(StandardCharsets.UTF_8)));
        RecordCollector cut = new RecordCollector();
        reader.read(new ByteArrayInputStream(Arrays.copyOf(tar, 900)), "cut.tar", cut);
        assertTrue(cut.errors.get(0).reason().contains("the archive is cut short inside entry 1 (main.tex)"), cut.errors.toString());

        RecordCollector binary = RecordCollector.read(reader, "b.tex", "\\documentclass{article}\n\\title{T}\u0000\n");
        assertEquals(List.of(new RecordError(SourcePosition.line("b.tex", 2), "binary data (a NUL byte), not LaTeX source")), binary.errors);

        RecordCollector anonymous = RecordCollector.read(reader, "notes.tex", "\\documentclass{article}\\begin{document}\\section{Hi}\\end{document}");
        assertTrue(anonymous.errors.get(0).reason().contains("has no \\title and its file name no arXiv id"), anonymous.errors.toString());
        assertTrue(anonymous.records.isEmpty());
    }

    @Test
    void macrosThatRecurseOrExplodeAreBoundedAndOthersKeptAsText() throws Exception {
        String src = "\\documentclass{article}\\def\\loop{\\loop\\loop}\\newcommand{\\twice}[1]{#1#1}\\title{Bounded \\loop}"
                + "\\begin{document}\\section{S}Text with \\unknownmacro{} and \\twice{ab}.\\end{document}";
        PaperRecord r = one(RecordCollector.read(reader, "2101.00005.tex", src));
        assertTrue(r.title().startsWith("Bounded"), r.title());
        assertTrue(r.bodyText().contains("Text with \\unknownmacro and abab."), r.bodyText());
    }

    @Test
    void formatIsDetectedFromContent() {
        assertEquals(10, reader.sniff("%% a paper\n\\documentclass[10pt]{article}\n"));
        assertEquals(2, reader.sniff("\\section{Intro}\nAs \\cite{x} shows.\n\\begin{figure}\\end{figure}"));
        assertEquals(0, reader.sniff("{\"title\": \"\\\\documentclass in JSON\"}"));
        assertEquals(0, reader.sniff("A listing title\n\nAn abstract about \\section{ things."));
        assertEquals("latex", SourceFiles.detect("\\documentclass{article}").orElseThrow().format());
    }

    /** The real SOTA? validation sources: every one a paper but the one whose title the corpus damaged. */
    @Test
    void theValidationSourcesReadAsPapersWithTables() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(VALIDATION)) {
            files = s.filter(p -> p.toString().endsWith(".tex")).sorted().toList();
        }
        assertEquals(100, files.size());
        int records = 0, tables = 0, withTables = 0;
        List<String> rejected = new java.util.ArrayList<>();
        for (Path f : files) {
            RecordCollector c = RecordCollector.read(reader, f);
            c.errors.forEach(e -> rejected.add(e.toString()));
            for (PaperRecord r : c.records) {
                records++;
                assertEquals(f.getFileName().toString().replaceAll("(v\\d+)?\\.tex$", ""), r.arxivId());
                tables += r.tables().size();
                if (!r.tables().isEmpty()) withTables++;
            }
        }
        assertEquals(99, records);
        assertEquals(List.of("0705.1367.tex, line 47: \\title{ is never closed: no matching } before the end of the source"), rejected);
        assertTrue(withTables >= 70 && tables >= 300, withTables + " papers with " + tables + " tables");
    }

    @Test
    void oneRealPaperItsComparisonTable() throws Exception {
        PaperRecord r = one(RecordCollector.read(reader, VALIDATION.resolve("1803.09454v1/1803.09454v1.tex")));
        assertEquals("Fast and Accurate Single Image Super-Resolution via Information Distillation Network", r.title());
        PaperTable t = r.tables().stream().filter(x -> "tab:psnr/ssim".equals(x.id())).findFirst().orElseThrow();
        assertEquals("Table 2", t.label());
        assertTrue(t.caption().startsWith("Average PSNR/SSIMs for scale"), t.caption());
        assertEquals("IDN (Ours)", t.rows().get(0).get(8).text());
        assertEquals(new TableCell("Set5", 1, 3, false, false), t.rows().get(1).get(0));
        assertEquals("37.83/0.9600", t.rows().get(1).get(8).text());
        assertEquals("Comparisons with state-of-the-arts", t.section());
        assertFalse(t.mentions().isEmpty());
        assertNull(r.doi());
    }
}
