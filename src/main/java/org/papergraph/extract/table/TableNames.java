package org.papergraph.extract.table;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.papergraph.extract.Metrics;
import org.papergraph.vocab.EntityType;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.text.Tokenizer;

/**
 * The dataset, metric and task names tables are read against: the names of the shipped lexicon plus the
 * leaderboard names learned from the SOTA? train annotations ({@code table-names.tsv}, built by
 * {@link TableNamesBuilder}; CC BY-SA 4.0), with the papers each name is used in and, per dataset, the tasks its
 * leaderboards belong to. Immutable; loaded once ({@link #shipped()}); thread-safe.
 */
public final class TableNames {
    /** Resource path of the names shipped in the jar. */
    public static final String RESOURCE = "/extract/table-names.tsv";
    public static final String FILE = "table-names.tsv";

    /** A task a dataset's leaderboards belong to, with the number of papers that say so. */
    public record TaskUse(String task, int papers) {}

    private final Lexicon names;
    private final Map<EntityType, Map<String, Integer>> papers;
    private final Map<String, List<TaskUse>> tasksOfDataset;

    private TableNames(Lexicon names, Map<EntityType, Map<String, Integer>> papers, Map<String, List<TaskUse>> tasks) {
        this.names = names;
        this.papers = papers;
        this.tasksOfDataset = tasks;
    }

    private static volatile TableNames shipped;

    /** The names in the jar together with the shipped lexicon's, loaded on first use. */
    public static TableNames shipped() {
        TableNames t = shipped;
        if (t == null) {
            synchronized (TableNames.class) {
                if (shipped == null) {
                    try (InputStream in = TableNames.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) throw new IllegalStateException("missing resource " + RESOURCE + " (run papergraph build-models)");
                        shipped = read(in, Lexicon.shipped());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                t = shipped;
            }
        }
        return t;
    }

    /**
     * Reads a names file and merges it with the dataset, metric and task entries of {@code lexicon}: a name the
     * lexicon knows keeps the lexicon's canonical form and variants.
     */
    public static TableNames read(InputStream in, Lexicon lexicon) throws IOException {
        Map<EntityType, Map<String, Integer>> papers = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) papers.put(t, new HashMap<>());
        Map<EntityType, Map<String, Map<String, Integer>>> spellings = new EnumMap<>(EntityType.class);
        Map<String, List<TaskUse>> tasks = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            if (f[0].equals("dataset-task") && f.length >= 4) {
                tasks.computeIfAbsent(Tokenizer.key(f[1]), k -> new ArrayList<>()).add(new TaskUse(f[2], Integer.parseInt(f[3])));
                continue;
            }
            if (f.length < 3) continue;
            EntityType type = EntityType.parse(f[0]);
            int n = Integer.parseInt(f[2]);
            String key = Tokenizer.key(f[1]);
            if (key.isEmpty()) continue;
            papers.get(type).merge(key, n, Integer::sum);
            spellings.computeIfAbsent(type, k -> new HashMap<>()).computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(f[1], n, Integer::sum);
        }
        for (List<TaskUse> l : tasks.values()) l.sort(Comparator.comparingInt(TaskUse::papers).reversed().thenComparing(TaskUse::task));
        List<Lexicon.Entry> entries = new ArrayList<>();
        for (Lexicon.Entry e : lexicon.entries()) {
            if (e.type() == EntityType.DATASET || e.type() == EntityType.METRIC || e.type() == EntityType.TASK) entries.add(e);
        }
        spellings.forEach((type, byKey) -> byKey.forEach((key, forms) -> {
            String canonical = forms.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue()
                    .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow().getKey();
            List<String> variants = new ArrayList<>(forms.keySet());
            variants.remove(canonical);
            entries.add(new Lexicon.Entry(type, canonical, variants,
                    type == EntityType.METRIC && Metrics.lowerIsBetter(canonical)));
        }));
        return new TableNames(Lexicon.of(entries), papers, tasks);
    }

    /** Every known name, for matching inside captions and sentences ({@link Lexicon#match}). */
    public Lexicon lexicon() { return names; }

    /** The known entry of {@code type} whose key is {@code name}'s, or null. */
    public Lexicon.Entry lookup(String name, EntityType type) {
        Lexicon.Entry e = names.lookup(name);
        return e != null && e.type() == type ? e : null;
    }

    /** In how many train papers' leaderboards the name of {@code type} with {@code name}'s key is used; 0 when none. */
    public int papers(EntityType type, String name) { return papers.get(type).getOrDefault(Tokenizer.key(name), 0); }

    /** The tasks leaderboards of this dataset belong to, most used first; empty when unknown. */
    public List<TaskUse> tasksOf(String dataset) { return tasksOfDataset.getOrDefault(Tokenizer.key(dataset), List.of()); }

    /** A metric's base form: "Accuracy (%)" → "Accuracy", "Top-1 Acc. ↑" → "Top-1 Acc."; used for lookups. */
    static String base(String name) {
        String b = UNIT.matcher(name).replaceAll("").strip();
        return b.isEmpty() ? name.strip() : b;
    }

    private static final Pattern UNIT = Pattern.compile("\\s*(?:\\((?:%|in %|mm|cm|m|ms|s|sec|dB|px|pixels?|#|x|↑|↓)\\)|\\[(?:%|mm|cm|ms|s|dB)\\]|[↑↓⇑⇓]|\\(\\s*(?:higher|lower) is better\\s*\\)|%)\\s*");
}
