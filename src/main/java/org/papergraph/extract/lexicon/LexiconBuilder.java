package org.papergraph.extract.lexicon;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.papergraph.eval.GoldDoc;
import org.papergraph.eval.GoldSets;
import org.papergraph.eval.GoldSpan;
import org.papergraph.extract.Metrics;
import org.papergraph.extract.TrainingData;
import org.papergraph.vocab.EntityType;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;

/**
 * Builds {@code lexicon.tsv} from the real names in {@code ../shared/data}: Papers with Code evaluation tables and
 * SOTA task files (task, dataset, metric and model names; task synonyms), the NLP-TDMS knowledge base, and the
 * entity spans of the ORKG CS-NER and SciERC train splits that recur at least twice. Only names are taken, never
 * sentences. Names that are common English words (seen mostly outside entities in the gold train splits) are left
 * out so they do not fire on ordinary text.
 *
 * <p>Grouping: names of one type with the same key ({@link Tokenizer#key}: letters, digits and "+", lower-cased)
 * are one entry ("GNN" and "GNN++" are two); the canonical name is the most frequent spelling written as running
 * text writes names. Deterministic: the same data gives the same file.
 */
public final class LexiconBuilder {
    private final Path shared;
    private final TrainingData data;
    private final Map<EntityType, Map<String, Map<String, Integer>>> names = new EnumMap<>(EntityType.class);
    private final Map<String, Boolean> lowerIsBetter = new HashMap<>();
    /** Task synonym pairs (task, synonym): one entity, the synonym a variant of the task's entry. */
    private final List<String[]> synonyms = new ArrayList<>();

    /** Names longer than this many tokens are phrases, not names. */
    static final int MAX_NAME_TOKENS = 6;
    private static final Pattern PAREN = Pattern.compile("\\s*[(\\[].*$");
    private static final Pattern DASH_SUFFIX = Pattern.compile("\\s+-\\s+.*$");

    public LexiconBuilder(Path shared) { this(shared, TrainingData.ALL); }

    /**
     * A builder that reads only the sources {@code data} allows: without the research data the lexicon holds the
     * NLP-TDMS names and the names that recur in SciREX's annotations.
     */
    public LexiconBuilder(Path shared, TrainingData data) {
        this.shared = shared;
        this.data = data;
        for (EntityType t : EntityType.values()) names.put(t, new HashMap<>());
    }

    /** Reads every source and writes the lexicon to {@code out}; returns the number of entries per type. */
    public Map<EntityType, Integer> build(Path out) throws IOException {
        if (data.allows(TrainingData.Source.PAPERS_WITH_CODE)) {
            Path pwc = shared.resolve("data/paperswithcode");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(pwc.resolve("evaluation-tables-2020-09/evaluation_tables.json.gz")))) {
                tasks(JSON.parseAny(in).getAsArray());
            }
            try (var files = Files.list(pwc.resolve("sota-extractor-tasks"))) {
                for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(p)) {
                        JsonValue v = JSON.parseAny(in);
                        if (v.isArray()) tasks(v.getAsArray());
                    }
                }
            }
            for (String line : Files.readAllLines(pwc.resolve("sota-extractor-tasks/synonyms.csv"))) {
                String[] f = line.split("\",\"");
                if (f.length != 2 || line.startsWith("task,")) continue;
                synonym(f[0].replace("\"", ""), f[1].replace("\"", ""));
            }
        }
        if (data.allows(TrainingData.Source.NLP_TDMS)) {
            Path kb = shared.resolve("data/nlp-tdms-tdmsci/NLP-TDMS/kb");
            for (String line : Files.readAllLines(kb.resolve("taskKB.tsv"))) {
                String[] f = line.split("\t");
                if (f.length > 1) add(EntityType.TASK, f[1].replace('_', ' '));
            }
            for (String line : Files.readAllLines(kb.resolve("datasetKB.tsv"))) {
                String[] f = line.split("\t");
                if (f.length > 1) dataset(f[1]);
            }
            for (String line : Files.readAllLines(kb.resolve("evaMatrixKB.tsv"))) {
                String[] f = line.split("\t");
                if (f.length > 2) {
                    add(EntityType.METRIC, f[1]);
                    lowerIsBetter.put(Tokenizer.key(f[1]), f[2].strip().equals("0"));
                }
            }
        }
        Map<String, Integer> outside = new HashMap<>();
        Map<String, Integer> inside = new HashMap<>();
        Path orkg = shared.resolve("data/orkg-cs-ner");
        List<GoldDoc> gold = new ArrayList<>();
        if (data.allows(TrainingData.Source.ORKG_CS_NER)) {
            gold.addAll(GoldSets.orkg(orkg.resolve("full dataset/train.data"), GoldSets.ORKG));
            for (String part : List.of("ftd", "ncg", "scierc")) gold.addAll(GoldSets.orkg(orkg.resolve(part + "/train-abs.data"), GoldSets.ORKG));
        }
        if (data.allows(TrainingData.Source.SCIERC)) gold.addAll(GoldSets.scierc(shared.resolve("data/scierc/raw/train.json"), GoldSets.SCIERC));
        // Without the research data, SciREX's annotations (SciERC's conventions) give the recurring names and word counts.
        if (gold.isEmpty()) gold.addAll(GoldSets.scirex(shared.resolve("data/scirex/train_docs"), GoldSets.SCIREX));
        Map<EntityType, Map<String, Integer>> recurring = new EnumMap<>(EntityType.class);
        for (GoldDoc d : gold) {
            for (Token t : Tokenizer.tokens(d.text())) {
                boolean in = false;
                for (GoldSpan s : d.spans()) in |= t.start() >= s.start() && t.end() <= s.end();
                (in ? inside : outside).merge(t.key(), 1, Integer::sum);
            }
            for (GoldSpan s : d.spans()) {
                recurring.computeIfAbsent(s.type(), k -> new HashMap<>()).merge(d.text().substring(s.start(), s.end()), 1, Integer::sum);
            }
        }
        recurring.forEach((type, counts) -> counts.forEach((name, n) -> {
            // Gold spans name a thing only when they recur and look like a name (a capital or a digit), or are a task.
            if (n >= 2 && (type == EntityType.TASK || !name.equals(name.toLowerCase()))) add(type, name);
        }));
        return write(out, outside, inside);
    }

    private void tasks(JsonArray tasks) {
        for (JsonValue tv : tasks) {
            JsonObject t = tv.getAsObject();
            add(EntityType.TASK, str(t, "task"));
            if (t.hasKey("synonyms")) for (JsonValue s : t.get("synonyms").getAsArray()) synonym(str(t, "task"), s.getAsString().value());
            if (t.hasKey("datasets")) for (JsonValue dv : t.get("datasets").getAsArray()) datasetObject(dv.getAsObject());
            if (t.hasKey("subtasks")) tasks(t.get("subtasks").getAsArray());
        }
    }

    private void synonym(String task, String synonym) {
        add(EntityType.TASK, task);
        add(EntityType.TASK, synonym);
        synonyms.add(new String[] {task, synonym});
    }

    private void datasetObject(JsonObject d) {
        dataset(str(d, "dataset"));
        if (d.hasKey("subdatasets")) for (JsonValue s : d.get("subdatasets").getAsArray()) datasetObject(s.getAsObject());
        if (!d.hasKey("sota")) return;
        JsonObject sota = d.get("sota").getAsObject();
        if (sota.hasKey("metrics")) for (JsonValue m : sota.get("metrics").getAsArray()) metric(m.getAsString().value());
        if (sota.hasKey("rows")) for (JsonValue rv : sota.get("rows").getAsArray()) {
            String model = str(rv.getAsObject(), "model_name");
            if (model != null) method(model);
        }
    }

    private void dataset(String name) {
        if (name == null) return;
        add(EntityType.DATASET, name);
        // "Urban100 - 4x upscaling", "COCO (val)": the name of the dataset itself comes first.
        add(EntityType.DATASET, PAREN.matcher(DASH_SUFFIX.matcher(name).replaceAll("")).replaceAll(""));
    }

    private void metric(String name) {
        String m = PAREN.matcher(name).replaceAll("").strip();
        if (m.matches(".*\\d+%.*") || m.equalsIgnoreCase("score")) return;
        add(EntityType.METRIC, name.strip());
        add(EntityType.METRIC, m);
    }

    private void method(String name) {
        String m = PAREN.matcher(name.strip()).replaceAll("").strip();
        if (m.startsWith("Unnamed") || m.contains(" + ") || m.contains(" w/") || m.split("\\s+").length > 4) return;
        if (m.equals(m.toLowerCase())) return;
        add(EntityType.METHOD, m);
    }

    /**
     * Heads that make a phrase a method, whatever list it came from: a "task" named "Word Level Models" or "Policy
     * Gradient Methods" is a kind of model, and as a task it would claim every "language model" (a PwC synonym).
     */
    static final java.util.Set<String> METHOD_HEADS = java.util.Set.of("model", "models", "network", "networks", "algorithm",
            "algorithms", "method", "methods", "architecture", "architectures");

    private void add(EntityType type, String name) {
        if (name == null) return;
        // "+ ELMo" (a table's "baseline + ELMo") names ELMo: a leading "+" is no part of a name.
        String n = name.strip().replaceAll("\\s+", " ").replaceFirst("^\\+\\s*", "");
        String key = Tokenizer.key(n);
        List<Token> toks = Tokenizer.tokens(n);
        if (key.length() < 2 || key.matches("\\d+") || toks.size() > MAX_NAME_TOKENS) return;
        if (type == EntityType.TASK && METHOD_HEADS.contains(toks.get(toks.size() - 1).lower())) return;
        names.get(type).computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(n, 1, Integer::sum);
    }

    private Map<EntityType, Integer> write(Path out, Map<String, Integer> outside, Map<String, Integer> inside) throws IOException {
        // A key that several types claim goes to the first of these: names in benchmark tables are most often
        // datasets and metrics; model names are the noisiest source.
        List<EntityType> priority = List.of(EntityType.DATASET, EntityType.METRIC, EntityType.TASK, EntityType.METHOD);
        Map<String, Map<String, Integer>> taskGroups = names.get(EntityType.TASK);
        for (String[] syn : synonyms) {
            String a = Tokenizer.key(syn[0]), b = Tokenizer.key(syn[1]);
            if (a.equals(b) || !taskGroups.containsKey(a) || !taskGroups.containsKey(b)) continue;
            // The synonym's spellings join the task's entry; a tiny count keeps the task's name canonical.
            taskGroups.get(b).forEach((name, n) -> taskGroups.get(a).merge(name, 0, Integer::sum));
            taskGroups.remove(b);
        }
        Map<String, EntityType> owner = new HashMap<>();
        for (EntityType t : priority) for (String k : names.get(t).keySet()) owner.putIfAbsent(k, t);
        Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
        Files.createDirectories(out.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("# papergraph lexicon: type TAB canonical TAB variants (|-separated) TAB flags. Generated by\n");
            if (data.researchData()) {
                w.write("# 'papergraph build-models' from names in ../shared/data (PwC CC BY-SA 4.0, NLP-TDMS Apache-2.0,\n");
                w.write("# ORKG CS-NER and SciERC train-split entity names). Do not edit by hand.\n");
            } else {
                w.write("# 'papergraph build-models --no-research-data' from names in ../shared/data (NLP-TDMS Apache-2.0,\n");
                w.write("# SciREX Apache-2.0 entity names). Do not edit by hand.\n");
            }
            for (EntityType t : priority) {
                TreeMap<String, Map<String, Integer>> sorted = new TreeMap<>(names.get(t));
                for (Map.Entry<String, Map<String, Integer>> e : sorted.entrySet()) {
                    String key = e.getKey();
                    if (owner.get(key) != t) continue;
                    if (isCommonWord(key, e.getValue(), outside, inside)) continue;
                    List<String> spellings = new ArrayList<>(e.getValue().keySet());
                    spellings.sort((a, b) -> {
                        int c = Integer.compare(e.getValue().get(b), e.getValue().get(a));
                        return c != 0 ? c : a.compareTo(b);
                    });
                    // The most frequent spelling, unless it has characters running text does not use and another does
                    // not: a table's "R*CNN" (another method, sharing R-CNN's key) must not name R-CNN.
                    String canonical = spellings.stream().filter(n -> PLAIN.matcher(n).matches()).findFirst().orElse(spellings.get(0));
                    spellings.remove(canonical);
                    spellings.add(0, canonical);
                    String variants = String.join("|", spellings.subList(1, spellings.size()));
                    String flags = t == EntityType.METRIC && lowerBetter(key, canonical) ? "lower" : "";
                    w.write(t.label() + "\t" + canonical.replace('|', '/') + "\t" + variants + "\t" + flags + "\n");
                    counts.merge(t, 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    /**
     * Lower is better when the metric's name says so ({@link Metrics#lowerIsBetter}, the one place results read the
     * direction from) or the NLP-TDMS knowledge base marks it so; the base's "higher" marks are not trusted over the
     * name (it gives "Error" as higher is better).
     */
    private boolean lowerBetter(String key, String canonical) {
        return Metrics.lowerIsBetter(canonical) || Boolean.TRUE.equals(lowerIsBetter.get(key));
    }

    /** Characters a name is written with in running text. */
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N} .,'’:&()+/-]+");

    /** One-word names that the gold train splits show mostly outside any entity are ordinary words. */
    private static boolean isCommonWord(String key, Map<String, Integer> spellings, Map<String, Integer> outside, Map<String, Integer> inside) {
        boolean oneWord = spellings.keySet().stream().allMatch(s -> Tokenizer.tokens(s).size() == 1);
        if (!oneWord) return false;
        int out = outside.getOrDefault(key, 0);
        int in = inside.getOrDefault(key, 0);
        return out >= 3 && out > 2 * in;
    }

    private static String str(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v != null && v.isString() ? v.getAsString().value() : null;
    }

    static Reader utf8(InputStream in) { return new InputStreamReader(in, StandardCharsets.UTF_8); }
}
