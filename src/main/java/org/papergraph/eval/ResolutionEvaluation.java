package org.papergraph.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.zip.GZIPInputStream;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.papergraph.vocab.EntityType;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.resolve.EntityResolver;

/**
 * Measures entity-merge rules on real name variants from Papers with Code: positive pairs are a task and each of
 * its synonyms (evaluation tables {@code synonyms}, {@code sota-extractor-tasks/synonyms.csv}); negative pairs are
 * two different tasks, or two different datasets (base names, e.g. "CIFAR-10" and "CIFAR-100"), compared only
 * within the same first letter of their key (the blocking the resolver would use). Merge precision = merged
 * positives / all merged pairs; recall = merged positives / positives.
 */
public final class ResolutionEvaluation {
    private final List<String[]> positives = new ArrayList<>();
    private int spellingPairs;
    private final List<String[]> negatives = new ArrayList<>();

    /** Reads the pairs from {@code shared}. */
    public ResolutionEvaluation(Path shared) throws IOException {
        Path pwc = shared.resolve("data/paperswithcode");
        Set<String> tasks = new TreeSet<>();
        Set<String> datasets = new TreeSet<>();
        models = new TreeSet<>();
        metricNames = new TreeSet<>();
        rawDatasets = new TreeSet<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(pwc.resolve("evaluation-tables-2020-09/evaluation_tables.json.gz")))) {
            walk(JSON.parseAny(in).getAsArray(), tasks, datasets);
        }
        for (String line : Files.readAllLines(pwc.resolve("sota-extractor-tasks/synonyms.csv"))) {
            String[] f = line.split("\",\"");
            if (f.length == 2) positives.add(new String[] {f[0].replace("\"", ""), f[1].replace("\"", "")});
        }
        // Spelling variants in the tables themselves ("CIFAR10" / "CIFAR-10", "ResNet 50" / "ResNet-50"): raw names of
        // one type that differ only in case, spaces or punctuation. Positive by the definition of a spelling variant.
        for (Set<String> names : List.of(tasks, datasets, models)) {
            Map<String, List<String>> byKey = new HashMap<>();
            for (String n : names) byKey.computeIfAbsent(Tokenizer.key(n), k -> new ArrayList<>()).add(n);
            for (List<String> v : byKey.values()) for (int i = 1; i < v.size(); i++) { positives.add(new String[] {v.get(0), v.get(i)}); spellingPairs++; }
        }
        scirexMentions(shared.resolve("data/scirex/train_docs"));
        pairsWithin(new ArrayList<>(tasks));
        pairsWithin(new ArrayList<>(datasets));
        // A synonym is not a different task: drop negatives that are in fact positives.
        Set<String> pos = new java.util.HashSet<>();
        for (String[] p : positives) { pos.add(Tokenizer.key(p[0]) + "|" + Tokenizer.key(p[1])); pos.add(Tokenizer.key(p[1]) + "|" + Tokenizer.key(p[0])); }
        negatives.removeIf(n -> pos.contains(Tokenizer.key(n[0]) + "|" + Tokenizer.key(n[1])));
    }

    private Set<String> models;
    private Set<String> metricNames;
    private Set<String> rawDatasets;
    /** Method and Material (dataset) spans as papers write them: SciREX train documents' mentions. */
    private final Set<String> mentionMethods = new TreeSet<>();
    private final Set<String> mentionMaterials = new TreeSet<>();

    private void scirexMentions(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        List<Path> files;
        try (var s = Files.list(dir)) { files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList(); }
        for (Path p : files) {
            com.fasterxml.jackson.databind.JsonNode d = json.readTree(p.toFile());
            List<String> w = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode t : d.path("words")) w.add(t.asText());
            for (com.fasterxml.jackson.databind.JsonNode span : d.path("ner")) {
                int from = span.get(0).asInt(), to = span.get(1).asInt();
                String type = span.get(2).asText();
                if (to - from > 4 || to > w.size()) continue;
                String name = ResultCorpora.detokenize(String.join(" ", w.subList(from, to)));
                if (name == null || name.equals(name.toLowerCase(java.util.Locale.ROOT))) continue;
                if (type.equals("Method")) mentionMethods.add(name);
                else if (type.equals("Material")) mentionMaterials.add(name);
            }
        }
    }

    private void walk(JsonArray arr, Set<String> tasks, Set<String> datasets) {
        for (JsonValue v : arr) {
            JsonObject t = v.getAsObject();
            String task = t.get("task").getAsString().value();
            tasks.add(task);
            if (t.hasKey("synonyms")) for (JsonValue s : t.get("synonyms").getAsArray()) positives.add(new String[] {task, s.getAsString().value()});
            if (t.hasKey("datasets")) for (JsonValue d : t.get("datasets").getAsArray()) {
                String name = d.getAsObject().get("dataset").getAsString().value();
                datasets.add(name.replaceAll("\\s+-\\s+.*$", "").replaceAll("\\s*[(\\[].*$", "").strip());
                rawDatasets.add(name.strip());
                JsonObject sota = d.getAsObject().get("sota").getAsObject();
                if (sota.hasKey("metrics")) for (JsonValue m : sota.get("metrics").getAsArray()) if (m.isString()) metricNames.add(m.getAsString().value().strip());
                for (JsonValue r : sota.get("rows").getAsArray()) {
                    JsonValue m = r.getAsObject().get("model_name");
                    if (m != null && m.isString()) models.add(m.getAsString().value().replaceAll("\\s*[(\\[].*$", "").strip());
                }
            }
            if (t.hasKey("subtasks")) walk(t.get("subtasks").getAsArray(), tasks, datasets);
        }
    }

    private void pairsWithin(List<String> names) {
        Map<Character, List<String>> blocks = new HashMap<>();
        Set<String> seenKeys = new LinkedHashSet<>();
        for (String n : names) {
            String k = Tokenizer.key(n);
            if (k.isEmpty() || !seenKeys.add(k)) continue;
            blocks.computeIfAbsent(k.charAt(0), c -> new ArrayList<>()).add(n);
        }
        for (List<String> b : blocks.values()) {
            for (int i = 0; i < b.size(); i++) for (int j = i + 1; j < b.size(); j++) negatives.add(new String[] {b.get(i), b.get(j)});
        }
    }

    /** Precision, recall and F1 of one merge rule. */
    public double[] score(BiPredicate<String, String> same) {
        int tp = 0, fp = 0;
        for (String[] p : positives) if (same.test(p[0], p[1])) tp++;
        for (String[] n : negatives) if (same.test(n[0], n[1])) fp++;
        double prec = tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        double rec = positives.isEmpty() ? 0 : (double) tp / positives.size();
        return new double[] {prec, rec, prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec), tp, fp};
    }

    /**
     * What the resolver's own rules ({@link EntityResolver#canonical}: plurals, written-out sizes, publisher prefixes,
     * short years, language pairs, metric spellings, on top of the key rule) merge among the distinct Papers with
     * Code names of one type: groups of names with different keys that resolve to one entity. Each group is a merge
     * to read: {@code out} gets the counts and every group (up to {@code limit} per type).
     */
    public void resolverMerges(EntityResolver resolver, int limit, PrintWriter out) {
        out.println("| type | PwC names | distinct keys | entities after the resolver | groups merged beyond the key rule |");
        out.println("|---|---|---|---|---|");
        Map<String, List<List<String>>> shown = new java.util.LinkedHashMap<>();
        for (Object[] t : new Object[][] {{"dataset", EntityType.DATASET, rawDatasets}, {"metric", EntityType.METRIC, metricNames},
                {"method (model names)", EntityType.METHOD, models}, {"method (SciREX mention surfaces)", EntityType.METHOD, mentionMethods},
                {"dataset (SciREX mention surfaces)", EntityType.DATASET, mentionMaterials}}) {
            @SuppressWarnings("unchecked") Set<String> names = (Set<String>) t[2];
            Map<String, Map<String, String>> groups = new java.util.TreeMap<>();
            Set<String> keys = new java.util.HashSet<>();
            for (String n : names) {
                String k = Tokenizer.key(n);
                if (k.isEmpty()) continue;
                keys.add(k);
                groups.computeIfAbsent(Tokenizer.key(resolver.canonical((EntityType) t[1], n)), g -> new java.util.TreeMap<>()).putIfAbsent(k, n);
            }
            List<List<String>> merged = new ArrayList<>();
            for (Map<String, String> g : groups.values()) if (g.size() > 1) merged.add(new ArrayList<>(g.values()));
            out.printf("| %s | %d | %d | %d | %d |%n", t[0], names.size(), keys.size(), groups.size(), merged.size());
            shown.put((String) t[0], merged);
        }
        for (Map.Entry<String, List<List<String>>> e : shown.entrySet()) {
            if (e.getValue().isEmpty()) continue;
            out.println();
            out.println(e.getKey() + ": " + e.getValue().stream().limit(limit).map(g -> String.join(" = ", g)).collect(java.util.stream.Collectors.joining("; ")));
        }
        out.flush();
    }

    /** Prints the rules and thresholds compared, as a Markdown table. */
    public void report(PrintWriter out) {
        out.printf("Pairs: %d positive (%d spelling variants of one task, dataset or model name in the PwC tables; %d task synonyms), "
                + "%d negative (different tasks or datasets, same first letter).%n%n", positives.size(), spellingPairs, positives.size() - spellingPairs, negatives.size());
        out.println("| rule | merged positives | merged negatives | merge precision | merge recall | F1 |");
        out.println("|---|---|---|---|---|---|");
        row(out, "same key (letters and digits, lower case)", (a, b) -> Tokenizer.key(a).equals(Tokenizer.key(b)));
        LevenshteinDistance lev = LevenshteinDistance.getDefaultInstance();
        for (int d = 1; d <= 3; d++) {
            int dd = d;
            row(out, "Levenshtein(keys) <= " + d, (a, b) -> lev.apply(Tokenizer.key(a), Tokenizer.key(b)) <= dd);
        }
        for (double t : new double[] {0.85, 0.88, 0.90, 0.92, 0.93, 0.95, 0.97}) {
            row(out, String.format("Jaro-Winkler(keys) >= %.2f, same digits", t), (a, b) -> EntityResolver.sameEntity(a, b, t));
        }
        out.flush();
    }

    private void row(PrintWriter out, String name, BiPredicate<String, String> rule) {
        double[] s = score(rule);
        out.printf("| %s | %d | %d | %.3f | %.3f | %.3f |%n", name, (int) s[3], (int) s[4], s[0], s[1], s[2]);
    }
}
