package org.papergraph.extract.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;
import org.papergraph.extract.ExtractionBenchmark;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.text.Sentences;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.source.PaperRecord;

/**
 * The per-sequence feature hashing gives exactly the hashes of the one-feature-at-a-time definition the shipped
 * models were trained with (kept below as the reference), on every sentence and title of the seed listing, for
 * every tag history.
 */
class FeaturesTest {
    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    @Test
    void sequenceHashingEqualsTheReferenceDefinition() throws Exception {
        Lexicon lexicon = Lexicon.shipped();
        List<List<Token>> seqs = new ArrayList<>();
        for (PaperRecord r : ExtractionBenchmark.listing(SharedData.listing())) {
            if (r.title() != null) seqs.add(Tokenizer.tokens(r.title()));
            if (r.abstractText() != null) {
                for (int[] s : Sentences.split(r.abstractText())) seqs.add(Tokenizer.tokens(r.abstractText(), s[0], s[1]));
            }
        }
        seqs.add(Tokenizer.tokens("ResNet"));
        seqs.add(Tokenizer.tokens("BERT: pre-training"));
        seqs.add(Tokenizer.tokens(": x"));
        assertTrue(seqs.size() > 500, "sequences: " + seqs.size());
        long[] got = new long[Features.MAX], want = new long[Features.MAX];
        int[] at = new int[Features.MAX];
        int lexiconHits = 0;
        for (List<Token> toks : seqs) {
            String[] lex = TaggerTrainer.lexiconTags(lexicon, toks);
            for (String l : lex) if (l != null) lexiconHits++;
            Features.Context c = Features.context(toks, lex);
            Features.Context[] withWordFor = new Features.Context[9];
            for (int t = -1; t < 8; t++) withWordFor[t + 1] = Features.context(toks, lex, t);
            int n = toks.size();
            String[] shapes = new String[n];
            boolean[] colon = new boolean[n];
            boolean seen = false;
            for (int i = 0; i < n; i++) {
                shapes[i] = refShape(toks.get(i).text());
                assertEquals(shapes[i], Features.shape(toks.get(i).text()));
                colon[i] = seen;
                if (toks.get(i).text().equals(":")) seen = true;
            }
            for (int i = 0; i < n; i++) {
                for (int prev = -1; prev < 7; prev += 3) {
                    for (int prev2 = -1; prev2 < 7; prev2 += 4) {
                        int k = Features.of(c, i, prev, prev2, got, at);
                        int r = of(toks, shapes, lex, colon, i, prev, prev2, want);
                        assertEquals(r, k);
                        assertArrayEquals(java.util.Arrays.copyOf(want, r), java.util.Arrays.copyOf(got, k), toks + " @" + i);
                        // The tagger reads fixed features through their index: it must point at the same hash.
                        for (int f = 0; f < k; f++) if (at[f] >= 0) assertEquals(got[f], c.fixed[at[f]]);
                        // Template 12 (index 11) as the tagger reads it, hashed in advance for one previous tag.
                        assertEquals(want[11], Features.withWord(prev, withWordFor[prev + 1], i));
                        assertEquals(want[11], Features.withWord(prev, withWordFor[prev + 2], i));
                    }
                }
            }
        }
        assertTrue(lexiconHits > 100, "lexicon hits: " + lexiconHits);
    }

    // The reference: the feature definition as it was written before the per-sequence hashing.

    /** Token {@code i}'s feature hashes as first defined, one feature at a time. */
    static int of(List<Token> t0, String[] shapes, String[] lexicon, boolean[] afterColon, int i, int prev, int prev2, long[] out) {
        List<Token> t = t0;
        int n = t.size();
        String w = t.get(i).lower();
        String wm1 = i > 0 ? t.get(i - 1).lower() : "<s>";
        String wm2 = i > 1 ? t.get(i - 2).lower() : "<s>";
        String wp1 = i + 1 < n ? t.get(i + 1).lower() : "</s>";
        String wp2 = i + 2 < n ? t.get(i + 2).lower() : "</s>";
        String sh = shapes[i];
        int k = 0;
        out[k++] = Features.h(1, "");
        out[k++] = Features.h(2, w);
        out[k++] = Features.h(3, sh);
        int len = w.length();
        out[k++] = Features.h(OFFSET ^ (4 * PRIME), w, Math.max(0, len - 3), len);
        out[k++] = Features.h(OFFSET ^ (5 * PRIME), w, 0, Math.min(3, len));
        out[k++] = Features.h(6, wm1);
        out[k++] = Features.h(7, wp1);
        out[k++] = Features.h(8, wm2);
        out[k++] = Features.h(9, wp2);
        out[k++] = Features.h(10, prev);
        out[k++] = Features.h(Features.h(11, prev), prev2);
        out[k++] = Features.h(Features.h(12, prev), w);
        out[k++] = Features.h(Features.h(13, wm1), w);
        out[k++] = Features.h(Features.h(14, w), wp1);
        out[k++] = Features.h(15, i > 0 ? shapes[i - 1] : "<s>");
        out[k++] = Features.h(16, i + 1 < n ? shapes[i + 1] : "</s>");
        String lex = lexicon[i];
        if (lex != null) {
            out[k++] = Features.h(17, lex);
            out[k++] = Features.h(Features.h(18, lex), prev);
        }
        out[k++] = Features.h(Features.h(19, afterColon[i] ? "after" : "before"), sh);
        out[k++] = Features.h(OFFSET ^ (20 * PRIME), w, Math.max(0, len - 2), len);
        out[k++] = Features.h(21, i == 0 ? "first" : i == n - 1 ? "last" : "mid");
        out[k++] = Features.h(Features.h(22, wp1), wp2);
        out[k++] = Features.h(Features.h(23, wm1), prev);
        return k;
    }

    /** Word shape: upper X, lower x, digit d, others kept; runs folded to two. */
    static String refShape(String s) {
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

}
