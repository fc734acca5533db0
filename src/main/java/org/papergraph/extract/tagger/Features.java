package org.papergraph.extract.tagger;

import java.util.List;

import org.papergraph.extract.text.Token;

/**
 * Feature hashes of one token in context, shared by training and tagging so the two can never disagree. Features
 * are 64-bit FNV-1a hashes of (template, strings), computed without building strings, so tagging allocates nothing
 * per feature.
 */
final class Features {
    private Features() {}

    static final int MAX = 24;
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    /** Per-token strings a field needs once, before features are taken. */
    record Context(List<Token> tokens, String[] shapes, String[] lexicon, boolean[] afterColon) {}

    static Context context(List<Token> tokens, String[] lexiconTags) {
        int n = tokens.size();
        String[] shapes = new String[n];
        boolean[] colon = new boolean[n];
        boolean seen = false;
        for (int i = 0; i < n; i++) {
            shapes[i] = shape(tokens.get(i).text());
            colon[i] = seen;
            if (tokens.get(i).text().equals(":")) seen = true;
        }
        return new Context(tokens, shapes, lexiconTags, colon);
    }

    /** Fills {@code out} with the feature hashes of token {@code i}; returns how many. */
    static int of(Context c, int i, int prev, int prev2, long[] out) {
        List<Token> t = c.tokens();
        int n = t.size();
        String w = t.get(i).lower();
        String wm1 = i > 0 ? t.get(i - 1).lower() : "<s>";
        String wm2 = i > 1 ? t.get(i - 2).lower() : "<s>";
        String wp1 = i + 1 < n ? t.get(i + 1).lower() : "</s>";
        String wp2 = i + 2 < n ? t.get(i + 2).lower() : "</s>";
        String sh = c.shapes()[i];
        int k = 0;
        out[k++] = h(1, "");
        out[k++] = h(2, w);
        out[k++] = h(3, sh);
        int len = w.length();
        out[k++] = h(OFFSET ^ (4 * PRIME), w, Math.max(0, len - 3), len);
        out[k++] = h(OFFSET ^ (5 * PRIME), w, 0, Math.min(3, len));
        out[k++] = h(6, wm1);
        out[k++] = h(7, wp1);
        out[k++] = h(8, wm2);
        out[k++] = h(9, wp2);
        out[k++] = h(10, prev);
        out[k++] = h(h(11, prev), prev2);
        out[k++] = h(h(12, prev), w);
        out[k++] = h(h(13, wm1), w);
        out[k++] = h(h(14, w), wp1);
        out[k++] = h(15, i > 0 ? c.shapes()[i - 1] : "<s>");
        out[k++] = h(16, i + 1 < n ? c.shapes()[i + 1] : "</s>");
        String lex = c.lexicon()[i];
        if (lex != null) {
            out[k++] = h(17, lex);
            out[k++] = h(h(18, lex), prev);
        }
        out[k++] = h(h(19, c.afterColon()[i] ? "after" : "before"), sh);
        out[k++] = h(OFFSET ^ (20 * PRIME), w, Math.max(0, len - 2), len);
        out[k++] = h(21, i == 0 ? "first" : i == n - 1 ? "last" : "mid");
        out[k++] = h(h(22, wp1), wp2);
        out[k++] = h(h(23, wm1), prev);
        return k;
    }

    /** Word shape: upper X, lower x, digit d, others kept; runs folded to two. */
    static String shape(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 12));
        char last = 0;
        int run = 0;
        for (int i = 0; i < s.length() && sb.length() < 12; i++) {
            char ch = s.charAt(i);
            char m = Character.isUpperCase(ch) ? 'X' : Character.isLowerCase(ch) ? 'x' : Character.isDigit(ch) ? 'd' : ch;
            if (m == last) { if (++run > 2) continue; } else { run = 1; last = m; }
            sb.append(m);
        }
        return sb.toString();
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
