package org.papergraph.extract.lexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.papergraph.vocab.EntityType;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;

/**
 * A dictionary of known entity names (methods, datasets, tasks, metrics) matched over tokens. Names match on their
 * key ({@link Tokenizer#key}: letters, digits and "+", lower-cased, across token boundaries), so "ResNet-50", "ResNet50" and "ResNet 50" all hit
 * the entry whose canonical name is "ResNet-50". Immutable once loaded; safe to share between threads.
 *
 * <p>File format ({@code src/main/resources/extract/lexicon.tsv}, written by {@link LexiconBuilder}): one entity per
 * line, {@code type TAB canonical TAB variant|variant... TAB flags} (flag {@code lower}: lower is better); lines starting with {@code #} are comments.
 */
public final class Lexicon {
    /** Resource path of the lexicon shipped in the jar. */
    public static final String RESOURCE = "/extract/lexicon.tsv";
    /** Longest name, in tokens, that is looked up. */
    static final int MAX_TOKENS = 8;

    /**
     * A known entity: its type, canonical name, the variants seen in the sources and, for metrics, whether lower
     * values are better.
     */
    public record Entry(EntityType type, String canonical, List<String> variants, boolean lowerIsBetter) {}

    /** A lexicon hit: tokens [{@code from}, {@code to}) of the matched list name {@code entry}. */
    public record Match(int from, int to, Entry entry) {}

    private final Map<String, Entry> byKey;
    private final List<Entry> entries;
    /** Type of the names that begin with a word and go on ("DETR" of "DETR-R101", "ILSVRC" of "ILSVRC 2015"). */
    private final Map<String, org.papergraph.vocab.EntityType> stems = new HashMap<>();
    private static final org.papergraph.vocab.EntityType MIXED = org.papergraph.vocab.EntityType.METRIC;

    private Lexicon(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        Map<String, Entry> keys = new HashMap<>();
        Set<String> pre = new HashSet<>();
        for (Entry e : entries) {
            List<String> names = new ArrayList<>(e.variants());
            names.add(e.canonical());
            for (String n : names) {
                String k = Tokenizer.key(n);
                if (k.isEmpty()) continue;
                keys.putIfAbsent(k, e);
                String[] parts = n.split("[\\s-]", 2);
                if (parts.length == 2 && !parts[0].isEmpty()) {
                    stems.merge(Tokenizer.key(parts[0]), e.type(), (x, y) -> x == y ? x : MIXED);
                }
                StringBuilder sb = new StringBuilder();
                for (Token t : Tokenizer.tokens(n)) {
                    sb.append(t.key());
                    pre.add(sb.toString());
                }
            }
        }
        this.byKey = keys;
        for (String p : pre) {
            int b = bit(p.hashCode());
            prefixBits[b >>> 6] |= 1L << b;
        }
        int cap = Integer.highestOneBit(Math.max(16, pre.size() * 2)) * 2;
        this.prefixKeys = new String[cap];
        this.prefixHashes = new int[cap];
        this.prefixEntries = new Entry[cap];
        for (String p : pre) {
            int slot = home(p.hashCode(), cap - 1);
            while (prefixKeys[slot] != null) slot = (slot + 1) & (cap - 1);
            prefixKeys[slot] = p;
            prefixHashes[slot] = p.hashCode();
            prefixEntries[slot] = keys.get(p);
        }
    }

    /**
     * Every key prefix of a name (the keys of its first tokens, joined) with the entry {@link #byKey} gives it (or
     * null), as an open-addressing table that {@link #match} probes by the hash it extends anyway and compares
     * against the key it is building, so no key string is made or hashed again per token (the set and map lookups
     * were most of matching time in JFR).
     */
    private final String[] prefixKeys;
    /**
     * The {@link String#hashCode} of each prefix key, beside it: a probe compares hashes without loading the key
     * string itself (reading its cached hash meant a cache miss per probe: 3% of extraction time in JFR).
     */
    private final int[] prefixHashes;
    private final Entry[] prefixEntries;

    private static int home(int hash, int mask) { return (hash ^ (hash >>> 16)) & mask; }

    /** The slot of the prefix equal to {@code key} (whose {@link String#hashCode} is {@code hash}), or -1. */
    private int prefixSlot(int hash, CharSequence key) {
        int mask = prefixKeys.length - 1;
        for (int slot = home(hash, mask); ; slot = (slot + 1) & mask) {
            String k = prefixKeys[slot];
            if (k == null) return -1;
            if (prefixHashes[slot] == hash && k.contentEquals(key)) return slot;
        }
    }

    /**
     * One bit per {@link String#hashCode} of every key prefix (128 KB): most tokens start no name, and the bit
     * says so before the hash set is probed; the hash of a longer prefix is extended from the shorter one's
     * ({@code h(ab) = h(a) * 31^|b| + h(b)}), so prefixes that are no name's are never built as strings.
     */
    private final long[] prefixBits = new long[1 << (PREFIX_BITS - 6)];
    private static final int PREFIX_BITS = 20;

    private static int bit(int hash) { return (hash * 0x9E3779B9) >>> (32 - PREFIX_BITS); }

    private boolean mayBePrefix(int hash) {
        int b = bit(hash);
        return (prefixBits[b >>> 6] & (1L << b)) != 0;
    }

    private static volatile Lexicon shipped;

    /** The lexicon shipped in the jar, loaded once. */
    public static Lexicon shipped() {
        Lexicon l = shipped;
        if (l == null) {
            synchronized (Lexicon.class) {
                if (shipped == null) {
                    try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
                        shipped = read(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                l = shipped;
            }
        }
        return l;
    }

    public static Lexicon of(List<Entry> entries) { return new Lexicon(entries); }

    public static Lexicon read(InputStream in) throws IOException {
        List<Entry> entries = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] f = line.split("\t", -1);
            List<String> variants = f.length > 2 && !f[2].isEmpty() ? List.of(f[2].split("\\|")) : List.of();
            boolean lower = f.length > 3 && f[3].contains("lower");
            entries.add(new Entry(EntityType.parse(f[0]), f[1], variants, lower));
        }
        return new Lexicon(entries);
    }

    public List<Entry> entries() { return entries; }

    /** The entry whose canonical name or variant has the key of {@code name}, or null. */
    public Entry lookup(String name) { return byKey.get(Tokenizer.key(name)); }

    /**
     * The type every listed name that begins with {@code word} and goes on has ("DETR" begins "DETR-R101" and
     * "DETR-DC5", methods both), or null when no name begins with it or the names that do differ in type; a metric
     * stem is never reported.
     */
    public EntityType stemType(String word) {
        EntityType t = stems.get(Tokenizer.key(word));
        return t == MIXED ? null : t;
    }

    /**
     * Longest non-overlapping matches, left to right. A match never starts on punctuation, ends on none but a "+"
     * ("GNN++", "CK+": the key keeps it), is never followed by a "+" written against it ("GNN++" is no hit of GNN,
     * listed or not), and never crosses
     * {@code , ; : ( )}. Method and dataset names must show an upper-case letter or a digit in the text, not counting
     * the first letter of the first token (a sentence start), so the common words "transformer" or "Experimental
     * results" do not hit a name; tasks and metrics match in any case. Callers pass one sentence or title at a time.
     */
    public List<Match> match(List<Token> tokens) {
        List<Match> out = new ArrayList<>();
        int n = tokens.size();
        int i = 0;
        StringBuilder sb = new StringBuilder(64);
        while (i < n) {
            Token first = tokens.get(i);
            if (first.isPunct() || !mayBePrefix(first.key().hashCode()) || prefixSlot(first.key().hashCode(), first.key()) < 0) { i++; continue; }
            sb.setLength(0);
            int hash = 0;
            int best = -1;
            Entry bestEntry = null;
            for (int j = i; j < n && j < i + MAX_TOKENS; j++) {
                Token t = tokens.get(j);
                if (t.isPunct()) {
                    char c = t.text().charAt(0);
                    if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' || c == '.') break;
                    // A "+" is part of the key ("GNN++", "CK+"); other punctuation is not.
                    if (t.key().isEmpty()) continue;
                }
                String key = t.key();
                int scale = 1;
                for (int c = 0; c < key.length(); c++) scale *= 31;
                hash = hash * scale + key.hashCode();
                if (!mayBePrefix(hash)) break;
                sb.append(key);
                int slot = prefixSlot(hash, sb);
                if (slot < 0) break;
                Entry e = prefixEntries[slot];
                if (e != null && accept(e, tokens, i, j + 1)) { best = j + 1; bestEntry = e; }
            }
            // A "+" written against the name's end makes another name ("GNN++" is not GNN).
            if (bestEntry != null && best < n && tokens.get(best).key().equals("+") && tokens.get(best).start() == tokens.get(best - 1).end()) {
                bestEntry = null;
            }
            if (bestEntry != null) {
                out.add(new Match(i, best, bestEntry));
                i = best;
            } else {
                i++;
            }
        }
        return out;
    }

    private static boolean accept(Entry e, List<Token> tokens, int from, int to) {
        if (e.type() == EntityType.TASK || e.type() == EntityType.METRIC) return true;
        for (int k = from; k < to; k++) {
            String t = tokens.get(k).text();
            // The capital of a sentence's first word says nothing ("Experimental results" is a PwC dataset name).
            for (int c = k == 0 ? 1 : 0; c < t.length(); c++) {
                char ch = t.charAt(c);
                if (Character.isUpperCase(ch) || Character.isDigit(ch)) return true;
            }
        }
        return false;
    }
}
