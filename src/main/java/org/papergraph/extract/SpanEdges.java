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

    private final Map<String, Character> kind;

    private SpanEdges(Map<String, Character> kind) { this.kind = kind; }

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
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t");
            kind.put(f[0], f[1].charAt(0));
        }
        return new SpanEdges(Map.copyOf(kind));
    }

    /** True when a name almost never ends in {@code lower} (a lower-cased token). */
    public boolean notAnEnd(String lower) {
        Character k = kind.get(lower);
        return k != null && k == 'e';
    }

    /** True when {@code lower} is almost never inside a name. */
    public boolean noPart(String lower) {
        Character k = kind.get(lower);
        return k != null && k == 'b';
    }

    /**
     * Counts words inside, last in and outside the gold spans of {@code docs} and writes the words a rule uses, with
     * their counts ({@code word TAB kind TAB inside TAB last TAB outside}). Returns the number of rows.
     */
    public static int build(List<GoldDoc> docs, Path out) throws IOException {
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
        int rows = 0;
        Files.createDirectories(out.getParent());
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("# papergraph span edges: word TAB kind (e: not the end of a name, b: no part of a name) TAB times inside a\n");
            w.write("# gold entity span TAB times its last word TAB times outside every span, over the train splits.\n");
            w.write("# Generated by 'papergraph build-models'. Do not edit by hand.\n");
            for (Map.Entry<String, int[]> e : counts.entrySet()) {
                int inside = e.getValue()[0], last = e.getValue()[1], outside = e.getValue()[2];
                char kind;
                if (outside >= MIN_OUTSIDE && inside < INSIDE_SHARE * (inside + outside)) kind = 'b';
                else if (inside >= MIN_INSIDE && last < END_SHARE * inside) kind = 'e';
                else continue;
                if (e.getKey().indexOf('\t') >= 0) continue;
                w.write(e.getKey() + "\t" + kind + "\t" + inside + "\t" + last + "\t" + outside + "\n");
                rows++;
            }
        }
        return rows;
    }
}
