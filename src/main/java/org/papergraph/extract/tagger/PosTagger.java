package org.papergraph.extract.tagger;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.papergraph.extract.text.Token;

/**
 * A small part-of-speech classifier: the Universal Dependencies tag of one token from the words around it (two
 * each side), its suffixes and its shape, by an averaged perceptron over hashed features. No tag history, so any
 * token can be tagged alone: the entity finder asks only about the tokens at and next to a span's edges, a few per
 * sentence, which keeps extraction fast (tagging every token was not needed). Trained by {@link PosTrainer} from
 * text that OpenNLP's English UD model labelled at {@code build-models} time. Immutable; safe from many threads.
 *
 * <p>Titles are mostly written in title case, where a capital says nothing: {@link #titleCase} tells such
 * sequences, and there the shape feature ignores a leading capital (the trainer shows the model title-cased copies
 * of sentences with their original tags).
 */
public final class PosTagger {
    private static final int MAGIC = 0x50475032; // "PGP2"

    /** Universal Dependencies part-of-speech tags. */
    public enum Pos {
        ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X;

        private static final Pos[] ALL = values();

        /** The tag named {@code s}, or {@link #X} for an unknown name. */
        public static Pos parse(String s) {
            for (Pos p : ALL) if (p.name().equals(s)) return p;
            return X;
        }
    }

    static final int NT = Pos.values().length;

    /** Closed-class tags (and punctuation): only the words of {@link #closedWords} and punctuation get one. */
    static final boolean[] CLOSED = new boolean[NT];

    static {
        for (Pos p : new Pos[] {Pos.ADP, Pos.AUX, Pos.CCONJ, Pos.DET, Pos.PART, Pos.PRON, Pos.PUNCT, Pos.SCONJ, Pos.INTJ}) CLOSED[p.ordinal()] = true;
    }
    /** Longs per table slot: the key, then the 16-bit weights of the tags, four to a long. */
    private static final int STRIDE = 1 + (NT + 3) / 4;
    /** Features per token ({@link #features}). */
    static final int FEATURES = 14;

    private final float scale;
    private final long[] table;
    private final int mask;
    /** Words the labelled text gave one tag almost always ("the", "of", "we", "model"): answered without features. */
    private final java.util.Map<String, Pos> known;
    /** Words ending in -s that are verbs in the labelled text ("offers", "outperforms"): see {@link #finiteVerb}. */
    private final java.util.Set<String> finiteVerbs;
    /**
     * Words the labelled text tagged with a closed-class tag (determiner, preposition, pronoun ...) at least a third
     * of the time: only these can get one. The classes are closed, so a word outside this set ("CIDEr-D", a new
     * name) is open-class whatever its context suggests.
     */
    private final java.util.Set<String> closedWords;

    PosTagger(float scale, long[] keys, short[][] weights, java.util.Map<String, Pos> known, java.util.Set<String> finiteVerbs,
              java.util.Set<String> closedWords) {
        this.scale = scale;
        this.known = java.util.Map.copyOf(known);
        this.finiteVerbs = java.util.Set.copyOf(finiteVerbs);
        this.closedWords = java.util.Set.copyOf(closedWords);
        int cap = 16;
        while (cap * 3 < keys.length * 4) cap *= 2;
        this.mask = cap - 1;
        this.table = new long[cap * STRIDE];
        for (int f = 0; f < keys.length; f++) {
            long k = keys[f] == 0 ? 1 : keys[f];
            int slot = (int) (k & mask);
            while (table[slot * STRIDE] != 0) slot = (slot + 1) & mask;
            int base = slot * STRIDE;
            table[base] = k;
            for (int t = 0; t < NT; t++) table[base + 1 + (t >> 2)] |= (weights[f][t] & 0xffffL) << ((t & 3) << 4);
        }
    }

    /** The tagger shipped in the jar ({@code /extract/pos-tagger.bin.gz}), loaded on first use. */
    public static PosTagger shipped() { return Holder.SHIPPED; }

    /** The file name of the shipped model. */
    public static final String FILE = "pos-tagger.bin.gz";

    private static final class Holder {
        static final PosTagger SHIPPED = resource("/extract/" + FILE);
    }

    /** Loads a model from a classpath resource. */
    public static PosTagger resource(String path) {
        try (InputStream in = PosTagger.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing resource " + path);
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a model written by {@link #write}. */
    public static PosTagger read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16));
        if (in.readInt() != MAGIC) throw new IOException("not a papergraph part-of-speech model");
        if (in.readInt() != NT) throw new IOException("part-of-speech model with another tag set");
        float scale = in.readFloat();
        int n = in.readInt();
        long[] keys = new long[n];
        short[][] w = new short[n][NT];
        for (int f = 0; f < n; f++) {
            keys[f] = in.readLong();
            for (int t = 0; t < NT; t++) w[f][t] = in.readShort();
        }
        java.util.Map<String, Pos> known = new java.util.HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            String word = in.readUTF();
            known.put(word, Pos.ALL[in.readByte()]);
        }
        java.util.Set<String> verbs = new java.util.HashSet<>();
        for (int i = in.readInt(); i > 0; i--) verbs.add(in.readUTF());
        java.util.Set<String> closed = new java.util.HashSet<>();
        for (int i = in.readInt(); i > 0; i--) closed.add(in.readUTF());
        return new PosTagger(scale, keys, w, known, verbs, closed);
    }

    /** Writes the model, features in table order. */
    public void write(OutputStream raw) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(gz);
        out.writeInt(MAGIC);
        out.writeInt(NT);
        out.writeFloat(scale);
        int live = 0;
        for (int s = 0; s <= mask; s++) if (table[s * STRIDE] != 0) live++;
        out.writeInt(live);
        for (int s = 0; s <= mask; s++) {
            int base = s * STRIDE;
            if (table[base] == 0) continue;
            out.writeLong(table[base]);
            for (int t = 0; t < NT; t++) out.writeShort((short) (table[base + 1 + (t >> 2)] >>> ((t & 3) << 4)));
        }
        // Sorted, so the same model is the same file.
        out.writeInt(known.size());
        for (String word : new java.util.TreeSet<>(known.keySet())) {
            out.writeUTF(word);
            out.writeByte(known.get(word).ordinal());
        }
        out.writeInt(finiteVerbs.size());
        for (String word : new java.util.TreeSet<>(finiteVerbs)) out.writeUTF(word);
        out.writeInt(closedWords.size());
        for (String word : new java.util.TreeSet<>(closedWords)) out.writeUTF(word);
        out.flush();
        gz.finish();
    }

    /** Number of features in the model. */
    public int size() {
        int live = 0;
        for (int s = 0; s <= mask; s++) if (table[s * STRIDE] != 0) live++;
        return live;
    }

    /**
     * True when {@code toks} read as title case: of the words that start with a letter and have three or more
     * characters, there are at least two and at least 70% are capitalised ("Attention Is All You Need": 4 of 4).
     */
    public static boolean titleCase(List<Token> toks) {
        int words = 0, capitals = 0;
        for (Token t : toks) {
            String s = t.text();
            if (s.length() < 3 || !Character.isLetter(s.charAt(0))) continue;
            words++;
            if (Character.isUpperCase(s.charAt(0))) capitals++;
        }
        return words >= 2 && capitals * 10 >= words * 7;
    }

    /**
     * True when {@code lower}, a word ending in -s, is a verb in the labelled text more often than not, or its stem
     * ("outperform" of "outperforms") is: after a noun it reads as the clause's verb ("Mamba offers benefits"), which
     * taggers trained on web text often take for a plural noun.
     */
    public boolean finiteVerb(String lower) { return finiteVerbs.contains(lower); }

    /** True when {@code lower} can have a closed-class tag (see {@link #closedWords}). */
    public boolean closedWord(String lower) { return closedWords.contains(lower); }

    /** The tag {@code lower} has almost always in the labelled text, or null when it has several or is rare. */
    public Pos known(String lower) { return known.get(lower); }

    /** The tag of token {@code i} of {@code toks}; {@code title}: the sequence is in title case ({@link #titleCase}). */
    public Pos tag(List<Token> toks, int i, boolean title) {
        Token tok = toks.get(i);
        Pos word = known.get(tok.lower());
        if (word != null) return word;
        if (tok.isPunct()) return Pos.PUNCT;
        long[] f = new long[FEATURES];
        features(toks, i, title, f);
        int[] scores = new int[4 * (STRIDE - 1)];
        for (long k : f) add(k, scores);
        boolean open = !closedWords.contains(tok.lower());
        int best = -1;
        for (int t = 0; t < NT; t++) {
            // A token with a letter or digit is no punctuation.
            if (open && CLOSED[t] || t == Pos.PUNCT.ordinal()) continue;
            if (best < 0 || scores[t] > scores[best]) best = t;
        }
        return Pos.ALL[best];
    }

    private void add(long key, int[] scores) {
        long k = key == 0 ? 1 : key;
        for (int slot = (int) (k & mask); ; slot = (slot + 1) & mask) {
            int base = slot * STRIDE;
            long at = table[base];
            if (at == k) {
                for (int w = 1, o = 0; w < STRIDE; w++, o += 4) {
                    long x = table[base + w];
                    scores[o] += (short) x;
                    scores[o + 1] += (short) (x >>> 16);
                    scores[o + 2] += (short) (x >>> 32);
                    scores[o + 3] += (short) (x >>> 48);
                }
                return;
            }
            if (at == 0) return;
        }
    }

    /** The feature hashes of token {@code i} into {@code out} ({@link #FEATURES} of them); shared with training. */
    static void features(List<Token> toks, int i, boolean title, long[] out) {
        String w = toks.get(i).lower();
        String p1 = i > 0 ? toks.get(i - 1).lower() : "<s>", p2 = i > 1 ? toks.get(i - 2).lower() : "<s>";
        String n1 = i + 1 < toks.size() ? toks.get(i + 1).lower() : "</s>", n2 = i + 2 < toks.size() ? toks.get(i + 2).lower() : "</s>";
        int len = w.length();
        int k = 0;
        out[k++] = Features.h(101, "");
        out[k++] = Features.h(102, w);
        out[k++] = Features.h(103, p1);
        out[k++] = Features.h(104, n1);
        out[k++] = Features.h(105, p2);
        out[k++] = Features.h(106, n2);
        out[k++] = Features.h(Features.h(107, 0), w, Math.max(0, len - 1), len);
        out[k++] = Features.h(Features.h(108, 0), w, Math.max(0, len - 2), len);
        out[k++] = Features.h(Features.h(109, 0), w, Math.max(0, len - 3), len);
        String shape = shape(toks.get(i).text(), title);
        out[k++] = Features.h(Features.h(110, i == 0 ? 1 : 0), shape);
        out[k++] = Features.h(Features.h(111, p1), w);
        out[k++] = Features.h(Features.h(112, w), n1);
        String ps = i > 0 ? toks.get(i - 1).lower() : "<s>";
        out[k++] = Features.h(Features.h(113, 0), ps, Math.max(0, ps.length() - 3), ps.length());
        String ns = i + 1 < toks.size() ? toks.get(i + 1).lower() : "</s>";
        out[k] = Features.h(Features.h(114, 0), ns, Math.max(0, ns.length() - 3), ns.length());
    }

    /**
     * A coarse shape: "X" all capitals (two or more letters), "Xx" capitalised, "xX" capitals inside (CamelCase),
     * "x" lower case, "d" with a digit and no letter, "xd" letters and digits, "p" no letter or digit. In title case a
     * capitalised word is "x": there the capital is the style, not the word.
     */
    static String shape(String s, boolean title) {
        int upper = 0, lower = 0, digit = 0, innerUpper = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isUpperCase(c)) { upper++; if (i > 0) innerUpper++; }
            else if (Character.isLetter(c)) lower++;
            else if (Character.isDigit(c)) digit++;
        }
        if (upper + lower == 0) return digit > 0 ? "d" : "p";
        if (digit > 0) return "xd";
        if (lower == 0) return upper >= 2 ? "X" : title ? "x" : "Xx";
        if (innerUpper > 0) return "xX";
        if (upper > 0) return title ? "x" : "Xx";
        return "x";
    }
}
