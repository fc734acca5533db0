package org.papergraph.extract.tagger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;
import org.papergraph.eval.GoldDoc;
import org.papergraph.eval.GoldSets;
import org.papergraph.vocab.EntityType;
import org.papergraph.extract.ExtractionBenchmark;
import org.papergraph.extract.ExtractionModels;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.text.Sentences;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.source.PaperRecord;

/**
 * The tagger sums 16-bit integer weights, fixed features before history features; the models were trained and
 * first used with float weights summed feature by feature in template order. On the shipped models and real text
 * (the seed listing, the ORKG CS-NER dev titles and abstracts, SciERC dev) both give the same tag on every token.
 */
class PerceptronTaggerTest {
    @Test
    void integerScoringTagsAsFloatScoringOnRealText() throws Exception {
        List<String> titles = new ArrayList<>(), abstracts = new ArrayList<>();
        for (PaperRecord r : ExtractionBenchmark.listing(SharedData.listing())) {
            if (r.title() != null) titles.add(r.title());
            if (r.abstractText() != null) abstracts.add(r.abstractText());
        }
        for (GoldDoc d : GoldSets.orkg(SharedData.path("data/orkg-cs-ner/full dataset/dev.data"), GoldSets.ORKG)) titles.add(d.text());
        for (GoldDoc d : GoldSets.orkg(SharedData.path("data/orkg-cs-ner/full dataset/dev-abs.data"), GoldSets.ORKG)) abstracts.add(d.text());
        for (GoldDoc d : GoldSets.scierc(SharedData.path("data/scierc/raw/dev.json"), GoldSets.SCIERC)) abstracts.add(d.text());
        Lexicon lexicon = Lexicon.shipped();
        ExtractionModels models = ExtractionModels.shipped();
        int tokens = 0, entityTags = 0;
        for (int which = 0; which < 2; which++) {
            PerceptronTagger tagger = which == 0 ? models.titleTagger() : models.abstractTagger();
            for (String text : which == 0 ? titles : abstracts) {
                List<int[]> ranges = which == 0 ? List.of(new int[] {0, text.length()}) : Sentences.split(text);
                for (int[] r : ranges) {
                    List<Token> toks = Tokenizer.tokens(text, r[0], r[1]);
                    if (toks.isEmpty()) continue;
                    String[] lex = TaggerTrainer.lexiconTags(lexicon, toks);
                    int[] want = floatTags(tagger, toks, lex);
                    int[] got = tags(tagger, toks.size(), tagger.tag(toks, lex));
                    assertArrayEquals(want, got, toks.toString());
                    tokens += want.length;
                    for (int t : want) if (t != 0) entityTags++;
                }
            }
        }
        assertTrue(tokens > 100_000, "tokens: " + tokens);
        assertTrue(entityTags > 10_000, "entity tags: " + entityTags);
    }

    @Test
    void writtenModelReadsBackTheSame() throws Exception {
        String[] tags = {"O", "B-METHOD", "I-METHOD"};
        long[] keys = {Features.h(1, ""), Features.h(2, "bert"), Features.h(2, "the"), Features.h(2, "weak")};
        float[][] w = {{2.5f, -0.5f, -1f}, {-3f, 6f, -3f}, {4f, -2f, -2f}, {0.5f, -1.9f, 0.25f}};
        PerceptronTagger t = new PerceptronTagger(tags, keys, w);
        // Features below MIN_WEIGHT are left out; the largest weight (6.0) is stored as 32767, the others to scale.
        assertNull(t.weights(keys[3]));
        assertEquals(32767, t.weights(keys[1])[1]);
        for (int f = 0; f < 3; f++) {
            for (int k = 0; k < 3; k++) assertEquals(w[f][k], t.weights(keys[f])[k] / t.scale(), 0.5 / t.scale() + 1e-6);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        t.write(bytes);
        PerceptronTagger back = PerceptronTagger.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(t.scale(), back.scale());
        for (int f = 0; f < 3; f++) assertArrayEquals(t.weights(keys[f]), back.weights(keys[f]));
        assertNull(back.weights(keys[3]));
        List<Token> toks = Tokenizer.tokens("the BERT");
        PerceptronTagger.Span span = back.tag(toks, new String[2]).get(0);
        assertEquals(new PerceptronTagger.Span(1, 2, EntityType.METHOD), span);
        assertNotNull(back.weights(keys[0]));
    }

    /** Per token, the tag index a span list gives (0 = outside, else the B- or I- tag). */
    private static int[] tags(PerceptronTagger tagger, int n, List<PerceptronTagger.Span> spans) {
        int[] out = new int[n];
        for (PerceptronTagger.Span s : spans) {
            for (int i = s.from(); i < s.to(); i++) out[i] = index(tagger, (i == s.from() ? "B-" : "I-") + s.type().name());
        }
        return out;
    }

    private static int index(PerceptronTagger tagger, String tag) {
        for (int t = 0; t < tagger.tags.length; t++) if (tagger.tags[t].equals(tag)) return t;
        throw new AssertionError(tag);
    }

    /**
     * The greedy pass as the models were trained and first used: float weights ({@code q / scale}), summed in
     * template order, first best tag on a tie. Spans are read off the tags as the tagger does, so tokens compare
     * through {@link #tags}.
     */
    private static int[] floatTags(PerceptronTagger tagger, List<Token> toks, String[] lex) {
        int n = toks.size(), nt = tagger.tagCount();
        Features.Context c = Features.context(toks, lex);
        long[] feats = new long[Features.MAX];
        float[] scores = new float[nt];
        int[] best = new int[n];
        int prev = -1, prev2 = -1;
        for (int i = 0; i < n; i++) {
            int k = Features.of(c, i, prev, prev2, feats);
            java.util.Arrays.fill(scores, 0f);
            for (int f = 0; f < k; f++) {
                short[] w = tagger.weights(feats[f]);
                if (w != null) for (int t = 0; t < nt; t++) scores[t] += w[t] / tagger.scale();
            }
            int b = -1;
            for (int t = 0; t < nt; t++) {
                if (!tagger.allowed(prev, t)) continue;
                if (b < 0 || scores[t] > scores[b]) b = t;
            }
            best[i] = b;
            prev2 = prev;
            prev = b;
        }
        // Spans as PerceptronTagger.tag reads them: a B- or I- tag starts a span, I- tags of its type continue it.
        List<PerceptronTagger.Span> spans = new ArrayList<>();
        int i = 0;
        while (i < n) {
            EntityType type = type(tagger, best[i]);
            if (type == null) { i++; continue; }
            int j = i + 1;
            while (j < n && tagger.tags[best[j]].startsWith("I-") && type(tagger, best[j]) == type) j++;
            spans.add(new PerceptronTagger.Span(i, j, type));
            i = j;
        }
        return tags(tagger, n, spans);
    }

    private static EntityType type(PerceptronTagger tagger, int t) {
        String tag = tagger.tags[t];
        return tag.equals("O") ? null : EntityType.parse(tag.substring(2));
    }
}
