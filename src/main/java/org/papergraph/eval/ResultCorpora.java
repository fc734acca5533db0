package org.papergraph.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.source.ArxivJsonReader;
import org.papergraph.source.GrobidTeiReader;
import org.papergraph.source.ListingReader;
import org.papergraph.source.PaperJsonReader;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.RecordError;
import org.papergraph.source.RecordReader;
import org.papergraph.source.RecordSink;
import org.papergraph.source.Text;

/**
 * The abstracts the result gold sets were read from, each with the id its gold file uses. Read the way papergraph
 * reads them where it has a reader (the demo corpus, arXiv OAI JSON lines, GROBID TEI), else with the least
 * handling that gives the plain abstract (the Papers with Code API list, SciREX word lists, LaTeX sources). The
 * texts stay in {@code ../shared}; nothing here is copied into the repository.
 */
public final class ResultCorpora {
    /** One abstract: gold id ({@code source:key}, or the demo's arXiv id or DOI), source name, title and text. */
    public record Doc(String id, String source, String title, String text) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultCorpora() {}

    /** The seed listing's papers; their id is the title (the seed gold names papers by a title prefix). */
    public static List<Doc> listing(Path listing) throws IOException {
        List<Doc> out = new ArrayList<>();
        for (PaperRecord r : read(new ListingReader(), listing)) out.add(new Doc(r.title(), "seed", r.title(), r.abstractText()));
        return out;
    }

    /** The demo corpus shipped in the jar, by arXiv id or else DOI. */
    public static List<Doc> demo() throws IOException {
        List<Doc> out = new ArrayList<>();
        try (InputStream in = ResultCorpora.class.getResourceAsStream("/demo/papers.jsonl")) {
            if (in == null) throw new IOException("demo/papers.jsonl is not on the class path");
            for (PaperRecord r : read(new PaperJsonReader(), in, "demo/papers.jsonl")) {
                out.add(new Doc(r.arxivId() != null ? r.arxivId() : r.doi(), "demo", r.title(), r.abstractText()));
            }
        }
        return out;
    }

    /**
     * Abstracts of other sources, none of which a result rule was written against, in this order: the Papers with
     * Code API paper list ({@code pwc:}), the first 200 arXiv OAI records ({@code arxiv:}), SciREX train documents
     * ({@code scirex:}), the SOTA leaderboard validation LaTeX sources ({@code clef:}) and GROBID TEI files
     * ({@code grobid:}), NLP-TDMS TEI files ({@code tdms:}) and the Papers with Code abstracts of ORKG CS-NER's pwc
     * dev split ({@code orkg-pwc:}). A paper a previous source already holds (same title) is read once.
     */
    public static List<Doc> others(Path data) throws IOException {
        List<Doc> all = new ArrayList<>();
        all.addAll(pwc(data.resolve("paperswithcode/api-responses/paper_list_response.json")));
        for (PaperRecord r : read(new ArxivJsonReader(), data.resolve("arxiv-oai-snapshot-sample/arxiv-metadata-oai-snapshot.first200.jsonl"))) {
            all.add(new Doc("arxiv:" + r.arxivId(), "arxiv", r.title(), r.abstractText()));
        }
        all.addAll(scirex(data.resolve("scirex/train_docs")));
        all.addAll(latex(data.resolve("sota-leaderboards/clef2024/validation")));
        all.addAll(tei("grobid", data.resolve("sota-leaderboards/grobid-tei-2023/train"), true));
        all.addAll(tei("tdms", data.resolve("nlp-tdms-tdmsci/NLP-TDMS/pdfFile_xml"), false));
        all.addAll(conll("orkg-pwc", data.resolve("orkg-cs-ner/pwc/dev-abs.data")));
        List<Doc> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Doc d : all) {
            String key = d.title() == null ? "" : Tokenizer.key(d.title());
            if (key.length() >= 20 && !seen.add(d.source().equals("arxiv") ? d.id() : key)) continue;
            out.add(d);
        }
        return out;
    }

    /**
     * More abstracts for the tune side only ({@code tune-results.tsv}): the NLPContributionGraph, FTD and SciERC
     * train abstracts of ORKG CS-NER ({@code ncg:}, {@code ncg-dev:}, {@code ftd:}, {@code scierc-abs:}). An
     * abstract whose text one of {@code held} (the other gold sets' documents) or an earlier one here already holds
     * is skipped, so that no report-part text is read through this set.
     */
    public static List<Doc> tuneText(Path data, List<Doc> held) throws IOException {
        Path orkg = data.resolve("orkg-cs-ner");
        List<Doc> all = new ArrayList<>();
        all.addAll(conll("ncg", orkg.resolve("ncg/train-abs.data")));
        all.addAll(conll("ncg-dev", orkg.resolve("ncg/dev-abs.data")));
        all.addAll(conll("ftd", orkg.resolve("ftd/train-abs.data")));
        all.addAll(conll("scierc-abs", orkg.resolve("scierc/train-abs.data")));
        Set<String> windows = new HashSet<>();
        for (Doc d : held) addWindows(d.text(), windows);
        List<Doc> out = new ArrayList<>();
        for (Doc d : all) {
            String k = letters(d.text());
            boolean seen = false;
            for (int i = 0; i + WINDOW <= k.length() && !seen; i++) seen = windows.contains(k.substring(i, i + WINDOW));
            if (seen) continue;
            addWindows(d.text(), windows);
            out.add(d);
        }
        return out;
    }

    /** Length of the run of letters two texts must share to count as the same abstract. */
    private static final int WINDOW = 60;

    private static void addWindows(String text, Set<String> windows) {
        String k = letters(text);
        for (int i = 0; i + WINDOW <= k.length(); i += WINDOW / 3) windows.add(k.substring(i, i + WINDOW));
    }

    private static String letters(String text) {
        return text == null ? "" : text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "");
    }

    private static List<Doc> pwc(Path file) throws IOException {
        List<Doc> out = new ArrayList<>();
        JsonNode root = JSON.readTree(file.toFile());
        for (JsonNode r : root.path("results")) {
            out.add(new Doc("pwc:" + r.path("id").asText(), "pwc", Text.clean(r.path("title").asText(null)), Text.clean(r.path("abstract").asText(null))));
        }
        return out;
    }

    /**
     * SciREX documents keep their text as tokens: the abstract is the rest of the first section after the title
     * sentence ("document : TITLE ..."), or a second section headed "section : Abstract"; documents whose first
     * section runs on into the paper (more than 400 words) or that have neither are left out. Tokens are joined back
     * with the spaces print would have ("state - of - the - art" becomes "state-of-the-art").
     */
    static List<Doc> scirex(Path dir) throws IOException {
        List<Doc> out = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) { files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList(); }
        for (Path p : files) {
            JsonNode d = JSON.readTree(p.toFile());
            List<String> w = new ArrayList<>();
            for (JsonNode t : d.path("words")) w.add(t.asText());
            JsonNode sec = d.path("sections"), sent = d.path("sentences");
            String title, text;
            if (w.size() > 2 && w.get(0).equals("document") && w.get(1).equals(":")) {
                int titleEnd = sent.get(0).get(1).asInt(), secEnd = sec.get(0).get(1).asInt();
                if (secEnd - titleEnd > 400 || secEnd - titleEnd < 20) continue;
                title = String.join(" ", w.subList(2, titleEnd));
                text = String.join(" ", w.subList(titleEnd, secEnd));
            } else if (sec.size() > 1 && sec.get(1).get(0).asInt() + 3 <= w.size()
                    && w.subList(sec.get(1).get(0).asInt(), sec.get(1).get(0).asInt() + 3).equals(List.of("section", ":", "Abstract"))) {
                title = String.join(" ", w.subList(sec.get(0).get(0).asInt(), sec.get(0).get(1).asInt()));
                text = String.join(" ", w.subList(sec.get(1).get(0).asInt() + 3, sec.get(1).get(1).asInt()));
            } else {
                continue;
            }
            out.add(new Doc("scirex:" + d.path("doc_id").asText(), "scirex", detokenize(title), detokenize(text)));
        }
        return out;
    }

    /**
     * Abstracts kept as CoNLL token lines ({@code token TAB tag}, a blank line between abstracts): the N-th
     * abstract (from 1) is {@code source:N}, its tokens joined back as for SciREX. No title.
     */
    static List<Doc> conll(String source, Path file) throws IOException {
        List<Doc> out = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        java.nio.charset.CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPLACE).onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE);
        String text = utf8.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        for (String line : (text + "\n\n").split("\n", -1)) {
            if (line.strip().isEmpty()) {
                if (!tokens.isEmpty()) {
                    out.add(new Doc(source + ":" + (out.size() + 1), source, null, detokenize(String.join(" ", tokens))));
                    tokens.clear();
                }
                continue;
            }
            int tab = line.indexOf('\t');
            tokens.add(tab < 0 ? line : line.substring(0, tab));
        }
        return out;
    }

    private static final Pattern SPACE_BEFORE = Pattern.compile("\\s+([.,;:%)\\]?!])");
    private static final Pattern SPACE_AFTER = Pattern.compile("([(\\[])\\s+");
    private static final Pattern HYPHEN = Pattern.compile("\\s*-\\s*");

    static String detokenize(String s) {
        String t = SPACE_BEFORE.matcher(s).replaceAll("$1");
        t = SPACE_AFTER.matcher(t).replaceAll("$1");
        t = HYPHEN.matcher(t).replaceAll("-");
        return Text.clean(t.replace(" 's", "'s"));
    }

    private static final Pattern TEX_ABSTRACT = Pattern.compile("(?s)\\\\begin\\{abstract\\}(.*?)\\\\end\\{abstract\\}");
    private static final Pattern TEX_TITLE = Pattern.compile("(?s)\\\\title(?:\\[[^]]*\\])?\\{(.*?)\\}\\s*\\n");

    private static List<Doc> latex(Path validation) throws IOException {
        List<Doc> out = new ArrayList<>();
        List<Path> dirs;
        try (Stream<Path> s = Files.list(validation)) { dirs = s.sorted().toList(); }
        for (Path dir : dirs) {
            String id = dir.getFileName().toString();
            Path tex = dir.resolve(id + ".tex");
            if (!Files.exists(tex)) continue;
            String latex = new String(Files.readAllBytes(tex), StandardCharsets.UTF_8);
            Matcher a = TEX_ABSTRACT.matcher(latex);
            Matcher t = TEX_TITLE.matcher(latex);
            out.add(new Doc("clef:" + id, "clef", t.find() ? Text.clean(t.group(1)) : null, a.find() ? Text.clean(a.group(1)) : null));
        }
        return out;
    }

    private static List<Doc> tei(String source, Path dir, boolean nested) throws IOException {
        List<Path> files;
        try (Stream<Path> s = nested ? Files.walk(dir) : Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".tei.xml")).sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        }
        List<Doc> out = new ArrayList<>();
        for (Path p : files) {
            String id = source + ":" + p.getFileName().toString().replaceAll("\\.tei\\.xml$", "");
            for (PaperRecord r : read(new GrobidTeiReader(), p)) out.add(new Doc(id, source, r.title(), r.abstractText()));
        }
        return out;
    }

    private static List<PaperRecord> read(RecordReader reader, Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(reader, in, file.toString());
        }
    }

    private static List<PaperRecord> read(RecordReader reader, InputStream in, String name) throws IOException {
        List<PaperRecord> out = new ArrayList<>();
        reader.read(in, name, new RecordSink() {
            @Override public void accept(PaperRecord r) { out.add(r); }
            @Override public void reject(RecordError e) { }
        });
        return out;
    }
}
