package org.papergraph.extract.tagger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

import org.papergraph.eval.GoldDoc;
import org.papergraph.eval.GoldSpan;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.text.Sentences;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;

/**
 * Trains a {@link PerceptronTagger} on gold documents: the gold spans are projected onto papergraph's own tokens
 * (the tokens tagging will see), then an averaged perceptron runs for a fixed number of epochs over a fixed-seed
 * shuffle, so the same data gives the same model.
 */
public final class TaggerTrainer {
    private TaggerTrainer() {}

    /** One training sequence: tokens, gold tag ids and lexicon tags. */
    record Sequence(List<Token> tokens, int[] gold, String[] lexicon) {}

    /**
     * Trains on {@code docs}. With {@code bySentence}, each document is split into sentences (abstracts); otherwise
     * a document is one sequence (titles).
     */
    public static PerceptronTagger train(List<GoldDoc> docs, Lexicon lexicon, boolean bySentence, int epochs) {
        return train(docs, lexicon, bySentence, epochs, PerceptronTagger.MIN_WEIGHT);
    }

    /**
     * As {@link #train(List, Lexicon, boolean, int)}, leaving out of the model the features whose largest weight is
     * below {@code minWeight} (a larger training set makes more features, and a larger table is slower to probe).
     */
    public static PerceptronTagger train(List<GoldDoc> docs, Lexicon lexicon, boolean bySentence, int epochs, float minWeight) {
        TreeSet<String> tagSet = new TreeSet<>();
        for (GoldDoc d : docs) for (GoldSpan s : d.spans()) {
            tagSet.add("B-" + s.type().name());
            tagSet.add("I-" + s.type().name());
        }
        List<String> tagList = new ArrayList<>();
        tagList.add("O");
        tagList.addAll(tagSet);
        Map<String, Integer> tagIds = new HashMap<>();
        for (int i = 0; i < tagList.size(); i++) tagIds.put(tagList.get(i), i);

        List<Sequence> seqs = new ArrayList<>();
        for (GoldDoc d : docs) {
            List<int[]> ranges = bySentence ? Sentences.split(d.text()) : List.of(new int[] {0, d.text().length()});
            for (int[] r : ranges) {
                List<Token> toks = Tokenizer.tokens(d.text(), r[0], r[1]);
                if (toks.isEmpty()) continue;
                int[] gold = new int[toks.size()];
                for (GoldSpan s : d.spans()) {
                    boolean first = true;
                    for (int i = 0; i < toks.size(); i++) {
                        Token t = toks.get(i);
                        if (t.start() >= s.start() && t.end() <= s.end()) {
                            gold[i] = tagIds.get((first ? "B-" : "I-") + s.type().name());
                            first = false;
                        }
                    }
                }
                seqs.add(new Sequence(toks, gold, lexiconTags(lexicon, toks)));
            }
        }

        int nt = tagList.size();
        Map<Long, float[]> w = new HashMap<>();
        Map<Long, double[]> total = new HashMap<>();
        Map<Long, int[]> stamp = new HashMap<>();
        PerceptronTagger scratch = new PerceptronTagger(tagList.toArray(String[]::new), new long[0], new float[0][]);
        long[] feats = new long[Features.MAX];
        float[] scores = new float[nt];
        int step = 0;
        Random random = new Random(42);
        for (int epoch = 0; epoch < epochs; epoch++) {
            Collections.shuffle(seqs, random);
            for (Sequence s : seqs) {
                Features.Context c = Features.context(s.tokens(), s.lexicon());
                int prev = -1, prev2 = -1;
                for (int i = 0; i < s.tokens().size(); i++) {
                    step++;
                    int k = Features.of(c, i, prev, prev2, feats);
                    java.util.Arrays.fill(scores, 0f);
                    for (int f = 0; f < k; f++) {
                        float[] fw = w.get(feats[f]);
                        if (fw != null) for (int t = 0; t < nt; t++) scores[t] += fw[t];
                    }
                    int guess = -1;
                    for (int t = 0; t < nt; t++) {
                        if (!scratch.allowed(prev, t)) continue;
                        if (guess < 0 || scores[t] > scores[guess]) guess = t;
                    }
                    int truth = s.gold()[i];
                    if (guess != truth) {
                        for (int f = 0; f < k; f++) {
                            update(w, total, stamp, feats[f], truth, 1f, step, nt);
                            update(w, total, stamp, feats[f], guess, -1f, step, nt);
                        }
                    }
                    prev2 = prev;
                    // History features see the tagger's own guesses, as they will at tagging time.
                    prev = guess;
                }
            }
        }
        long[] keys = new long[w.size()];
        float[][] avg = new float[w.size()][];
        int f = 0;
        for (Map.Entry<Long, float[]> e : w.entrySet()) {
            float[] cur = e.getValue();
            double[] tot = total.get(e.getKey());
            int[] st = stamp.get(e.getKey());
            float[] a = new float[nt];
            for (int t = 0; t < nt; t++) a[t] = (float) ((tot[t] + (double) (step - st[t]) * cur[t]) / step);
            keys[f] = e.getKey();
            avg[f++] = a;
        }
        return new PerceptronTagger(tagList.toArray(String[]::new), keys, avg, minWeight);
    }

    private static void update(Map<Long, float[]> w, Map<Long, double[]> total, Map<Long, int[]> stamp,
                               long key, int tag, float delta, int step, int nt) {
        float[] cur = w.computeIfAbsent(key, k -> new float[nt]);
        double[] tot = total.computeIfAbsent(key, k -> new double[nt]);
        int[] st = stamp.computeIfAbsent(key, k -> new int[nt]);
        tot[tag] += (double) (step - st[tag]) * cur[tag];
        st[tag] = step;
        cur[tag] += delta;
    }

    /** Per token, the lexicon hit it belongs to as {@code B-TYPE}/{@code I-TYPE}, or null. */
    public static String[] lexiconTags(Lexicon lexicon, List<Token> toks) {
        String[] tags = new String[toks.size()];
        if (lexicon == null) return tags;
        for (Lexicon.Match m : lexicon.match(toks)) {
            for (int i = m.from(); i < m.to(); i++) tags[i] = (i == m.from() ? "B-" : "I-") + m.entry().type().name();
        }
        return tags;
    }
}
