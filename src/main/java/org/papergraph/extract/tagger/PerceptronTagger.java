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

import org.papergraph.extract.EntityType;
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
    /**
     * Open-addressing table, one slot of {@link #stride} ints per feature: the 64-bit key (high, low; 0 = empty)
     * then the weight of each tag as float bits. Key and weights side by side make a hit cost one or two cache
     * lines instead of two or three (lookups in separate key and weight arrays were a quarter of extraction time
     * in JFR).
     */
    private final int[] table;
    private final int stride;
    private final int mask;
    /**
     * One bit per key (taken from the key's high bits), 16 bits per feature: about a quarter of the lookups are
     * features the model does not have (most word-pair and history features), and this filter (64 KB for the
     * abstract tagger) says so without touching the table. A set bit may be a false positive; the table decides.
     */
    private final long[] filter;
    private final int filterShift;

    PerceptronTagger(String[] tags, long[] featureKeys, float[][] featureWeights) {
        this.tags = tags;
        int nt = tags.length;
        this.tagType = new EntityType[nt];
        this.inside = new boolean[nt];
        for (int t = 0; t < nt; t++) {
            if (!tags[t].equals("O")) {
                tagType[t] = EntityType.parse(tags[t].substring(2));
                inside[t] = tags[t].startsWith("I-");
            }
        }
        int cap = Integer.highestOneBit(Math.max(16, featureKeys.length * 2)) * 2;
        this.mask = cap - 1;
        this.stride = nt + 2;
        this.table = new int[cap * stride];
        int bits = Integer.highestOneBit(Math.max(64, featureKeys.length * 16)) * 2;
        this.filter = new long[bits / 64];
        this.filterShift = 64 - Integer.numberOfTrailingZeros(bits);
        for (int f = 0; f < featureKeys.length; f++) {
            long k = featureKeys[f] == 0 ? 1 : featureKeys[f];
            int bit = (int) (k >>> filterShift);
            filter[bit >>> 6] |= 1L << bit;
            int slot = (int) (k & mask);
            while (key(slot) != 0) slot = (slot + 1) & mask;
            int base = slot * stride;
            table[base] = (int) (k >>> 32);
            table[base + 1] = (int) k;
            for (int t = 0; t < nt; t++) table[base + 2 + t] = Float.floatToRawIntBits(featureWeights[f][t]);
        }
    }

    private long key(int slot) {
        int base = slot * stride;
        return ((long) table[base] << 32) | (table[base + 1] & 0xffffffffL);
    }

    private float weight(int slot, int t) { return Float.intBitsToFloat(table[slot * stride + 2 + t]); }

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
        float[][] w = new float[nf][];
        int kept = 0;
        for (int f = 0; f < nf; f++) {
            long key = in.readLong();
            float[] row = new float[nt];
            float max = 0;
            for (int t = 0; t < nt; t++) { row[t] = in.readShort() / scale; max = Math.max(max, Math.abs(row[t])); }
            keys[kept] = key;
            w[kept++] = row;
        }
        return new PerceptronTagger(tags, java.util.Arrays.copyOf(keys, kept), java.util.Arrays.copyOf(w, kept));
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
     * Features whose largest absolute weight is below this are left out of written models: a smaller table stays
     * in cache, which doubled tagging speed for a loss of at most 0.012 partial F1 on the dev splits (measured with
     * {@code papergraph eval}, thresholds 0, 0.5 and 2).
     */
    static final float MIN_WEIGHT = 2.0f;

    /** Writes the model, weights quantised to 16 bits, without features weaker than {@link #MIN_WEIGHT}. */
    public void write(OutputStream raw) throws IOException {
        int nt = tags.length;
        int cap = mask + 1;
        float max = 1e-6f;
        for (int s = 0; s < cap; s++) for (int t = 0; t < nt; t++) max = Math.max(max, Math.abs(weight(s, t)));
        float scale = 32767f / max;
        List<Integer> live = new ArrayList<>();
        for (int s = 0; s < cap; s++) {
            if (key(s) == 0) continue;
            float strongest = 0;
            for (int t = 0; t < nt; t++) strongest = Math.max(strongest, Math.abs(weight(s, t)));
            if (strongest >= MIN_WEIGHT) live.add(s);
        }
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(gz);
        out.writeInt(MAGIC);
        out.writeInt(nt);
        for (String t : tags) out.writeUTF(t);
        out.writeFloat(scale);
        out.writeInt(live.size());
        for (int s : live) {
            out.writeLong(key(s));
            for (int t = 0; t < nt; t++) out.writeShort(Math.round(weight(s, t) * scale));
        }
        out.flush();
        gz.finish();
    }

    int tagCount() { return tags.length; }

    /** Adds the weights of feature {@code key} to {@code scores}. */
    void score(long key, float[] scores) {
        long k = key == 0 ? 1 : key;
        if (absent(k)) return;
        score(k, table[(int) (k & mask) * stride], scores);
    }

    /** True when the filter proves non-zero key {@code k} is not in the model. */
    private boolean absent(long k) {
        int bit = (int) (k >>> filterShift);
        return (filter[bit >>> 6] & (1L << bit)) == 0;
    }

    /** The first ints of the home slots of {@code keys}, read in one pass (see {@link #tag}). */
    private int[] homes(long[] keys) {
        int[] tb = table;
        int st = stride, m = mask;
        int[] out = new int[keys.length];
        for (int f = 0; f < keys.length; f++) {
            long k = keys[f] == 0 ? 1 : keys[f];
            out[f] = tb[(int) (k & m) * st];
        }
        return out;
    }

    /** {@link #score(long, float[])} of non-zero {@code k} whose home slot starts with {@code home}. */
    private void score(long k, int home, float[] scores) {
        int hi = (int) (k >>> 32), lo = (int) k;
        int slot = (int) (k & mask);
        int[] tb = table;
        int st = stride;
        int nt = st - 2;
        int atHi = home;
        while (true) {
            int base = slot * st;
            int atLo = tb[base + 1];
            if (atHi == hi && atLo == lo) {
                for (int t = 0; t < nt; t++) scores[t] += Float.intBitsToFloat(tb[base + 2 + t]);
                return;
            }
            if (atHi == 0 && atLo == 0) return;
            slot = (slot + 1) & mask;
            atHi = tb[slot * st];
        }
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
    public List<Span> tag(List<Token> tokens, String[] lexiconTags) {
        int n = tokens.size();
        List<Span> out = new ArrayList<>();
        if (n == 0) return out;
        Features.Context c = Features.context(tokens, lexiconTags);
        // The home slots of all the sequence's fixed features are read first, in a loop whose loads do not depend
        // on each other, so the processor overlaps their cache misses; the greedy pass then finds them in cache
        // instead of waiting for one miss after another (the table is megabytes; JFR showed most tagging time in
        // the lookups).
        long[] fixed = c.fixed;
        int[] home = homes(fixed);
        int nt = tags.length;
        long[] feats = new long[Features.MAX];
        int[] at = new int[Features.MAX];
        float[] scores = new float[nt];
        int[] best = new int[n];
        int prev = -1, prev2 = -1;
        for (int i = 0; i < n; i++) {
            int k = Features.of(c, i, prev, prev2, feats, at);
            java.util.Arrays.fill(scores, 0f);
            for (int f = 0; f < k; f++) {
                if (at[f] >= 0) {
                    long key = fixed[at[f]];
                    if (key == 0) key = 1;
                    if (!absent(key)) score(key, home[at[f]], scores);
                } else {
                    score(feats[f], scores);
                }
            }
            int b = -1;
            for (int t = 0; t < nt; t++) {
                if (!allowed(prev, t)) continue;
                if (b < 0 || scores[t] > scores[b]) b = t;
            }
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
