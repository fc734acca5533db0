package org.papergraph.extract;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.papergraph.eval.GoldDoc;
import org.papergraph.eval.GoldSpan;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;

/**
 * Where names start, end and never reach, by the gold spans of annotated train text: for each word, how often it is
 * inside a gold entity span, how often it is the span's last word, and how often it occurs outside every span.
 * Three kinds of word come out:
 * <ul>
 *   <li><b>not an end</b> ({@code e}): inside names, but almost never last: "neural" ends 3 of 3,563 names,
 *       "adversarial" 0 of 526, "of" 19 of 2,895, "deep" 11 of 1,906. A span ending in one is a fragment
 *       ("Deep Convolutional Neural"), to be completed or dropped;</li>
 *   <li><b>no part of a name</b> ({@code b}): common words almost never inside one ("is" 51 times inside, 23,627
 *       outside; "using" 30 and 6,459; "can"): a span reaching one stops before it ("LLaMA is").</li>
 * </ul>
 * Statistics from the train splits only ({@link #build}); shipped as {@code /extract/span-edges.tsv}. Immutable.
 */
public final class SpanEdges {
    public static final String FILE = "span-edges.tsv";
    /** A word must be inside names this often to be judged as an end ... */
    static final int MIN_INSIDE = 10;
    /** ... and is no end when it is last in fewer than this share of them. */
    static final double END_SHARE = 0.04;
    /** A word seen this often outside names ... */
    static final int MIN_OUTSIDE = 50;
    /** ... is no part of one when fewer than this share of its occurrences are inside names. */
    static final double INSIDE_SHARE = 0.02;

    /** A verb in -ing seen this often in annotated prose ... */
    static final int MIN_VERB = 20;
    /** ... starts no name when fewer than this share of its occurrences start one. */
    static final double VERB_START_SHARE = 0.1;

    /** A head seen this often in names of two or more words ... */
    static final int MIN_HEAD = 20;
    /** ... names a type less than this share of the time ... */
    static final double HEAD_RARE = 0.1;
    /** ... and another type at least this share of the time: a span of the rare type with that head is the other. */
    static final double HEAD_USUAL = 0.6;

    private final Map<String, Character> kind;
    private final java.util.Set<String> actions;
    private final Map<String, int[]> heads;
    /** Last parts of hyphenated words: true when a word ending in that part is no end of a name ("-based"). */
    private final Map<String, Boolean> suffixes;

    private SpanEdges(Map<String, Character> kind, java.util.Set<String> actions, Map<String, int[]> heads, Map<String, Boolean> suffixes) {
        this.kind = kind;
        this.actions = actions;
        this.heads = heads;
        this.suffixes = suffixes;
    }

    /** The key the participles among hyphenated words' last parts are counted under ("spatially-gated", "UNet-shaped"). */
    static final String PARTICIPLE = "*ed";

    private static final class Holder {
        static final SpanEdges SHIPPED = load();

        private static SpanEdges load() {
            try (InputStream in = SpanEdges.class.getResourceAsStream("/extract/" + FILE)) {
                if (in == null) throw new IllegalStateException("missing resource /extract/" + FILE);
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The statistics shipped in the jar, loaded on first use. */
    public static SpanEdges shipped() { return Holder.SHIPPED; }

    static SpanEdges read(InputStream in) throws IOException {
        Map<String, Character> kind = new HashMap<>();
        java.util.Set<String> actions = new java.util.HashSet<>();
        Map<String, int[]> heads = new HashMap<>();
        Map<String, Boolean> suffixes = new HashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            if (f[1].charAt(0) == 'v') actions.add(f[0]);
            else if (f[1].charAt(0) == 's' || f[1].charAt(0) == 'n') suffixes.put(f[0], f[1].charAt(0) == 's');
            else if (f[1].charAt(0) == 'h') {
                int[] n = new int[TYPES.length];
                for (int i = 0; i < n.length; i++) n[i] = Integer.parseInt(f[2 + i]);
                heads.put(f[0], n);
            } else kind.put(f[0], f[1].charAt(0));
        }
        return new SpanEdges(Map.copyOf(kind), java.util.Set.copyOf(actions), Map.copyOf(heads), Map.copyOf(suffixes));
    }

    /**
     * True when a name almost never ends in {@code lower} (a lower-cased token). A hyphenated word the statistics do
     * not know is judged by its last part: words ending in "-based" end 46 of 2,449 names they are in, "-specific" 0
     * of 182, and those whose last part is a participle ("spatially-gated", "UNet-shaped") 91 of 4,265: modifiers of
     * the noun after them, not names.
     */
    public boolean notAnEnd(String lower) { return notAnEnd(lower, lower); }

    /**
     * As {@link #notAnEnd(String)} for the token {@code t}: a last part written in capitals or digits is part of a
     * name ("UNIBA-CORE", "GPT-4"), whatever its letters.
     */
    public boolean notAnEnd(Token t) { return notAnEnd(t.text(), t.lower()); }

    private boolean notAnEnd(String text, String lower) {
        Character k = kind.get(lower);
        if (k != null) return k == 'e';
        int d = lower.lastIndexOf('-');
        if (d <= 0 || d == lower.length() - 1 || suffixes.isEmpty()) return false;
        boolean written = false;
        for (int i = d + 1; i < text.length() && !written; i++) written = Character.isLowerCase(text.charAt(i));
        if (!written) return false;
        String part = lower.substring(d + 1);
        Boolean s = suffixes.get(part);
        if (s != null) return s;
        return part.endsWith("ed") && suffixes.getOrDefault(PARTICIPLE, false);
    }

    /** True when {@code lower} is almost never inside a name. */
    public boolean noPart(String lower) {
        Character k = kind.get(lower);
        return k != null && k == 'b';
    }

    /**
     * True when {@code lower} is a verb in -ing that annotated prose almost never starts a name with: "adding" starts
     * none of its 270 occurrences, "exploiting" none of 79, while "denoising" starts 92 of 200, "training" 1,080 of
     * 6,231 ("training data"). A span starting with one is an act and its object ("Adding Gradient Noise").
     */
    public boolean action(String lower) { return actions.contains(lower); }

    /** The types head statistics count, in their columns' order. */
    private static final org.papergraph.vocab.EntityType[] TYPES = {org.papergraph.vocab.EntityType.METHOD,
            org.papergraph.vocab.EntityType.DATASET, org.papergraph.vocab.EntityType.TASK, org.papergraph.vocab.EntityType.METRIC};

    /**
     * The head word of the name [a, b) of {@code toks}: the word before its first "of" or "for" ("Comprehension of
     * Text"), else its last word; of a hyphenated head its last part ("De-identification": "identification").
     * Lower case; null when the head is no word (digits, a symbol).
     */
    static String head(List<Token> toks, int a, int b) {
        int h = b - 1;
        for (int i = a + 1; i < b - 1; i++) {
            String w = toks.get(i).lower();
            if (w.equals("of") || w.equals("for")) {
                h = i - 1;
                break;
            }
        }
        String w = toks.get(h).lower();
        int d = w.lastIndexOf('-');
        if (d >= 0 && d < w.length() - 1) w = w.substring(d + 1);
        for (int i = 0; i < w.length(); i++) if (!Character.isLetter(w.charAt(i))) return null;
        return w.length() < 3 ? null : w;
    }

    /**
     * The type names of two or more words with this head almost always have when the annotated text almost never
     * gives them {@code type}: "ranking models" is a method, not a task ("models" heads 2,265 methods and 71 tasks);
     * "claim verification" a task, not a method. Null when the head says nothing against {@code type}.
     */
    public org.papergraph.vocab.EntityType usualType(String head, org.papergraph.vocab.EntityType type) {
        if (head == null) return null;
        int[] n = heads.get(head);
        if (n == null) return null;
        int all = 0, best = 0, mine = 0;
        for (int i = 0; i < n.length; i++) {
            all += n[i];
            if (n[i] > n[best]) best = i;
            if (TYPES[i] == type) mine = n[i];
        }
        if (all < MIN_HEAD || mine >= HEAD_RARE * all || n[best] < HEAD_USUAL * all) return null;
        return TYPES[best];
    }

    /** As {@link #build(List, List, Path)} without prose: no verb statistics. */
    public static int build(List<GoldDoc> docs, Path out) throws IOException { return build(docs, List.of(), out); }

    /**
     * Counts words inside, last in and outside the gold spans of {@code docs} and writes the words a rule uses, with
     * their counts ({@code word TAB kind TAB inside TAB last TAB outside}); then the words in -ing of {@code prose}
     * (annotated abstracts and papers, whose names leave the verb of an act out, unlike paper titles') that start
     * fewer than {@link #VERB_START_SHARE} of their occurrences' names ({@code word TAB v TAB starts TAB 0 TAB
     * occurrences}). Returns the number of rows.
     */
    public static int build(List<GoldDoc> docs, List<GoldDoc> prose, Path out) throws IOException {
        Map<String, int[]> counts = new TreeMap<>();
        for (GoldDoc d : docs) {
            List<Token> toks = Tokenizer.tokens(d.text());
            boolean[] in = new boolean[toks.size()];
            for (GoldSpan s : d.spans()) {
                int last = -1;
                for (int i = 0; i < toks.size(); i++) {
                    Token t = toks.get(i);
                    if (t.start() >= s.start() && t.end() <= s.end()) {
                        if (!in[i]) counts.computeIfAbsent(t.lower(), k -> new int[3])[0]++;
                        in[i] = true;
                        last = i;
                    }
                }
                if (last >= 0) counts.get(toks.get(last).lower())[1]++;
            }
            for (int i = 0; i < toks.size(); i++) if (!in[i]) counts.computeIfAbsent(toks.get(i).lower(), k -> new int[3])[2]++;
        }
        // Hyphenated words by their last part ("-based"), and those whose last part is a participle, as one class.
        Map<String, int[]> parts = new TreeMap<>();
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            String w = e.getKey();
            int d = w.lastIndexOf('-');
            if (d <= 0 || d == w.length() - 1 || !Character.isLetter(w.charAt(d + 1))) continue;
            String part = w.substring(d + 1);
            for (String key : part.endsWith("ed") ? List.of(part, PARTICIPLE) : List.of(part)) {
                int[] n = parts.computeIfAbsent(key, k -> new int[3]);
                for (int i = 0; i < 3; i++) n[i] += e.getValue()[i];
            }
        }
        int rows = 0;
        Files.createDirectories(out.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("# papergraph span edges: word TAB kind (e: not the end of a name, b: no part of a name, k: an end though its\n");
            w.write("# hyphenated last part is not) TAB times inside a\n");
            w.write("# gold entity span TAB times its last word TAB times outside every span, over the train splits; v: a verb in -ing\n");
            w.write("# that starts no name, TAB times it starts one TAB 0 TAB times seen, over the annotated abstracts and papers;\n");
            w.write("# h: the head of names of two or more words, TAB times it heads a method, dataset, task, metric; s (n): the last part\n");
            w.write("# of hyphenated words (*ed: every participle) that ends (n: often enough) no name, TAB inside TAB last TAB outside.\n");
            w.write("# Generated by 'papergraph build-models'. Do not edit by hand.\n");
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                int inside = e.getValue()[0], last = e.getValue()[1], outside = e.getValue()[2];
                char kind;
                if (outside >= MIN_OUTSIDE && inside < INSIDE_SHARE * (inside + outside)) kind = 'b';
                else if (inside >= MIN_INSIDE && last < END_SHARE * inside) kind = 'e';
                // A hyphenated word that ends names often enough, though its last part says otherwise ("one-shot"
                // ... ): its own counts win.
                else if (inside >= MIN_INSIDE && suffixFragment(parts, e.getKey())) kind = 'k';
                else continue;
                if (e.getKey().indexOf('\t') >= 0) continue;
                w.write(e.getKey() + "\t" + kind + "\t" + inside + "\t" + last + "\t" + outside + "\n");
                rows++;
            }
            for (Map.Entry<String, int[]> e : parts.entrySet()) {
                int inside = e.getValue()[0], last = e.getValue()[1], outside = e.getValue()[2];
                if (inside < MIN_INSIDE || e.getKey().indexOf('\t') >= 0) continue;
                w.write(e.getKey() + "\t" + (last < END_SHARE * inside ? 's' : 'n') + "\t" + inside + "\t" + last + "\t" + outside + "\n");
                rows++;
            }
            for (Map.Entry<String, int[]> e : heads(docs).entrySet()) {
                int[] n = e.getValue();
                if (n[0] + n[1] + n[2] + n[3] < MIN_HEAD || e.getKey().indexOf('\t') >= 0) continue;
                w.write(e.getKey() + "\th\t" + n[0] + "\t" + n[1] + "\t" + n[2] + "\t" + n[3] + "\n");
                rows++;
            }
            for (Map.Entry<String, int[]> e : verbStarts(prose).entrySet()) {
                int starts = e.getValue()[0], seen = e.getValue()[1];
                if (seen < MIN_VERB || starts >= VERB_START_SHARE * seen || e.getKey().indexOf('\t') >= 0) continue;
                w.write(e.getKey() + "\tv\t" + starts + "\t0\t" + seen + "\n");
                rows++;
            }
        }
        return rows;
    }

    /** True when the last part of the hyphenated word {@code w} makes it no end of a name by {@code parts}' counts. */
    private static boolean suffixFragment(Map<String, int[]> parts, String w) {
        int d = w.lastIndexOf('-');
        if (d <= 0 || d == w.length() - 1) return false;
        String part = w.substring(d + 1);
        int[] n = parts.get(part);
        if (n == null || n[0] < MIN_INSIDE) {
            n = part.endsWith("ed") ? parts.get(PARTICIPLE) : null;
            if (n == null || n[0] < MIN_INSIDE) return false;
        }
        return n[1] < END_SHARE * n[0];
    }

    /** Per head word ({@link #head}) of the gold spans of two or more words of {@code docs}: how often it heads each type. */
    private static Map<String, int[]> heads(List<GoldDoc> docs) {
        Map<String, int[]> counts = new TreeMap<>();
        for (GoldDoc d : docs) {
            List<Token> toks = Tokenizer.tokens(d.text());
            for (GoldSpan s : d.spans()) {
                int a = -1, b = -1;
                for (int i = 0; i < toks.size(); i++) {
                    if (toks.get(i).start() >= s.start() && toks.get(i).end() <= s.end()) {
                        if (a < 0) a = i;
                        b = i + 1;
                    }
                }
                if (a < 0 || b - a < 2) continue;
                String h = head(toks, a, b);
                if (h == null) continue;
                for (int t = 0; t < TYPES.length; t++) if (TYPES[t] == s.type()) counts.computeIfAbsent(h, k -> new int[TYPES.length])[t]++;
            }
        }
        return counts;
    }

    /** Per lower-case word in -ing of {@code docs}: how often it starts a gold span, and how often it occurs. */
    private static Map<String, int[]> verbStarts(List<GoldDoc> docs) {
        Map<String, int[]> counts = new TreeMap<>();
        for (GoldDoc d : docs) {
            List<Token> toks = Tokenizer.tokens(d.text());
            for (Token t : toks) if (t.lower().endsWith("ing")) counts.computeIfAbsent(t.lower(), k -> new int[2])[1]++;
            for (GoldSpan s : d.spans()) {
                for (Token t : toks) {
                    if (t.start() < s.start() || t.end() > s.end()) continue;
                    if (t.lower().endsWith("ing")) counts.get(t.lower())[0]++;
                    break;
                }
            }
        }
        return counts;
    }
}
