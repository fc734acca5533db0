package org.papergraph.extract.tagger;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.papergraph.vocab.EntityType;
import org.papergraph.extract.text.Token;

/**
 * A greedy left-to-right sequence tagger (averaged perceptron over hashed features, BIO tags) that finds entity
 * spans in tokens. Trained by {@link TaggerTrainer}; the model ships as a small gzip resource. Immutable once
 * loaded; {@link #tag} is safe to call from many threads.
 */
public final class PerceptronTagger {
    private static final int MAGIC = 0x50475431; // "PGT1"

    /** A tagged span: tokens [{@code from}, {@code to}) and its type. */
    public record Span(int from, int to, EntityType type) {}

    final String[] tags;
    private final EntityType[] tagType;
    private final boolean[] inside;
    /** The index of tag "O", or {@link Features#NO_TAG} when the model has none. */
    private final int outside;
    /** A stored weight {@code q} stands for {@code q / scale}: the model's weights quantised to 16 bits. */
    private final float scale;
    /**
     * Open-addressing table, one slot of {@link #stride} longs per feature: the 64-bit key (0 = empty), then the
     * 16-bit weight of each tag, four to a long. Tagging sums these integers, not floats: the model is quantised
     * anyway, integer sums are exact in any order (so fixed and history features can be summed apart, below), and
     * 16-bit weights make a slot 24 bytes instead of 36, so more of the table stays in cache (JFR put half of
     * extraction time in these lookups).
     */
    private final long[] table;
    private final int stride;
    private final int mask;
    /**
     * One bit per key (taken from the key's high bits), 16 bits per feature: the model lacks most word-pair and
     * word-and-previous-tag features (7-19% of them are in it on the listing), and this filter (64 KB for the
     * abstract tagger) says so without probing the table ({@link #addRare}); features the model mostly has skip it.
     * A set bit may be a false positive; the table decides.
     */
    private final long[] filter;
    private final int filterShift;
    /**
     * The weights of the features that depend on the tag history alone, looked up once when the model is made:
     * template 10 (previous tag) at {@code [(prev + 1) * lanes + t]}, template 11 (previous two tags) at
     * {@code [((prev + 1) * (nt + 1) + prev2 + 1) * lanes + t]}, {@code lanes} being nt rounded up to whole longs.
     */
    private final int[] byPrev, byPrev2;
    /** The bias plus the position feature (template 21) of a first, middle and last token, {@code lanes} apart. */
    private final int[] byPosition;

    /** A model from trained float weights: quantised to 16 bits, features weaker than {@link #MIN_WEIGHT} left out. */
    PerceptronTagger(String[] tags, long[] featureKeys, float[][] featureWeights) {
        this(tags, featureKeys, featureWeights, MIN_WEIGHT);
    }

    /** As {@link #PerceptronTagger(String[], long[], float[][])}, leaving out features weaker than {@code minWeight}. */
    PerceptronTagger(String[] tags, long[] featureKeys, float[][] featureWeights, float minWeight) {
        this(tags, scaleOf(featureWeights), featureKeys, quantise(featureWeights, scaleOf(featureWeights)), strong(featureWeights, minWeight));
    }

    private PerceptronTagger(String[] tags, float scale, long[] featureKeys, short[][] featureWeights, boolean[] keep) {
        this.tags = tags;
        this.scale = scale;
        int nt = tags.length;
        this.tagType = new EntityType[nt];
        this.inside = new boolean[nt];
        for (int t = 0; t < nt; t++) {
            if (!tags[t].equals("O")) {
                tagType[t] = EntityType.parse(tags[t].substring(2));
                inside[t] = tags[t].startsWith("I-");
            }
        }
        int o = Features.NO_TAG;
        for (int t = 0; t < nt; t++) if (tags[t].equals("O")) o = t;
        this.outside = o;
        int kept = 0;
        for (boolean k : keep) if (k) kept++;
        // At most three quarters full: a smaller table stays in cache better than a sparser one probes (measured on
        // the listing: 0.75 took 172-175 us of tagging per abstract, 0.5 took 195-215, 0.25 took 202-230).
        int cap = 16;
        while (cap * 3 < kept * 4) cap *= 2;
        this.mask = cap - 1;
        this.stride = 1 + (nt + 3) / 4;
        this.table = new long[cap * stride];
        int bits = Integer.highestOneBit(Math.max(64, kept * 16)) * 2;
        this.filter = new long[bits / 64];
        this.filterShift = 64 - Integer.numberOfTrailingZeros(bits);
        for (int f = 0; f < featureKeys.length; f++) {
            if (!keep[f]) continue;
            long k = featureKeys[f] == 0 ? 1 : featureKeys[f];
            int bit = (int) (k >>> filterShift);
            filter[bit >>> 6] |= 1L << bit;
            int slot = (int) (k & mask);
            while (table[slot * stride] != 0) slot = (slot + 1) & mask;
            int base = slot * stride;
            table[base] = k;
            for (int t = 0; t < nt; t++) table[base + 1 + (t >> 2)] |= (featureWeights[f][t] & 0xffffL) << ((t & 3) << 4);
        }
        int lanes = 4 * (stride - 1);
        this.byPrev = new int[(nt + 1) * lanes];
        this.byPrev2 = new int[(nt + 1) * (nt + 1) * lanes];
        this.byPosition = new int[3 * lanes];
        long[] positions = {Features.POS_FIRST, Features.POS_MID, Features.POS_LAST};
        for (int p = 0; p < 3; p++) {
            add(Features.BIAS, byPosition, p * lanes);
            add(positions[p], byPosition, p * lanes);
        }
        for (int prev = -1; prev < nt; prev++) {
            add(Features.h(10, prev), byPrev, (prev + 1) * lanes);
            for (int prev2 = -1; prev2 < nt; prev2++) {
                add(Features.h(Features.h(11, prev), prev2), byPrev2, ((prev + 1) * (nt + 1) + prev2 + 1) * lanes);
            }
        }
    }

    private static float scaleOf(float[][] w) {
        float max = 1e-6f;
        for (float[] row : w) for (float x : row) max = Math.max(max, Math.abs(x));
        return 32767f / max;
    }

    private static short[][] quantise(float[][] w, float scale) {
        short[][] q = new short[w.length][];
        for (int f = 0; f < w.length; f++) {
            q[f] = new short[w[f].length];
            for (int t = 0; t < w[f].length; t++) q[f][t] = (short) Math.round(w[f][t] * scale);
        }
        return q;
    }

    private static boolean[] strong(float[][] w, float minWeight) {
        boolean[] keep = new boolean[w.length];
        for (int f = 0; f < w.length; f++) {
            float strongest = 0;
            for (float x : w[f]) strongest = Math.max(strongest, Math.abs(x));
            keep[f] = strongest >= minWeight;
        }
        return keep;
    }

    /** The quantised weight of tag {@code t} in slot {@code slot}. */
    private short weight(int slot, int t) { return (short) (table[slot * stride + 1 + (t >> 2)] >>> ((t & 3) << 4)); }

    /** Loads a model written by {@link #write}. */
    public static PerceptronTagger read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
        if (in.readInt() != MAGIC) throw new IOException("not a papergraph tagger model");
        int nt = in.readInt();
        String[] tags = new String[nt];
        for (int t = 0; t < nt; t++) tags[t] = in.readUTF();
        float scale = in.readFloat();
        int nf = in.readInt();
        long[] keys = new long[nf];
        short[][] w = new short[nf][nt];
        for (int f = 0; f < nf; f++) {
            keys[f] = in.readLong();
            for (int t = 0; t < nt; t++) w[f][t] = in.readShort();
        }
        boolean[] keep = new boolean[nf];
        java.util.Arrays.fill(keep, true);
        return new PerceptronTagger(tags, scale, keys, w, keep);
    }

    /** Loads a model from a classpath resource. */
    public static PerceptronTagger resource(String path) {
        try (InputStream in = PerceptronTagger.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Features whose largest absolute weight is below this are left out of trained models: a smaller table stays
     * in cache, which doubled tagging speed for a loss of at most 0.012 partial F1 on the dev splits (measured with
     * {@code papergraph eval}, thresholds 0, 0.5 and 2).
     */
    static final float MIN_WEIGHT = 2.0f;

    /** Writes the model: its features with their 16-bit weights and the scale that maps them back. */
    public void write(OutputStream raw) throws IOException {
        int nt = tags.length;
        int cap = mask + 1;
        List<Integer> live = new ArrayList<>();
        for (int s = 0; s < cap; s++) if (table[s * stride] != 0) live.add(s);
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(gz);
        out.writeInt(MAGIC);
        out.writeInt(nt);
        for (String t : tags) out.writeUTF(t);
        out.writeFloat(scale);
        out.writeInt(live.size());
        for (int s : live) {
            out.writeLong(table[s * stride]);
            for (int t = 0; t < nt; t++) out.writeShort(weight(s, t));
        }
        out.flush();
        gz.finish();
    }

    int tagCount() { return tags.length; }

    /**
     * This model without the features whose largest weight is below {@code minWeight}: smaller and faster, a little
     * less accurate (the fast extraction's abstract tagger).
     */
    public PerceptronTagger pruned(float minWeight) {
        int nt = tags.length;
        List<Long> keys = new ArrayList<>();
        List<float[]> weights = new ArrayList<>();
        for (int s = 0; s <= mask; s++) {
            if (table[s * stride] == 0) continue;
            float[] w = new float[nt];
            for (int t = 0; t < nt; t++) w[t] = weight(s, t) / scale;
            keys.add(table[s * stride]);
            weights.add(w);
        }
        long[] k = new long[keys.size()];
        for (int i = 0; i < k.length; i++) k[i] = keys.get(i);
        return new PerceptronTagger(tags, k, weights.toArray(new float[0][]), minWeight);
    }

    /** The weight scale: a quantised weight {@code q} of {@link #weights} stands for {@code q / scale()}. */
    float scale() { return scale; }

    /** The quantised weights of feature {@code key} per tag, or null when the model does not have it. */
    short[] weights(long key) {
        int slot = slot(key);
        if (slot < 0) return null;
        short[] w = new short[tags.length];
        for (int t = 0; t < w.length; t++) w[t] = weight(slot, t);
        return w;
    }

    /**
     * Adds the weights of feature {@code key} to {@code scores[at ... at + nt)}; {@code scores} must have room for
     * {@code 4 * (stride - 1)} from {@code at}.
     */
    private void add(long key, int[] scores, int at) {
        long k = key == 0 ? 1 : key;
        long[] tb = table;
        int st = stride, m = mask;
        for (int slot = (int) (k & m); ; slot = (slot + 1) & m) {
            int base = slot * st;
            long at0 = tb[base];
            if (at0 == k) {
                // Four weights per long, added lane by lane; rows of scores are padded to whole longs.
                for (int w = 1, o = at; w < st; w++, o += 4) {
                    long x = tb[base + w];
                    scores[o] += (short) x;
                    scores[o + 1] += (short) (x >>> 16);
                    scores[o + 2] += (short) (x >>> 32);
                    scores[o + 3] += (short) (x >>> 48);
                }
                return;
            }
            if (at0 == 0) return;
        }
    }

    /**
     * As {@link #add}, for features the model mostly lacks (word pairs, word and previous tag): the filter answers
     * for most of them without the probe, which would run to an empty slot. Features the model mostly has skip it.
     */
    private void addRare(long key, int[] scores, int at) {
        long k = key == 0 ? 1 : key;
        int bit = (int) (k >>> filterShift);
        if ((filter[bit >>> 6] & (1L << bit)) != 0) add(k, scores, at);
    }

    /**
     * How close two integer scores must be for {@link #tag} to decide between them as the float scoring did. The
     * models were trained and first shipped scoring with floats ({@code q / scale}, summed in template order), whose
     * rounding errs by at most (k + 1) 2^-24 times the sum of the |q| of the k <= 24 weights summed: 1.2 units of
     * q, so 2.4 on a difference. Where integer scores are further apart than this, both orders agree; closer (exact
     * ties happen: features seen only together have equal weights), the token is scored again as before.
     */
    private static final int NEAR = 4;

    /** Token {@code i}'s best tag by the float scoring the models shipped with (see {@link #NEAR}). */
    private int floatBest(Features.Context c, int i, int prev, int prev2, long[] feats, float[] scores) {
        int nt = tags.length;
        int k = Features.of(c, i, prev, prev2, feats);
        java.util.Arrays.fill(scores, 0f);
        for (int f = 0; f < k; f++) {
            int slot = slot(feats[f]);
            if (slot >= 0) for (int t = 0; t < nt; t++) scores[t] += weight(slot, t) / scale;
        }
        int b = -1;
        for (int t = 0; t < nt; t++) {
            if (!allowed(prev, t)) continue;
            if (b < 0 || scores[t] > scores[b]) b = t;
        }
        return b;
    }

    /** The slot of feature {@code key}, or -1 when the model does not have it. */
    private int slot(long key) {
        long k = key == 0 ? 1 : key;
        for (int slot = (int) (k & mask); table[slot * stride] != 0; slot = (slot + 1) & mask) {
            if (table[slot * stride] == k) return slot;
        }
        return -1;
    }

    /** True when tag {@code t} may follow tag {@code prev} (an I- tag continues a span of its own type). */
    boolean allowed(int prev, int t) {
        if (!inside[t]) return true;
        return prev >= 0 && tagType[prev] == tagType[t];
    }

    /**
     * Tags one sequence (a title, or one sentence). {@code lexiconTags} holds, per token, the lexicon hit it is part
     * of ({@code B-DATASET}, {@code I-METHOD}) or null.
     */
    public List<Span> tag(List<Token> tokens, String[] lexiconTags) { return tag(tokens, lexiconTags, null); }

    /**
     * As {@link #tag(List, String[])}, also filling {@code margins} (when not null, one per token) with how far the
     * chosen tag's score led the best other tag allowed there, in weight units: a small margin is a close call, which
     * the confidence of a span takes into account.
     */
    public List<Span> tag(List<Token> tokens, String[] lexiconTags, float[] margins) {
        int n = tokens.size();
        List<Span> out = new ArrayList<>();
        if (n == 0) return out;
        Features.Context c = Features.context(tokens, lexiconTags, outside);
        int nt = tags.length, lanes = 4 * (stride - 1);
        // First the features that do not depend on the tags chosen, all tokens in one loop: their table loads do
        // not depend on each other, so the processor overlaps their cache misses instead of waiting for one miss
        // after another (the table is megabytes).
        int[] fixedScores = new int[n * lanes];
        long[] fx = c.fixed;
        for (int i = 0; i < n; i++) {
            int b = i * Features.STRIDE, at = i * lanes;
            // The bias and the position (first, middle, last token) are three vectors, summed in directly.
            int pos = (i == 0 ? 0 : i == n - 1 ? 2 : 1) * lanes;
            for (int t = 0; t < nt; t++) fixedScores[at + t] = byPosition[pos + t];
            addRare(fx[b + Features.F2], fixedScores, at);
            addRare(fx[b + Features.F3], fixedScores, at);
            addRare(fx[b + Features.F4], fixedScores, at);
            addRare(fx[b + Features.F5], fixedScores, at);
            addRare(fx[b + Features.F6], fixedScores, at);
            addRare(fx[b + Features.F7], fixedScores, at);
            addRare(fx[b + Features.F8], fixedScores, at);
            addRare(fx[b + Features.F9], fixedScores, at);
            addRare(fx[b + Features.F13], fixedScores, at);
            addRare(fx[b + Features.F14], fixedScores, at);
            addRare(fx[b + Features.F15], fixedScores, at);
            addRare(fx[b + Features.F16], fixedScores, at);
            if (lexiconTags[i] != null) addRare(fx[b + Features.F17], fixedScores, at);
            addRare(fx[b + Features.F19], fixedScores, at);
            addRare(fx[b + Features.F20], fixedScores, at);
            addRare(fx[b + Features.F22], fixedScores, at);
        }
        // Then the greedy pass, which adds the features of the tag history.
        int[] scores = new int[lanes];
        long[] feats = new long[Features.MAX];
        float[] floatScores = new float[nt];
        int[] best = new int[n];
        int prev = -1, prev2 = -1;
        for (int i = 0; i < n; i++) {
            int p = (prev + 1) * lanes, p2 = ((prev + 1) * (nt + 1) + prev2 + 1) * lanes;
            for (int t = 0; t < nt; t++) scores[t] = fixedScores[i * lanes + t] + byPrev[p + t] + byPrev2[p2 + t];
            addRare(Features.withWord(prev, c, i), scores, 0);
            if (lexiconTags[i] != null) add(Features.withLexicon(prev, c, i), scores, 0);
            addRare(Features.withPreviousWord(prev, c, i), scores, 0);
            int b = -1;
            for (int t = 0; t < nt; t++) {
                if (!allowed(prev, t)) continue;
                if (b < 0 || scores[t] > scores[b]) b = t;
            }
            int lead = Integer.MAX_VALUE;
            for (int t = 0; t < nt; t++) {
                if (t != b && allowed(prev, t) && scores[b] - scores[t] <= NEAR) {
                    b = floatBest(c, i, prev, prev2, feats, floatScores);
                    lead = 0;
                    break;
                }
                if (t != b && allowed(prev, t)) lead = Math.min(lead, scores[b] - scores[t]);
            }
            if (margins != null) margins[i] = lead == Integer.MAX_VALUE ? Float.MAX_VALUE : lead / scale;
            best[i] = b;
            prev2 = prev;
            prev = b;
        }
        int i = 0;
        while (i < n) {
            if (tagType[best[i]] == null) { i++; continue; }
            int j = i + 1;
            while (j < n && inside[best[j]] && tagType[best[j]] == tagType[best[i]]) j++;
            out.add(new Span(i, j, tagType[best[i]]));
            i = j;
        }
        return out;
    }
}
