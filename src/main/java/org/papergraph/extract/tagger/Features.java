package org.papergraph.extract.tagger;

import java.util.List;

import org.papergraph.extract.text.Token;

/**
 * Feature hashes of one token in context, shared by training and tagging so the two can never disagree. Features
 * are 64-bit FNV-1a hashes of (template, strings), computed without building strings, so tagging allocates nothing
 * per feature.
 *
 * <p>Every feature that does not depend on the tags already chosen is hashed once per sequence, when the
 * {@link Context} is made: each word is read once for all the templates that hash it (nine with fixed seeds,
 * three seeded by the previous word), each shape once for its four. Only the five history features are hashed
 * per token while tagging. The hash values are exactly those of the one-feature-at-a-time definition (a test
 * checks this), so the shipped models need no retraining.
 */
final class Features {
    private Features() {}

    static final int MAX = 24;
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private static final String BOS = "<s>", EOS = "</s>";
    static final long BIAS = h(1, "");
    private static final long H6_BOS = h(6, BOS), H7_EOS = h(7, EOS), H8_BOS = h(8, BOS), H9_EOS = h(9, EOS);
    private static final long SEED13_BOS = h(13, BOS), SEED22_EOS = h(22, EOS), SEED23_BOS = h(23, BOS);
    private static final long F22_EOS_EOS = h(SEED22_EOS, EOS);
    private static final long H15_BOS = h(15, BOS), H16_EOS = h(16, EOS);
    private static final long SEED19_AFTER = h(19, "after"), SEED19_BEFORE = h(19, "before");
    static final long POS_FIRST = h(21, "first"), POS_LAST = h(21, "last"), POS_MID = h(21, "mid");
    private static final long SEED4 = OFFSET ^ (4 * PRIME), SEED5 = OFFSET ^ (5 * PRIME), SEED20 = OFFSET ^ (20 * PRIME);

    /**
     * One sequence, with every feature that does not depend on the tag history already hashed: {@code fixed}
     * holds, per token, the hashes of templates 1-9, 13-17 and 19-22 (17 is zero without a lexicon hit).
     */
    static final class Context {
        final int n;
        final String[] lower;
        final String[] lexicon;
        /** {@link #STRIDE} hashes per token, at the offsets {@code F1} ... {@code F22}. */
        final long[] fixed;
        /** Per token: the seed of template 23, the hash of the previous word. */
        final long[] seed23;
        /** The previous tag for which {@link #word12} holds template 12, or {@link #NO_TAG}. */
        final int wordTag;
        /** Per token: template 12 (previous tag and word) for previous tag {@link #wordTag}, or null. */
        final long[] word12;

        Context(int n, String[] lower, String[] lexicon, int wordTag) {
            this.n = n;
            this.lower = lower;
            this.lexicon = lexicon;
            this.fixed = new long[n * STRIDE];
            this.seed23 = new long[n];
            this.wordTag = wordTag;
            this.word12 = wordTag == NO_TAG ? null : new long[n];
        }
    }

    /** Per-token slots in {@link Context#fixed}: templates 1-9, 13-17, 19-22 (templates 10-12, 18, 23 are history). */
    static final int STRIDE = 18;
    static final int F1 = 0, F2 = 1, F3 = 2, F4 = 3, F5 = 4, F6 = 5, F7 = 6, F8 = 7, F9 = 8, F13 = 9, F14 = 10,
            F15 = 11, F16 = 12, F17 = 13, F19 = 14, F20 = 15, F21 = 16, F22 = 17;

    /** No previous tag: {@link #context(List, String[], int)} hashes template 12 for none in advance. */
    static final int NO_TAG = Integer.MIN_VALUE;

    static Context context(List<Token> tokens, String[] lexiconTags) { return context(tokens, lexiconTags, NO_TAG); }

    /**
     * As {@link #context(List, String[])}, also hashing template 12 of every token for previous tag {@code wordTag}
     * (the tagger passes "O", which precedes most tokens) in the one pass over its word, where the hash is one more
     * independent chain, instead of a chain of its own per token while tagging; {@link #withWord} then reads it.
     */
    static Context context(List<Token> tokens, String[] lexiconTags, int wordTag) {
        int n = tokens.size();
        String[] lower = new String[n];
        for (int i = 0; i < n; i++) lower[i] = tokens.get(i).lower();
        Context c = new Context(n, lower, lexiconTags, wordTag);
        long seed12 = wordTag == NO_TAG ? 0 : h(12, wordTag);
        long[] word12 = c.word12;
        long[] fx = c.fixed;
        // Words: one pass over each word for all the templates that hash it.
        long prev13 = SEED13_BOS, prev14 = 0, prev22 = 0;
        long[] h6 = new long[n], h8 = new long[n];
        for (int j = 0; j < n; j++) {
            String w = lower[j];
            int len = w.length();
            long a2 = OFFSET ^ (2 * PRIME), a6 = OFFSET ^ (6 * PRIME), a7 = OFFSET ^ (7 * PRIME), a8 = OFFSET ^ (8 * PRIME),
                    a9 = OFFSET ^ (9 * PRIME), s13 = OFFSET ^ (13 * PRIME), s14 = OFFSET ^ (14 * PRIME),
                    s22 = OFFSET ^ (22 * PRIME), s23 = OFFSET ^ (23 * PRIME);
            long b13 = prev13, b14 = prev14, b22 = prev22, a12 = seed12;
            for (int k = 0; k < len; k++) {
                char ch = w.charAt(k);
                a12 = (a12 ^ ch) * PRIME;
                a2 = (a2 ^ ch) * PRIME; a6 = (a6 ^ ch) * PRIME; a7 = (a7 ^ ch) * PRIME; a8 = (a8 ^ ch) * PRIME;
                a9 = (a9 ^ ch) * PRIME; s13 = (s13 ^ ch) * PRIME; s14 = (s14 ^ ch) * PRIME; s22 = (s22 ^ ch) * PRIME;
                s23 = (s23 ^ ch) * PRIME; b13 = (b13 ^ ch) * PRIME; b14 = (b14 ^ ch) * PRIME; b22 = (b22 ^ ch) * PRIME;
            }
            int base = j * STRIDE;
            fx[base + F1] = BIAS;
            fx[base + F2] = mix(a2 ^ len);
            if (word12 != null) word12[j] = mix(a12 ^ len);
            h6[j] = mix(a6 ^ len);
            if (j > 0) fx[base - STRIDE + F7] = mix(a7 ^ len);
            h8[j] = mix(a8 ^ len);
            if (j > 1) fx[base - 2 * STRIDE + F9] = mix(a9 ^ len);
            fx[base + F13] = mix(b13 ^ len);
            if (j > 0) fx[base - STRIDE + F14] = mix(b14 ^ len);
            if (j > 1) fx[base - 2 * STRIDE + F22] = mix(b22 ^ len);
            c.seed23[j] = j == 0 ? SEED23_BOS : c.seed23[j];
            if (j + 1 < n) c.seed23[j + 1] = mix(s23 ^ len);
            prev13 = mix(s13 ^ len);
            prev14 = mix(s14 ^ len);
            prev22 = mix(s22 ^ len);
            fx[base + F4] = h(SEED4, w, Math.max(0, len - 3), len);
            fx[base + F5] = h(SEED5, w, 0, Math.min(3, len));
            fx[base + F20] = h(SEED20, w, Math.max(0, len - 2), len);
            fx[base + F21] = j == 0 ? POS_FIRST : j == n - 1 ? POS_LAST : POS_MID;
            if (lexiconTags[j] != null) fx[base + F17] = h(17, lexiconTags[j]);
        }
        // The sentence end: the last word's template-14 seed over "</s>", and template 22 over "</s>" twice.
        if (n > 0) {
            fx[(n - 1) * STRIDE + F7] = H7_EOS;
            fx[(n - 1) * STRIDE + F14] = h(prev14, EOS);
            fx[(n - 1) * STRIDE + F22] = F22_EOS_EOS;
            fx[(n - 1) * STRIDE + F9] = H9_EOS;
        }
        if (n > 1) {
            fx[(n - 2) * STRIDE + F22] = h(prev22, EOS);
            fx[(n - 2) * STRIDE + F9] = H9_EOS;
        }
        for (int i = 0; i < n; i++) {
            fx[i * STRIDE + F6] = i > 0 ? h6[i - 1] : H6_BOS;
            fx[i * STRIDE + F8] = i > 1 ? h8[i - 2] : H8_BOS;
        }
        // Shapes: one pass over each shape for templates 3, 15, 16 and 19.
        char[] buf = new char[12];
        long[] h15 = new long[n], h16 = new long[n];
        boolean afterColon = false;
        for (int i = 0; i < n; i++) {
            int len = shape(tokens.get(i).text(), buf);
            long a3 = OFFSET ^ (3 * PRIME), a15 = OFFSET ^ (15 * PRIME), a16 = OFFSET ^ (16 * PRIME);
            long a19 = afterColon ? SEED19_AFTER : SEED19_BEFORE;
            for (int k = 0; k < len; k++) {
                char ch = buf[k];
                a3 = (a3 ^ ch) * PRIME; a15 = (a15 ^ ch) * PRIME; a16 = (a16 ^ ch) * PRIME; a19 = (a19 ^ ch) * PRIME;
            }
            fx[i * STRIDE + F3] = mix(a3 ^ len);
            h15[i] = mix(a15 ^ len);
            h16[i] = mix(a16 ^ len);
            fx[i * STRIDE + F19] = mix(a19 ^ len);
            if (tokens.get(i).text().equals(":")) afterColon = true;
        }
        for (int i = 0; i < n; i++) {
            fx[i * STRIDE + F15] = i > 0 ? h15[i - 1] : H15_BOS;
            fx[i * STRIDE + F16] = i + 1 < n ? h16[i + 1] : H16_EOS;
        }
        return c;
    }

    /**
     * Fills {@code out} with the feature hashes of token {@code i}, given the two tags before it; returns how many.
     * The order is the template order, which fixes the order in which weights are summed.
     */
    static int of(Context c, int i, int prev, int prev2, long[] out) { return of(c, i, prev, prev2, out, null); }

    /**
     * As {@link #of(Context, int, int, int, long[])}, also filling {@code at} (when not null) with, per feature,
     * its index in {@link Context#fixed} or -1 for a history feature.
     */
    static int of(Context c, int i, int prev, int prev2, long[] out, int[] at) {
        long[] fx = c.fixed;
        int b = i * STRIDE;
        if (at != null) fill(at, b, c.lexicon[i] != null);
        int k = 0;
        out[k++] = fx[b + F1];
        out[k++] = fx[b + F2];
        out[k++] = fx[b + F3];
        out[k++] = fx[b + F4];
        out[k++] = fx[b + F5];
        out[k++] = fx[b + F6];
        out[k++] = fx[b + F7];
        out[k++] = fx[b + F8];
        out[k++] = fx[b + F9];
        out[k++] = h(10, prev);
        out[k++] = h(h(11, prev), prev2);
        out[k++] = h(h(12, prev), c.lower[i]);
        out[k++] = fx[b + F13];
        out[k++] = fx[b + F14];
        out[k++] = fx[b + F15];
        out[k++] = fx[b + F16];
        String lex = c.lexicon[i];
        if (lex != null) {
            out[k++] = fx[b + F17];
            out[k++] = h(h(18, lex), prev);
        }
        out[k++] = fx[b + F19];
        out[k++] = fx[b + F20];
        out[k++] = fx[b + F21];
        out[k++] = fx[b + F22];
        out[k++] = h(c.seed23[i], prev);
        return k;
    }

    // The history features of token i given the previous tag, as in of(...): templates 12, 18 and 23.

    static long withWord(int prev, Context c, int i) {
        return prev == c.wordTag ? c.word12[i] : h(h(12, prev), c.lower[i]);
    }

    static long withLexicon(int prev, Context c, int i) { return h(h(18, c.lexicon[i]), prev); }

    static long withPreviousWord(int prev, Context c, int i) { return h(c.seed23[i], prev); }

    /** The {@code at} indices of {@link #of}, in its order: fixed slots at offset {@code b}, -1 for history. */
    private static void fill(int[] at, int b, boolean lexicon) {
        int k = 0;
        for (int f = F1; f <= F9; f++) at[k++] = b + f;
        at[k++] = -1;
        at[k++] = -1;
        at[k++] = -1;
        for (int f = F13; f <= F16; f++) at[k++] = b + f;
        if (lexicon) {
            at[k++] = b + F17;
            at[k++] = -1;
        }
        for (int f = F19; f <= F22; f++) at[k++] = b + f;
        at[k] = -1;
    }

    /** Word shape: upper X, lower x, digit d, others kept; runs folded to two. */
    static String shape(String s) {
        char[] buf = new char[12];
        return new String(buf, 0, shape(s, buf));
    }

    /** {@link #shape(String)} into {@code buf} (at least 12 long); returns its length. */
    private static int shape(String s, char[] buf) {
        int n = 0;
        char last = 0;
        int run = 0;
        for (int i = 0; i < s.length() && n < 12; i++) {
            char ch = s.charAt(i);
            char m = Character.isUpperCase(ch) ? 'X' : Character.isLowerCase(ch) ? 'x' : Character.isDigit(ch) ? 'd' : ch;
            if (m == last) { if (++run > 2) continue; } else { run = 1; last = m; }
            buf[n++] = m;
        }
        return n;
    }

    static long h(int template, CharSequence s) { return h(OFFSET ^ (template * PRIME), s); }

    static long h(int template, int v) { return mix((OFFSET ^ (template * PRIME)) * PRIME ^ (v + 7)); }

    static long h(long seed, CharSequence s) { return h(seed, s, 0, s.length()); }

    /** Hash of {@code s[from, to)}; equal to hashing that substring, without allocating it. */
    static long h(long seed, CharSequence s, int from, int to) {
        long x = seed;
        for (int i = from; i < to; i++) {
            x ^= s.charAt(i);
            x *= PRIME;
        }
        return mix(x ^ (to - from));
    }

    static long h(long seed, int v) { return mix((seed ^ (v + 13)) * PRIME); }

    private static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb93e185a1a85L;
        return z ^ (z >>> 33);
    }
}
