package org.papergraph.extract.tagger;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;

import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;

/**
 * Trains papergraph's {@link PosTagger} by distillation: OpenNLP's English part-of-speech model (Universal
 * Dependencies tags, Apache-2.0, a build-time dependency only) labels sentences split by papergraph's own
 * {@link Tokenizer}, and an averaged perceptron learns those labels from the window features of
 * {@link PosTagger#features}. Every third sentence is also shown title-cased with its original tags, so the model
 * learns titles ("Attention Is All You Need") from text whose capitals mean something. Fixed-seed shuffle: the same
 * sentences give the same model.
 */
public final class PosTrainer {
    private PosTrainer() {}

    /** Passes over the labelled sentences. */
    static final int EPOCHS = 5;
    /**
     * Features whose strongest averaged weight is below this are left out of the model: at 0.5 it had 70,937
     * features (1.5 MB) and agreed with OpenNLP on 0.947 of held-out tokens, at 4 it has 7,549 (0.2 MB) and agrees
     * on 0.941 (closed against open class: 0.987 both).
     */
    static final float MIN_WEIGHT = 4f;
    /** Features seen fewer times than this in the labelled text are not learned. */
    static final int MIN_COUNT = 3;

    /** One labelled sentence. */
    record Labelled(List<Token> tokens, byte[] tags, boolean title) {}

    /** Every this many-th SciREX sentence is labelled and learned (more costs build time and model size). */
    static final int SAMPLE = 3;

    /**
     * Builds the shipped model from the sentences of the SciREX papers ({@code data/scirex/train_docs}, Apache-2.0:
     * ML full texts like those papergraph reads), every {@link #SAMPLE}-th one, and writes it to {@code out}. Returns
     * a line for the build report.
     */
    public static String build(Path shared, Path out) throws IOException {
        List<org.papergraph.eval.GoldDoc> docs = org.papergraph.eval.GoldSets.scirex(shared.resolve("data/scirex/train_docs"),
                org.papergraph.eval.GoldSets.SCIREX);
        List<String> train = new ArrayList<>(), check = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            if (i % 100 == 1) check.add(docs.get(i).text());
            else if (i % SAMPLE == 0) train.add(docs.get(i).text());
        }
        List<Labelled> labelled = label(train);
        PosTagger model = train(labelled);
        try (OutputStream o = Files.newOutputStream(out)) { model.write(o); }
        List<Labelled> held = label(check);
        return String.format(Locale.ROOT, "%d sentences, %d features; agrees with OpenNLP on %.3f of held-out tokens", labelled.size(),
                model.size(), agreement(model, held));
    }

    /** Labels {@code sentences} with OpenNLP's UD model, one sentence per string. */
    public static List<Labelled> label(List<String> sentences) throws IOException {
        opennlp.tools.postag.POSTaggerME me = new opennlp.tools.postag.POSTaggerME(openNlpModel());
        List<Labelled> out = new ArrayList<>(sentences.size());
        for (String s : sentences) {
            List<Token> toks = Tokenizer.tokens(s);
            if (toks.isEmpty()) continue;
            String[] words = new String[toks.size()];
            for (int i = 0; i < words.length; i++) words[i] = toks.get(i).text();
            String[] tags = me.tag(words);
            byte[] b = new byte[tags.length];
            for (int i = 0; i < b.length; i++) b[i] = (byte) PosTagger.Pos.parse(tags[i]).ordinal();
            out.add(new Labelled(toks, b, false));
        }
        return out;
    }

    private static opennlp.tools.postag.POSModel openNlpModel() throws IOException {
        Properties p = new Properties();
        try (InputStream in = PosTrainer.class.getResourceAsStream("/model.properties")) {
            if (in == null) throw new IOException("OpenNLP's English POS model (opennlp-models-pos-en) is not on the class path");
            p.load(in);
        }
        String name = p.getProperty("model.name");
        try (InputStream in = PosTrainer.class.getResourceAsStream("/" + name)) {
            if (in == null) throw new IOException("OpenNLP model " + name + " is not on the class path");
            return new opennlp.tools.postag.POSModel(in);
        }
    }

    /** Words title case leaves in lower case (unless first). */
    private static final Set<String> SMALL = Set.of("a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to",
            "for", "by", "with", "from", "as", "via", "vs", "into", "per");

    /** {@code s} title-cased: each word capitalised except the small ones, the first always. Tags stay. */
    static Labelled titleCased(Labelled s) {
        List<Token> toks = new ArrayList<>(s.tokens().size());
        for (int i = 0; i < s.tokens().size(); i++) {
            Token t = s.tokens().get(i);
            String text = t.text();
            if (!text.isEmpty() && Character.isLowerCase(text.charAt(0)) && (i == 0 || !SMALL.contains(t.lower()))) {
                text = text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
            }
            toks.add(new Token(text, t.start(), t.end(), t.lower(), t.key()));
        }
        return new Labelled(toks, s.tags(), true);
    }

    /** Trains on labelled sentences (and title-cased copies of every third), {@link #EPOCHS} passes. */
    public static PosTagger train(List<Labelled> labelled) {
        List<Labelled> seqs = new ArrayList<>(labelled);
        for (int i = 0; i < labelled.size(); i += 3) seqs.add(titleCased(labelled.get(i)));
        int nt = PosTagger.NT;
        long[] f = new long[PosTagger.FEATURES];
        // Features seen too rarely are noise and bulk: count first.
        Map<Long, Integer> counts = new HashMap<>();
        for (Labelled s : seqs) {
            for (int i = 0; i < s.tokens().size(); i++) {
                PosTagger.features(s.tokens(), i, s.title(), f);
                for (long k : f) counts.merge(k, 1, Integer::sum);
            }
        }
        Map<Long, Integer> index = new HashMap<>();
        for (Map.Entry<Long, Integer> e : counts.entrySet()) if (e.getValue() >= MIN_COUNT) index.put(e.getKey(), index.size());
        counts = null;
        int nf = index.size();
        float[] w = new float[nf * nt];
        double[] total = new double[nf * nt];
        int[] stamp = new int[nf * nt];
        int[] at = new int[PosTagger.FEATURES];
        float[] scores = new float[nt];
        int step = 0;
        Random random = new Random(42);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(seqs, random);
            for (Labelled s : seqs) {
                for (int i = 0; i < s.tokens().size(); i++) {
                    step++;
                    PosTagger.features(s.tokens(), i, s.title(), f);
                    java.util.Arrays.fill(scores, 0f);
                    for (int j = 0; j < f.length; j++) {
                        Integer x = index.get(f[j]);
                        at[j] = x == null ? -1 : x;
                        if (x != null) for (int t = 0; t < nt; t++) scores[t] += w[x * nt + t];
                    }
                    int guess = 0;
                    for (int t = 1; t < nt; t++) if (scores[t] > scores[guess]) guess = t;
                    int truth = s.tags()[i];
                    if (guess == truth) continue;
                    for (int a : at) {
                        if (a < 0) continue;
                        update(w, total, stamp, a * nt + truth, 1f, step);
                        update(w, total, stamp, a * nt + guess, -1f, step);
                    }
                }
            }
        }
        // Averaged weights, the weak ones left out, quantised to 16 bits.
        List<Long> keys = new ArrayList<>(index.keySet());
        Collections.sort(keys);
        float max = 1e-6f;
        List<float[]> kept = new ArrayList<>();
        List<Long> keptKeys = new ArrayList<>();
        for (long k : keys) {
            int x = index.get(k);
            float[] avg = new float[nt];
            float strongest = 0;
            for (int t = 0; t < nt; t++) {
                int c = x * nt + t;
                avg[t] = (float) ((total[c] + (double) (step - stamp[c]) * w[c]) / step);
                strongest = Math.max(strongest, Math.abs(avg[t]));
            }
            if (strongest < MIN_WEIGHT) continue;
            max = Math.max(max, strongest);
            kept.add(avg);
            keptKeys.add(k);
        }
        float scale = 32767f / max;
        long[] outKeys = new long[kept.size()];
        short[][] q = new short[kept.size()][nt];
        for (int i = 0; i < kept.size(); i++) {
            outKeys[i] = keptKeys.get(i);
            for (int t = 0; t < nt; t++) q[i][t] = (short) Math.round(kept.get(i)[t] * scale);
        }
        Map<String, int[]> byWord = new HashMap<>();
        for (Labelled s : labelled) {
            for (int i = 0; i < s.tokens().size(); i++) byWord.computeIfAbsent(s.tokens().get(i).lower(), k -> new int[nt])[s.tags()[i]]++;
        }
        return new PosTagger(scale, outKeys, q, known(byWord), finiteVerbs(byWord), closedWords(byWord));
    }

    /** A word seen at least this often ... */
    static final int KNOWN_COUNT = 20;
    /** ... with one tag at least this share of the time is answered by that tag alone. */
    static final double KNOWN_SHARE = 0.97;

    private static Map<String, PosTagger.Pos> known(Map<String, int[]> byWord) {
        Map<String, PosTagger.Pos> out = new HashMap<>();
        byWord.forEach((word, c) -> {
            int all = 0, best = 0;
            for (int t = 0; t < c.length; t++) {
                all += c[t];
                if (c[t] > c[best]) best = t;
            }
            if (all >= KNOWN_COUNT && c[best] >= KNOWN_SHARE * all) out.put(word, PosTagger.Pos.values()[best]);
        });
        return out;
    }

    /**
     * Words in -s (four letters or more) that are verbs (VERB or AUX) in at least half of their three or more
     * occurrences, or whose stem is ("outperforms": the labels call it a noun 71 times in 147, "outperform" is a verb
     * nearly always), unless the word is a noun in most of ten or more occurrences ("calls", "runs"). A stem is the
     * word less "s" or "es", or with "ies" made "y".
     */
    static java.util.Set<String> finiteVerbs(Map<String, int[]> byWord) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : byWord.keySet()) {
            if (w.length() < 4 || !w.endsWith("s") || w.endsWith("ss") || !w.chars().allMatch(Character::isLetter)) continue;
            boolean verb = verbal(byWord.get(w));
            List<String> stems = new ArrayList<>(List.of(w.substring(0, w.length() - 1)));
            if (w.endsWith("es")) stems.add(w.substring(0, w.length() - 2));
            if (w.endsWith("ies")) stems.add(w.substring(0, w.length() - 3) + "y");
            for (String stem : stems) verb |= verbal(byWord.get(stem));
            // ... unless the word itself is mostly a noun ("calls", "runs", "scales").
            int[] c = byWord.get(w);
            int all = 0;
            for (int x : c) all += x;
            boolean noun = all >= 10 && c[PosTagger.Pos.NOUN.ordinal()] * 2 > all;
            if (verb && !noun) out.add(w);
        }
        return out;
    }

    /** Words tagged closed-class (punctuation aside) in at least a third of their three or more occurrences. */
    static java.util.Set<String> closedWords(Map<String, int[]> byWord) {
        java.util.Set<String> out = new java.util.HashSet<>();
        byWord.forEach((w, c) -> {
            int all = 0, closed = 0;
            for (int t = 0; t < c.length; t++) {
                all += c[t];
                if (PosTagger.CLOSED[t] && t != PosTagger.Pos.PUNCT.ordinal()) closed += c[t];
            }
            if (all >= 3 && closed * 3 >= all) out.add(w);
        });
        return out;
    }

    private static boolean verbal(int[] c) {
        if (c == null) return false;
        int all = 0;
        for (int x : c) all += x;
        int verb = c[PosTagger.Pos.VERB.ordinal()] + c[PosTagger.Pos.AUX.ordinal()];
        return all >= 3 && verb * 2 >= all;
    }

    private static void update(float[] w, double[] total, int[] stamp, int c, float delta, int step) {
        total[c] += (double) (step - stamp[c]) * w[c];
        stamp[c] = step;
        w[c] += delta;
    }

    /** Share of tokens of {@code test} on which {@code model} agrees with the labels. */
    public static double agreement(PosTagger model, List<Labelled> test) {
        long same = 0, all = 0;
        for (Labelled s : test) {
            for (int i = 0; i < s.tokens().size(); i++) {
                all++;
                if (model.tag(s.tokens(), i, s.title()).ordinal() == s.tags()[i]) same++;
            }
        }
        return all == 0 ? 0 : (double) same / all;
    }
}
