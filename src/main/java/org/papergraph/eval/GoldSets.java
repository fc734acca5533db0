package org.papergraph.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.papergraph.vocab.EntityType;

/**
 * Readers for the entity gold sets in {@code ../shared/data}: ORKG CS-NER (CoNLL-like, BIOES tags) and SciERC
 * (JSON lines, inclusive token spans). Types are mapped to papergraph's {@link EntityType}s; unmapped types are
 * dropped. Used by the eval command and by the tagger training; nothing at runtime depends on these files.
 */
public final class GoldSets {
    private GoldSets() {}

    /** ORKG CS-NER: solution and method are what a paper proposes or uses (Method), research problem is a Task. */
    public static final Map<String, EntityType> ORKG = Map.of(
            "SOLUTION", EntityType.METHOD, "METHOD", EntityType.METHOD,
            "DATASET", EntityType.DATASET, "RESEARCH_PROBLEM", EntityType.TASK);
    /** SciERC: Material is left out (it mixes datasets with any other data); Generic and OtherScientificTerm too. */
    public static final Map<String, EntityType> SCIERC = Map.of(
            "Method", EntityType.METHOD, "Task", EntityType.TASK, "Metric", EntityType.METRIC);

    /** Reads an ORKG CS-NER {@code .data} file: {@code token TAB tag} lines, blank line between sequences. */
    public static List<GoldDoc> orkg(Path file, Map<String, EntityType> types) throws IOException {
        List<GoldDoc> docs = new ArrayList<>();
        List<String> toks = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        // A few ORKG files carry stray non-UTF-8 bytes; decoding with replacement keeps the rest of the file usable.
        try (BufferedReader r = new BufferedReader(new java.io.StringReader(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    flush(file.getFileName() + "#" + docs.size(), toks, tags, types, docs);
                    continue;
                }
                int tab = line.lastIndexOf('\t');
                if (tab < 0) tab = line.lastIndexOf(' ');
                if (tab <= 0) continue;
                toks.add(line.substring(0, tab).strip());
                tags.add(line.substring(tab + 1).strip());
            }
        }
        flush(file.getFileName() + "#" + docs.size(), toks, tags, types, docs);
        return docs;
    }

    private static void flush(String id, List<String> toks, List<String> tags, Map<String, EntityType> types, List<GoldDoc> docs) {
        if (toks.isEmpty()) return;
        StringBuilder text = new StringBuilder();
        int[] starts = new int[toks.size()];
        int[] ends = new int[toks.size()];
        for (int i = 0; i < toks.size(); i++) {
            if (i > 0) text.append(' ');
            starts[i] = text.length();
            text.append(toks.get(i));
            ends[i] = text.length();
        }
        List<GoldSpan> spans = new ArrayList<>();
        int open = -1;
        String openType = null;
        for (int i = 0; i < tags.size(); i++) {
            String tag = tags.get(i);
            String prefix = tag.length() > 1 && tag.charAt(1) == '-' ? tag.substring(0, 1) : "O";
            String type = prefix.equals("O") ? null : tag.substring(2);
            switch (prefix) {
                case "S" -> { add(spans, starts[i], ends[i], type, types); open = -1; }
                case "B" -> { open = i; openType = type; }
                case "I" -> { if (open < 0 || !type.equals(openType)) { open = i; openType = type; } }
                case "E" -> {
                    if (open < 0 || !type.equals(openType)) open = i;
                    add(spans, starts[open], ends[i], type, types);
                    open = -1;
                }
                default -> open = -1;
            }
        }
        docs.add(new GoldDoc(id, text.toString(), spans));
        toks.clear();
        tags.clear();
    }

    private static void add(List<GoldSpan> spans, int s, int e, String type, Map<String, EntityType> types) {
        EntityType t = types.get(type);
        if (t != null) spans.add(new GoldSpan(s, e, t));
    }

    /** SciREX: Method, Task and Metric as in SciERC; Material (datasets mixed with any data) is left out. */
    public static final Map<String, EntityType> SCIREX = SCIERC;

    /**
     * Reads the SciREX documents in {@code dir} ({@code *.json}, one full paper each, in file-name order): one
     * {@link GoldDoc} per sentence as SciREX splits them, id {@code docId#sentence}. Words are joined by single spaces,
     * except that a lone "-" between two words is glued to both ("non - uniform" becomes "non-uniform", as papers
     * write it and as {@link org.papergraph.extract.text.Tokenizer} reads it); a section's leading header
     * ("document :", "section : Introduction") is dropped.
     */
    public static List<GoldDoc> scirex(Path dir, Map<String, EntityType> types) throws IOException {
        List<GoldDoc> docs = new ArrayList<>();
        List<Path> files;
        try (var s = Files.list(dir)) { files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList(); }
        for (Path p : files) {
            JsonObject o = JSON.parse(Files.readString(p, StandardCharsets.UTF_8));
            JsonArray wordArray = o.get("words").getAsArray();
            String[] words = new String[wordArray.size()];
            for (int i = 0; i < words.length; i++) words[i] = wordArray.get(i).getAsString().value();
            java.util.Set<Integer> sectionStarts = new java.util.HashSet<>();
            for (JsonValue s : o.get("sections").getAsArray()) sectionStarts.add(s.getAsArray().get(0).getAsNumber().value().intValue());
            List<int[]> ner = new ArrayList<>();
            for (JsonValue v : o.get("ner").getAsArray()) {
                JsonArray a = v.getAsArray();
                EntityType t = types.get(a.get(2).getAsString().value());
                if (t != null) ner.add(new int[] {a.get(0).getAsNumber().value().intValue(), a.get(1).getAsNumber().value().intValue(), t.ordinal()});
            }
            String id = o.get("doc_id").getAsString().value();
            int n = 0;
            for (JsonValue sv : o.get("sentences").getAsArray()) {
                int from = sv.getAsArray().get(0).getAsNumber().value().intValue();
                int to = sv.getAsArray().get(1).getAsNumber().value().intValue();
                int first = from;
                if (sectionStarts.contains(from)) first = header(words, from, to);
                StringBuilder text = new StringBuilder();
                int[] starts = new int[to - from], ends = new int[to - from];
                for (int i = first; i < to; i++) {
                    boolean glue = i > first && (words[i].equals("-") && i + 1 < to && wordish(words[i - 1]) && wordish(words[i + 1])
                            || words[i - 1].equals("-") && i - 2 >= first && wordish(words[i - 2]) && wordish(words[i]));
                    if (text.length() > 0 && !glue) text.append(' ');
                    starts[i - from] = text.length();
                    text.append(words[i]);
                    ends[i - from] = text.length();
                }
                List<GoldSpan> spans = new ArrayList<>();
                for (int[] e : ner) {
                    if (e[0] < first || e[1] > to || e[0] >= e[1]) continue;
                    spans.add(new GoldSpan(starts[e[0] - from], ends[e[1] - 1 - from], EntityType.values()[e[2]]));
                }
                if (text.length() > 0) docs.add(new GoldDoc(id + "#" + n, text.toString(), spans));
                n++;
            }
        }
        return docs;
    }

    /** The first word after a SciREX section header ("document :", "section : Related Work") at {@code from}. */
    private static int header(String[] words, int from, int to) {
        if (to - from < 2 || !words[from + 1].equals(":")) return from;
        if (words[from].equals("document")) return from + 2;
        if (!words[from].equals("section")) return from;
        // "section : Related Work Deep networks ..." : the header is title-cased words; the sentence starts after.
        int i = from + 2;
        while (i < to && i < from + 8 && !words[i].isEmpty() && Character.isUpperCase(words[i].charAt(0))
                && (i + 1 >= to || words[i + 1].isEmpty() || Character.isUpperCase(words[i + 1].charAt(0)) || !Character.isLetter(words[i + 1].charAt(0)))) i++;
        return i;
    }

    private static boolean wordish(String w) { return !w.isEmpty() && Character.isLetterOrDigit(w.charAt(w.length() - 1)) && Character.isLetterOrDigit(w.charAt(0)); }

    /** TDMSci's tags (CoNLL {@code B-TASK}, {@code I-DATASET} ...) as papergraph types. */
    public static final Map<String, EntityType> TDMSCI = Map.of(
            "TASK", EntityType.TASK, "DATASET", EntityType.DATASET, "METRIC", EntityType.METRIC);

    /**
     * TDMSci's CoNLL files ({@code token TAB character offset TAB tag}, a blank line between sentences): one document
     * per sentence, its text rebuilt with each token at its offset, its spans from the B-/I- tags.
     */
    public static List<GoldDoc> tdmsci(Path file, Map<String, EntityType> types) throws IOException {
        List<GoldDoc> docs = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        List<GoldSpan> spans = new ArrayList<>();
        int[] open = {-1, -1};
        EntityType[] openType = {null};
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
        lines.add("");
        for (String line : lines) {
            if (line.isBlank()) {
                if (openType[0] != null) spans.add(new GoldSpan(open[0], open[1], openType[0]));
                openType[0] = null;
                if (text.length() > 0) docs.add(new GoldDoc(file.getFileName() + "#" + docs.size(), text.toString(), List.copyOf(spans)));
                text.setLength(0);
                spans.clear();
                continue;
            }
            String[] f = line.split("\t");
            if (f.length < 3) throw new IOException(file + ": not token TAB offset TAB tag: " + line);
            int at = Integer.parseInt(f[1].trim());
            while (text.length() < at) text.append(' ');
            if (text.length() > at) text.append(' ');
            int start = text.length();
            text.append(f[0]);
            String tag = f[2].trim();
            EntityType t = tag.length() > 2 ? types.get(tag.substring(2)) : null;
            if (openType[0] != null && (t != openType[0] || !tag.startsWith("I-"))) {
                spans.add(new GoldSpan(open[0], open[1], openType[0]));
                openType[0] = null;
            }
            if (t == null) continue;
            if (openType[0] == null) {
                open[0] = start;
                openType[0] = t;
            }
            open[1] = text.length();
        }
        return docs;
    }

    /** Reads a SciERC JSON-lines file; the text is all sentences' tokens joined by single spaces. */
    public static List<GoldDoc> scierc(Path file, Map<String, EntityType> types) throws IOException {
        List<GoldDoc> docs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            JsonObject o = JSON.parse(line);
            List<Integer> starts = new ArrayList<>();
            List<Integer> ends = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (JsonValue sent : o.get("sentences").getAsArray()) {
                for (JsonValue tok : sent.getAsArray()) {
                    if (text.length() > 0) text.append(' ');
                    starts.add(text.length());
                    text.append(tok.getAsString().value());
                    ends.add(text.length());
                }
            }
            List<GoldSpan> spans = new ArrayList<>();
            for (JsonValue sent : o.get("ner").getAsArray()) {
                for (JsonValue ent : sent.getAsArray()) {
                    JsonArray a = ent.getAsArray();
                    EntityType t = types.get(a.get(2).getAsString().value());
                    if (t == null) continue;
                    int s = a.get(0).getAsNumber().value().intValue();
                    int e = a.get(1).getAsNumber().value().intValue();
                    spans.add(new GoldSpan(starts.get(s), ends.get(e), t));
                }
            }
            docs.add(new GoldDoc(o.get("doc_key").getAsString().value(), text.toString(), spans));
        }
        return docs;
    }
}
