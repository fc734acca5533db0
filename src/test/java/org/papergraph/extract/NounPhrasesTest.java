package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.papergraph.SharedData;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.source.PaperRecord;
import org.papergraph.vocab.EntityType;

/**
 * Entity spans are names, on real text read at test time: the seed listing in {@code ../shared} and the demo corpus
 * bundled in the jar. Every case here failed before the noun-phrase rules ("Attention Is", "GPU and", "Common
 * Objects in", "LLaMA is", "Mamba offers benefits", "A Comparative Study", "Du" of "y = Cx + Du", "Amazon").
 */
class NounPhrasesTest {
    /** Function words and auxiliaries: a closed list written for this test, independent of the tagger's. */
    private static final Set<String> FUNCTION = Set.of("a", "an", "the", "this", "that", "these", "those", "and", "or", "but", "nor",
            "of", "in", "on", "for", "to", "with", "by", "from", "at", "as", "into", "over", "via", "is", "are", "was", "were", "be",
            "been", "being", "have", "has", "had", "can", "could", "will", "would", "may", "might", "must", "should", "do", "does",
            "did", "we", "you", "it", "they", "he", "she", "our", "their", "its", "which", "who", "whose", "than", "also", "not");
    private static final Set<String> PRONOUNS = Set.of("we", "you", "it", "they", "i", "he", "she", "us", "them", "our", "this", "these");

    private static final EntityFinder FINDER = new EntityFinder(ExtractionModels.shipped());
    /** Title and abstract of every paper of the listing and of the demo corpus. */
    private static final List<String[]> PAPERS = new ArrayList<>();

    @BeforeAll
    static void read() throws Exception {
        for (PaperRecord r : ExtractionBenchmark.listing(SharedData.listing())) PAPERS.add(new String[] {r.title(), r.abstractText()});
        try (InputStream in = NounPhrasesTest.class.getResourceAsStream("/demo/papers.jsonl")) {
            assertNotNull(in, "the demo corpus is on the class path");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                JsonObject o = JSON.parse(line);
                PAPERS.add(new String[] {o.get("title").getAsString().value(), o.hasKey("abstract") ? o.get("abstract").getAsString().value() : null});
            }
        }
        assertTrue(PAPERS.size() > 200, "papers read: " + PAPERS.size());
    }

    /** The shown spans of a paper as "TYPE surface", title first. */
    private static List<String> shown(String[] paper) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            String text = paper[k];
            if (text == null) continue;
            for (EntityFinder.Found f : FINDER.find(text, k == 0 ? EntityFinder.Field.TITLE : EntityFinder.Field.ABSTRACT)) {
                if (f.shown()) out.add(f.type() + " " + text.substring(f.start(), f.end()));
            }
        }
        return out;
    }

    private static String[] paper(String titleStart) {
        for (String[] p : PAPERS) if (p[0].startsWith(titleStart)) return p;
        throw new AssertionError("no paper titled " + titleStart);
    }

    @Test
    void noSpanOfTheListingOrTheDemoEndsOrStartsInAFunctionWordOrIsAPronoun() {
        List<String> bad = new ArrayList<>();
        int spans = 0;
        for (String[] p : PAPERS) {
            for (int k = 0; k < 2; k++) {
                String text = p[k];
                if (text == null) continue;
                for (EntityFinder.Found f : FINDER.find(text, k == 0 ? EntityFinder.Field.TITLE : EntityFinder.Field.ABSTRACT)) {
                    spans++;
                    List<Token> toks = Tokenizer.tokens(text, f.start(), f.end());
                    // A capital "A" may end a name ("Q&A"); a lower-case "a" never does.
                    String first = toks.get(0).lower(), last = toks.get(toks.size() - 1).text();
                    if (FUNCTION.contains(last) || (toks.size() > 1 && FUNCTION.contains(first)) || PRONOUNS.contains(first) && toks.size() == 1) {
                        bad.add(f.type() + " [" + text.substring(f.start(), f.end()) + "]");
                    }
                }
            }
        }
        assertTrue(spans > 2000, "spans: " + spans);
        assertTrue(bad.isEmpty(), bad.size() + " spans: " + bad);
    }

    @Test
    void noSpanHasAnUnmatchedBracket() {
        List<String> bad = new ArrayList<>();
        for (String[] p : PAPERS) {
            for (int k = 0; k < 2; k++) {
                String text = p[k];
                if (text == null) continue;
                for (EntityFinder.Found f : FINDER.find(text, k == 0 ? EntityFinder.Field.TITLE : EntityFinder.Field.ABSTRACT)) {
                    String span = text.substring(f.start(), f.end());
                    int depth = 0;
                    boolean unmatched = false;
                    for (char c : span.toCharArray()) {
                        if (c == '(' || c == '[') depth++;
                        else if (c == ')' || c == ']') unmatched |= --depth < 0;
                    }
                    // "CNN) model" of "convolutional neural network (CNN) model".
                    if (unmatched || depth > 0) {
                        bad.add(f.type() + " [" + span + "]");
                    }
                }
            }
        }
        assertTrue(bad.isEmpty(), bad.size() + " spans: " + bad);
    }

    @Test
    void aClauseVerbEndsTheNameBeforeIt() {
        String[] llama = paper("LLaMA: Open and Efficient");
        assertTrue(shown(llama).contains("METHOD LLaMA"), shown(llama).toString());
        assertFalse(shown(llama).stream().anyMatch(s -> s.endsWith(" is")), shown(llama).toString());
        String[] mamba = paper("A Comprehensive Survey of Mamba Architectures");
        List<String> m = shown(mamba);
        assertTrue(m.contains("METHOD Mamba"), "the survey is about Mamba: " + m);
        assertFalse(m.stream().anyMatch(s -> s.contains(" offers") || s.contains(" processes ")), m.toString());
        assertFalse(m.contains("METHOD Restoration and Beyond"), m.toString());
    }

    @Test
    void aTitleIsNotItsFirstWordAndAVerb() {
        for (String s : shown(paper("Attention Is All You Need"))) assertFalse(s.contains("Attention Is"), s);
        for (String s : shown(paper("Microsoft COCO: Common Objects in Context"))) {
            assertFalse(s.endsWith(" in") || s.equals("METHOD Microsoft"), s);
        }
    }

    @Test
    void aPaperGenreIsNoMethod() {
        List<String> s = shown(paper("Document AI: A Comparative Study"));
        assertFalse(s.stream().anyMatch(x -> x.contains("Comparative Study")), s.toString());
    }

    @Test
    void symbolsOfAFormulaAreNoEntities() {
        String text = null;
        for (String[] p : PAPERS) if (p[1] != null && p[1].contains("y = Cx + Du")) text = p[1];
        assertNotNull(text, "the listing abstract with the state-space formula");
        for (EntityFinder.Found f : FINDER.find(text, EntityFinder.Field.ABSTRACT)) {
            String s = text.substring(f.start(), f.end());
            assertFalse(Set.of("y", "Cx", "Du", "C", "D").contains(s), "formula symbol as " + f.type() + ": " + s);
        }
        // Whatever a tagger proposes there: the symbols of "x = Ax + Bu, y = Cx + Du" are no names.
        List<Token> toks = Tokenizer.tokens(text);
        NounPhrases.Sentence sentence = new NounPhrases.Sentence(toks, ExtractionModels.shipped().pos(), ExtractionModels.shipped().edges());
        int checked = 0;
        for (int i = 0; i < toks.size(); i++) {
            if (!Set.of("Ax", "Bu", "Cx", "Du").contains(toks.get(i).text())) continue;
            assertEquals(null, NounPhrases.name(text, sentence, i, i + 1, true, new boolean[toks.size()]), toks.get(i).text());
            assertEquals(null, NounPhrases.name(text, sentence, i, i + 1, false, new boolean[toks.size()]), toks.get(i).text());
            checked++;
        }
        assertEquals(4, checked);
    }

    @Test
    void organisationsAreNoEntities() {
        List<String> imagenet = shown(paper("ImageNet: A large-scale hierarchical image database"));
        assertFalse(imagenet.stream().anyMatch(s -> s.endsWith(" Amazon")), imagenet.toString());
        for (String[] p : PAPERS) {
            for (String s : shown(p)) {
                String name = s.substring(s.indexOf(' ') + 1);
                assertFalse(Set.of("Amazon", "Google", "Microsoft", "Samsung", "OpenAI", "Meta").contains(name), p[0] + ": " + s);
            }
        }
    }

    @Test
    void knownNamesKeepHighConfidence() {
        // The README once advised minConfidence=0.8, which dropped every dataset (all had 0.5).
        List<String> vgg = shown(paper("Very Deep Convolutional Networks for Large-Scale Image Recognition"));
        assertTrue(vgg.contains("DATASET ImageNet") || vgg.stream().anyMatch(s -> s.startsWith("DATASET ImageNet")), vgg.toString());
        double best = 0;
        for (String[] p : PAPERS) {
            if (p[1] == null) continue;
            for (EntityFinder.Found f : FINDER.find(p[1], EntityFinder.Field.ABSTRACT)) {
                if (p[1].substring(f.start(), f.end()).equals("ImageNet")) best = Math.max(best, f.confidence());
            }
        }
        assertTrue(best >= 0.7, "ImageNet's best confidence: " + best);
    }

    @Test
    void aFragmentIsCompletedByTheNounAfterIt() {
        List<Token> toks = Tokenizer.tokens("We train deep convolutional neural networks on images.");
        NounPhrases.Sentence s = new NounPhrases.Sentence(toks, ExtractionModels.shipped().pos(), ExtractionModels.shipped().edges());
        // "deep convolutional neural" (tokens 2-5) as a tagger might cut it.
        int[] name = NounPhrases.name("We train deep convolutional neural networks on images.", s, 2, 5, true, new boolean[toks.size()]);
        assertNotNull(name);
        assertEquals("deep convolutional neural networks", "We train deep convolutional neural networks on images.".substring(name[0], name[1]));
    }

    /**
     * A proper name cut before "of" and a capitalised word goes on through them; lower-case phrases and a sentence's
     * first word alone do not. Fails when the span keeps the tagger's cut ("International Classification").
     */
    @Test
    void aProperNameGoesOnThroughOfAndTheCapitalisedWordsAfterIt() {
        String text = "Tags follow the Universal Decimal Classification of Documents (UDC) scheme.";
        assertEquals("Universal Decimal Classification of Documents", nameOf(text, "Universal Decimal Classification", 0, 3));
        String lower = "The learned weights of Transformer layers are kept.";
        assertEquals("learned weights", nameOf(lower, "learned weights", 0, 2));
        String first = "Weights of Layers are shared.";
        assertEquals("Weights", nameOf(first, "Weights", 0, 1));
    }

    /**
     * A generic head after another generic head names a kind, not a thing ("baseline models", "benchmark datasets");
     * with a word that says which one it stays ("convolutional models"). Fails when only evaluative words may stand
     * before a generic head.
     */
    @Test
    void aGenericHeadAfterAnotherIsNoName() {
        String text = "We compare against baseline models and benchmark datasets with convolutional models.";
        assertNull(nameOf(text, "baseline models", 0, 2));
        assertNull(nameOf(text, "benchmark datasets", 0, 2));
        assertEquals("convolutional models", nameOf(text, "convolutional models", 0, 2));
    }

    /**
     * In a paper's abstract one name is one kind of thing: the spans of one name never carry two types (the listing
     * had "continual learning" as a method and a task in one abstract). Fails when each sentence types its spans alone.
     */
    @Test
    void aNameHasOneTypeInOneAbstract() {
        EntityFinder finder = new EntityFinder(ExtractionModels.shipped());
        int names = 0;
        for (String[] p : PAPERS) {
            if (p[1] == null) continue;
            java.util.Map<String, java.util.Set<org.papergraph.vocab.EntityType>> types = new java.util.HashMap<>();
            for (EntityFinder.Found f : finder.find(p[1], EntityFinder.Field.ABSTRACT)) {
                if (f.source() == EntityFinder.Source.LEXICON) continue;
                types.computeIfAbsent(Tokenizer.key(p[1].substring(f.start(), f.end())), k -> new java.util.HashSet<>()).add(f.type());
            }
            for (var e : types.entrySet()) assertEquals(1, e.getValue().size(), e.getKey() + " in " + p[0]);
            names += types.size();
        }
        assertTrue(names > 1000, "names: " + names);
    }

    /** The tokens of the sentence of {@code text} holding {@code phrase}, and the name the rules make of [from, to). */
    private static String nameOf(String text, String phrase, int from, int to) {
        int at = text.indexOf(phrase);
        assertTrue(at >= 0, "the text holds " + phrase);
        List<Token> toks = Tokenizer.tokens(text);
        int a = -1;
        for (int i = 0; i < toks.size(); i++) if (toks.get(i).start() == at) a = i;
        assertTrue(a >= 0, phrase);
        NounPhrases.Sentence s = new NounPhrases.Sentence(toks, ExtractionModels.shipped().pos(), ExtractionModels.shipped().edges());
        int[] name = NounPhrases.name(text, s, a + from, a + to, true, new boolean[toks.size()]);
        return name == null ? null : text.substring(name[0], name[1]);
    }

    private static String textWith(String phrase) {
        for (String[] p : PAPERS) for (String t : p) if (t != null && t.contains(phrase)) return t;
        throw new AssertionError("no title or abstract holds " + phrase);
    }

    @Test
    void anAdverbOrAMeasurementAfterTheNameIsNoPartOfIt() {
        // Demo: "relies on attention alone", "trained with backpropagation alone", "running 1.8x faster than".
        assertEquals("backpropagation", nameOf(textWith("backpropagation alone"), "backpropagation alone", 0, 2));
        assertEquals("attention", nameOf(textWith("attention alone"), "attention alone", 0, 2));
        String mnas = textWith("running 1.8x faster");
        String name = nameOf(mnas, "running 1.8x", 0, 2);
        assertTrue(name == null || !name.contains("1.8x"), name);
        for (String[] p : PAPERS) {
            for (String s : shown(p)) assertFalse(s.endsWith(" alone") || s.endsWith(" 1.8x"), p[0] + ": " + s);
        }
        assertTrue(NounPhrases.measure(Tokenizer.tokens("1.8x").get(0)));
        assertTrue(NounPhrases.measure(Tokenizer.tokens("78ms").get(0)));
        assertTrue(NounPhrases.measure(Tokenizer.tokens("340M").get(0)));
        assertFalse(NounPhrases.measure(Tokenizer.tokens("3D").get(0)));
        assertFalse(NounPhrases.measure(Tokenizer.tokens("2014").get(0)));
        assertFalse(NounPhrases.measure(Tokenizer.tokens("T5").get(0)));
    }

    @Test
    void aTitleNameStoppedOneNounShortOfItsPhraseIsCompleted() {
        // Demo: "LLaMA: Open and Efficient Foundation Language Models" once showed "Efficient Foundation Language".
        List<String> llama = shown(paper("LLaMA: Open and Efficient"));
        assertFalse(llama.stream().anyMatch(s -> s.endsWith(" Language")), llama.toString());
        List<String> bn = shown(paper("Batch Normalization: Accelerating"));
        assertFalse(bn.stream().anyMatch(s -> s.endsWith(" Covariate")), bn.toString());
    }

    @Test
    void adjectivesPairedByAndAreNoPartOfTheName() {
        // Demo: "LLaMA: Open and Efficient Foundation Language Models" showed the method "Efficient Foundation Language
        // Models". The pair says what the models are like; the name is what follows it.
        List<String> llama = shown(paper("LLaMA: Open and Efficient"));
        assertFalse(llama.stream().anyMatch(s -> s.contains("Efficient")), llama.toString());
        for (String title : List.of("Fast and Accurate Graph Convolutional Networks", "Simple and Effective Neural Dependency Parsing",
                "Robust or Cheap Sparse Attention Transformers")) {
            for (EntityFinder.Found f : FINDER.find(title, EntityFinder.Field.TITLE)) {
                String span = title.substring(f.start(), f.end());
                assertFalse(span.startsWith("Fast") || span.startsWith("Accurate") || span.startsWith("Simple")
                        || span.startsWith("Effective") || span.startsWith("Robust") || span.startsWith("Cheap"), title + ": " + span);
            }
        }
        // The pair is dropped whether the span starts at it or after its "and"; without a pair an adjective may
        // open a name.
        String pair = "Sparse and Efficient Graph Attention Networks for Traffic";
        assertEquals("Graph Attention Networks", nameIn(pair, 0, 6));
        assertEquals("Graph Attention Networks", nameIn(pair, 2, 6));
        assertEquals("Efficient Neural Architecture Search", nameIn("Efficient Neural Architecture Search via Parameter Sharing", 0, 4));
        assertEquals("Question and Answer Generation", nameIn("Question and Answer Generation for Reading Tests", 0, 4));
        assertEquals("symbolic reasoning", nameIn("models for arithmetic, commonsense and symbolic reasoning", 6, 8));
        assertEquals("named entity recognition", nameIn("results on word similarity and named entity recognition", 5, 8));
    }

    /** The name NounPhrases makes of tokens [from, to) of {@code text}. */
    private static String nameIn(String text, int from, int to) {
        List<Token> toks = Tokenizer.tokens(text);
        NounPhrases.Sentence s = new NounPhrases.Sentence(toks, ExtractionModels.shipped().pos(), ExtractionModels.shipped().edges());
        int[] name = NounPhrases.name(text, s, from, to, true, new boolean[toks.size()]);
        return name == null ? null : text.substring(name[0], name[1]);
    }

    @Test
    void aParticipleAfterTheNameEndsIt() {
        // Listing: "a human-anchored fine-tuning strategy tailored for the online ranking system".
        assertEquals("human-anchored fine-tuning strategy",
                nameOf(textWith("strategy tailored for"), "human-anchored fine-tuning strategy tailored", 0, 4));
    }

    @Test
    void aCoinedWordNamesNeverEndInIsCompleted() {
        // Listing: "stacked Long Short-Term Memory (LSTM) networks", cut by a tagger after "Short-Term".
        assertEquals("stacked Long Short-Term Memory", nameOf(textWith("stacked Long Short-Term Memory"), "stacked Long Short-Term", 0, 3));
        assertTrue(shown(paper("Long Short-Term Memory")).contains("METHOD Long Short-Term Memory"), shown(paper("Long Short-Term Memory")).toString());
    }

    @Test
    void aVerbOfAnActIsNoPartOfTheMethodItActsOn() {
        List<String> noise = shown(paper("Adding Gradient Noise"));
        assertFalse(noise.stream().anyMatch(s -> s.contains("Adding")), noise.toString());
        // The statistics tell a verb ("adding" starts no name of 270) from a modifier ("denoising" starts 92 of 200).
        List<Token> toks = Tokenizer.tokens("Denoising Diffusion Probabilistic Models");
        NounPhrases.Sentence s = new NounPhrases.Sentence(toks, ExtractionModels.shipped().pos(), ExtractionModels.shipped().edges());
        assertFalse(NounPhrases.gerundFirst(s, 0, toks.size()));
        assertTrue(shown(paper("Denoising Diffusion Probabilistic Models")).contains("METHOD Denoising Diffusion Probabilistic Models"),
                shown(paper("Denoising Diffusion Probabilistic Models")).toString());
        String title = paper("Adding Gradient Noise")[0];
        toks = Tokenizer.tokens(title);
        s = new NounPhrases.Sentence(toks, ExtractionModels.shipped().pos(), ExtractionModels.shipped().edges());
        assertTrue(NounPhrases.gerundFirst(s, 0, 3), title);
    }

    @Test
    void aNameIsTypedByItsHeadWhenTheTaggerGivesItATypeTheHeadNeverHas() {
        SpanEdges edges = ExtractionModels.shipped().edges();
        assertEquals(org.papergraph.vocab.EntityType.METHOD, edges.usualType("models", org.papergraph.vocab.EntityType.TASK));
        assertEquals(org.papergraph.vocab.EntityType.TASK, edges.usualType("verification", org.papergraph.vocab.EntityType.METHOD));
        assertEquals(null, edges.usualType("models", org.papergraph.vocab.EntityType.METHOD));
        // Listing: "... conduct document retrieval, sentence selection, and claim verification jointly".
        for (String[] p : PAPERS) {
            for (String s : shown(p)) assertFalse(s.equals("METHOD claim verification") || s.equals("TASK ranking models"), p[0] + ": " + s);
        }
    }

    @Test
    void anOrdinaryWordAloneIsNoTaskOrMetric() {
        // The listing once showed the task "inference" 13 times and the metric "quality" 22 times.
        for (String[] p : PAPERS) {
            for (String s : shown(p)) {
                assertFalse(Set.of("TASK inference", "TASK analysis", "TASK training", "METRIC quality", "METRIC Quality").contains(s),
                        p[0] + ": " + s);
            }
        }
    }

    @Test
    void aOneWordTaskIsAnActivityOrAListedNameTakesItsListedType() {
        // After the confidence refit of ADR 0022 the listing showed the tasks "people", "Si", "non-ML",
        // "out-of-the-box", "translating" and the demo "trillion"; "DETR" and "ILSVRC" were tasks, "NeRFs" too.
        Set<String> nonsense = Set.of("TASK people", "TASK Si", "TASK non-ML", "TASK out-of-the-box", "TASK translating", "TASK trillion",
                "TASK DETR", "TASK ILSVRC", "TASK NeRFs");
        List<String> all = new ArrayList<>();
        for (String[] p : PAPERS) {
            List<String> spans = shown(p);
            all.addAll(spans);
            for (String s : spans) assertFalse(nonsense.contains(s), p[0] + ": " + s);
        }
        assertTrue(all.contains("METHOD DETR"), "DETR begins listed method names (DETR-R101)");
        // ILSVRC is found as a dataset (shown or not).
        boolean dataset = false;
        for (String[] p : PAPERS) {
            if (p[1] == null) continue;
            for (EntityFinder.Found f : FINDER.find(p[1], EntityFinder.Field.ABSTRACT)) {
                dataset |= f.type() == EntityType.DATASET && p[1].substring(f.start(), f.end()).equals("ILSVRC");
            }
        }
        assertTrue(dataset, "ILSVRC begins listed dataset names (ILSVRC 2015)");
        assertTrue(all.contains("METHOD NeRFs"), "NeRFs is the plural of the listed method NeRF");
        // Tasks that are activities or listed acronyms stay.
        for (String kept : List.of("TASK summarization", "TASK retrieval", "TASK parsing", "TASK IR", "TASK NLI", "TASK super-resolution")) {
            assertTrue(all.contains(kept), kept);
        }
    }

    @Test
    void aHyphenatedModifierIsNoEndOfAName() {
        SpanEdges edges = ExtractionModels.shipped().edges();
        // By the last part's counts over the train splits ("-based" ends 46 of 2,449 names it is in), and a participle
        // as last part, whatever the word ("-shaped", "-gated").
        for (String w : List.of("MLP-based", "UNet-shaped", "spatially-gated", "Scene-Aware", "Patient-Specific")) {
            assertTrue(edges.notAnEnd(Tokenizer.tokens(w).get(0)), w);
        }
        // A last part written in capitals or digits is a name's ("UNIBA-CORE", "GPT-4"); a noun ends names ("Fast R-CNN").
        for (String w : List.of("UNIBA-CORE", "GPT-4", "R-CNN", "Wav2Vec-2", "self-attention")) {
            assertFalse(edges.notAnEnd(Tokenizer.tokens(w).get(0)), w);
        }
        // Listing: "long-range interactions enabled by spatially-gated MLPs", a tagger span of the modifier alone.
        assertEquals("spatially-gated MLPs", nameOf(textWith("spatially-gated MLPs"), "spatially-gated MLPs", 0, 1));
        for (String[] p : PAPERS) {
            for (String s : shown(p)) {
                String surface = s.substring(s.indexOf(' ') + 1);
                assertFalse(surface.indexOf(' ') < 0 && surface.matches("(?i).*-(based|shaped|gated|aware|specific)"), p[0] + ": " + s);
            }
        }
    }

    @Test
    void theSuffixStatisticsAreCountedOnTheGoldNames() throws Exception {
        // "-based" words inside names, never last; "-guided" words last in most of their names.
        List<org.papergraph.eval.GoldDoc> docs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String text = "We use CNN-based encoders and text-guided";
            docs.add(new org.papergraph.eval.GoldDoc("d" + i, text, List.of(
                    new org.papergraph.eval.GoldSpan(7, 25, EntityType.METHOD), new org.papergraph.eval.GoldSpan(30, 41, EntityType.METHOD))));
        }
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("edges", ".tsv");
        try {
            SpanEdges.build(docs, tmp);
            SpanEdges edges;
            try (InputStream in = java.nio.file.Files.newInputStream(tmp)) { edges = SpanEdges.read(in); }
            assertTrue(edges.notAnEnd(Tokenizer.tokens("MLP-based").get(0)));
            assertFalse(edges.notAnEnd(Tokenizer.tokens("image-guided").get(0)));
            // Participles are counted as one class too: "-based" and "-guided" together end 12 of 24 names.
            assertFalse(edges.notAnEnd(Tokenizer.tokens("UNet-shaped").get(0)));
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    @Test
    void anAdjectiveAfterTheNameIsAModifierOfTheNounAfterIt() {
        // Listing: "GPU-based self-critical" (of "a GPU-based self-critical sequence training") was a name.
        for (String[] p : PAPERS) {
            for (String s : shown(p)) assertFalse(s.endsWith(" self-critical"), p[0] + ": " + s);
        }
        String text = "The regularizer keeps the hidden features invariant in practice.";
        List<Token> toks = Tokenizer.tokens(text);
        NounPhrases.Sentence s = new NounPhrases.Sentence(toks, ExtractionModels.shipped().pos(), ExtractionModels.shipped().edges());
        // "hidden features invariant" (tokens 4-7): the adjective said of the name is no part of it.
        int[] name = NounPhrases.name(text, s, 4, 7, true, new boolean[toks.size()]);
        assertNotNull(name);
        assertEquals("hidden features", text.substring(name[0], name[1]));
    }

    @Test
    void aClauseVerbAfterTheNameEndsIt() {
        // Demo: "LDMs set a new state of the art", "lets one model, loss and decoding procedure cover them all".
        assertEquals("LDMs", nameOf(textWith("LDMs set a new"), "LDMs set", 0, 2));
        assertEquals("loss and decoding procedure", nameOf(textWith("decoding procedure cover"), "loss and decoding procedure cover", 0, 5));
        // A relative pronoun after the noun starts no object: "a parallelization variant that processes ...".
        assertEquals("parallelization variant", nameOf(textWith("parallelization variant that"), "parallelization variant", 0, 2));
        for (String[] p : PAPERS) {
            for (String sp : shown(p)) assertFalse(sp.endsWith(" set") || sp.endsWith(" cover"), p[0] + ": " + sp);
        }
    }

    @Test
    void aSpanCrossingAKnownNameYieldsToIt() {
        // Demo: "a jointly learned encoder makes posterior inference cheap" gave the method "inference cheap".
        List<String> vae = shown(paper("Auto-Encoding Variational Bayes"));
        assertFalse(vae.contains("METHOD inference cheap"), vae.toString());
        // The known name's span is found (its confidence, 0.49 since the refit of ADR 0026, is the model's business).
        String[] p = paper("Auto-Encoding Variational Bayes");
        List<String> found = FINDER.find(p[1], EntityFinder.Field.ABSTRACT).stream().map(f -> f.type() + " " + p[1].substring(f.start(), f.end())).toList();
        assertFalse(found.contains("METHOD inference cheap"), found.toString());
        assertTrue(found.contains("TASK posterior inference"), found.toString());
    }

    @Test
    void theWordsADatasetsShortNameStandsForNameThatDataset() {
        // Demo: "Microsoft COCO: Common Objects in Context" showed a method "Common Objects in Context".
        List<String> coco = shown(paper("Microsoft COCO"));
        assertFalse(coco.contains("METHOD Common Objects in Context"), coco.toString());
        assertTrue(coco.contains("DATASET Common Objects in Context"), coco.toString());
        org.papergraph.extract.lexicon.Lexicon lexicon = ExtractionModels.shipped().lexicon();
        String text = "We evaluate on the Patch Camelyon (PCam) benchmark.";
        List<Token> toks = Tokenizer.tokens(text);
        assertTrue(EntityFinder.spellsOutDataset(text, toks, lexicon.match(toks), 4, 6) || lexicon.lookup("PCam") == null);
        // The short name must be spelt out from its first letter.
        String other = "We evaluate on the Camelyon Patch (PCam) benchmark.";
        List<Token> otherToks = Tokenizer.tokens(other);
        assertFalse(EntityFinder.spellsOutDataset(other, otherToks, lexicon.match(otherToks), 4, 6));
    }
}
