package org.papergraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.esotericsoftware.kryo.serializers.DefaultSerializers;
import org.apache.jena.graph.NodeFactory;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.junit.jupiter.api.Test;
import org.papergraph.resolve.Iris;
import org.papergraph.resolve.PaperResolver;
import org.papergraph.source.PaperMatch;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.Reference;
import org.papergraph.source.SourcePosition;

/**
 * Mentions and directives go through the job's Kryo (as {@link SparkMain} configures it) field by field, as their
 * own {@code write}/{@code read} put them: every field comes back, nulls and empty arrays included, and objects
 * written one after the other in one stream are read back one after the other.
 */
class KryoFormsTest {
    static final Iris IRIS = Iris.defaults();

    static String describe(Mention m) {
        return m.record + "|" + m.ref + "|" + m.arxiv + "|" + m.doi + "|" + m.title + "|" + m.published + "|"
                + Arrays.toString(m.idSchemes) + "|" + Arrays.toString(m.ids) + "|" + m.year + "|"
                + Arrays.toString(m.authors) + "|" + Arrays.toString(m.keys) + "|" + m.matchTitle;
    }

    static String describe(Directive d) {
        return d.seq + "|" + d.duplicate + "|" + d.ref + "|" + d.paper + "|" + d.rule + "|" + d.value + "|"
                + d.conflicting + "|" + d.score;
    }

    static List<Object> roundTrip(List<Object> objects) {
        Kryo kryo = new KryoSerializer(SparkMain.useKryo(new SparkConf())).newKryo();
        Output out = new Output(1 << 12, -1);
        for (Object o : objects) kryo.writeClassAndObject(out, o);
        Input in = new Input(out.toBytes());
        return objects.stream().map(o -> kryo.readClassAndObject(in)).toList();
    }

    @Test
    void mentionsAndDirectivesComeBackWhole() {
        PaperRecord paper = PaperRecord.builder("papergraph-jsonl", SourcePosition.line("papers.jsonl", 3))
                .arxivId("1706.03762").doi("10.5555/3295222.3295349").title("Attention Is All You Need")
                .published("2017-06-12").otherId("openalex", "W2963403868").otherId("s2", "204e3073870fae3d05bcbc2f6a8e263d9b72e776")
                .build();
        Reference withAll = new Reference("Neural Machine Translation by Jointly Learning to Align and Translate", 2014,
                "10.48550/arXiv.1409.0473", "1409.0473", Map.of("pwc", "neural-machine-translation-by-jointly"),
                List.of("Dzmitry Bahdanau", "Kyunghyun Cho", "Yoshua Bengio"), null);
        Reference titleOnly = new Reference("Deep Residual Learning for Image Recognition", null, null, null, Map.of(),
                List.of(), null);
        Reference shortTitle = new Reference("BERT", -1, null, null, Map.of(), List.of(), null);
        Mention own = Mention.ofPaper(Mention.record(3, 17), paper, IRIS, new PaperResolver(IRIS, PaperResolver.DEFAULT_THRESHOLD));
        Mention first = Mention.ofReference(Mention.record(3, 17), 0, withAll, IRIS);
        Mention second = Mention.ofReference(Mention.record(3, 17), 1, titleOnly, IRIS);
        Mention third = Mention.ofReference(Mention.record(70000, 123456), 2, shortTitle, IRIS);
        assertNotNull(third.keys);
        assertEquals(null, third.matchTitle, "too short a title to match on");
        Directive link = Directive.link(17, 1, new PaperMatch(NodeFactory.createURI("https://papergraph.org/id/paper/arxiv/1409.0473"),
                "title-similar", 0.937, "neural machine translation", NodeFactory.createURI("https://papergraph.org/id/paper/doi/x")));
        Directive plain = Directive.link(5, -1, new PaperMatch(NodeFactory.createURI("https://papergraph.org/id/paper/arxiv/1706.03762"),
                "arxiv", 1.0, "1706.03762", null));
        Directive duplicate = Directive.duplicate(99);

        List<Object> sent = List.of(own, link, first, duplicate, second, plain, third);
        List<Object> back = roundTrip(sent);
        for (int i = 0; i < sent.size(); i++) {
            Object s = sent.get(i), b = back.get(i);
            assertEquals(s.getClass(), b.getClass());
            if (s instanceof Mention m) assertEquals(describe(m), describe((Mention) b));
            else assertEquals(describe((Directive) s), describe((Directive) b));
        }
        Mention ref = (Mention) back.get(2);
        assertEquals(withAll, ref.reference(), "the reference the resolver is given");
        assertEquals(paper.title(), ((Mention) back.get(0)).paperRecord().title());
    }

    /** The word stream's rows and a mention's word counts come back whole, as their registered classes. */
    @Test
    void wordRowsAndCountsComeBackWhole() {
        Mention own = Mention.ofPaper(Mention.record(2, 9), PaperRecord.builder("papergraph-jsonl", SourcePosition.line("p.jsonl", 10))
                .arxivId("1706.03762").title("Attention Is All You Need Again").build(), IRIS, new PaperResolver(IRIS, PaperResolver.DEFAULT_THRESHOLD));
        WordEvent query = WordEvent.query("attention", own);
        WordEvent title = WordEvent.title("again", 5, -1, WordEvent.TITLE_WITHOUT_ARXIV, "attention is all you need again");
        MentionWords words = MentionWords.of(List.of(new Object[] {query, 3, 1}, new Object[] {WordEvent.query("again", own), 0, 0}));
        List<Object> back = roundTrip(List.of(query, title, words));
        for (int i = 0; i < 2; i++) {
            WordEvent s = (WordEvent) List.of(query, title).get(i), b = (WordEvent) back.get(i);
            assertEquals(0, s.compareTo(b));
            assertEquals(s.title + s.key + s.arxiv + s.reference, b.title + b.key + b.arxiv + b.reference);
        }
        MentionWords b = (MentionWords) back.get(2);
        assertEquals(List.of(2L << 32 | 9, -1L, own.keys[0], 1L), List.of(b.record, (long) b.ref, b.key, b.arxiv ? 1L : 0L));
        assertEquals("attention is all you need again", b.title);
        assertEquals(List.of("again", "attention"), Arrays.asList(b.words));
        assertEquals(3, b.count("attention", false));
        assertEquals(1, b.count("attention", true));
        assertEquals(-1, b.count("need", false), "not a word of the title's counts");
    }

    @Test
    void kryoUsesTheClassesOwnForms() {
        Kryo kryo = new KryoSerializer(SparkMain.useKryo(new SparkConf())).newKryo();
        assertInstanceOf(DefaultSerializers.KryoSerializableSerializer.class, kryo.getSerializer(Mention.class));
        assertInstanceOf(DefaultSerializers.KryoSerializableSerializer.class, kryo.getSerializer(Directive.class));
    }
}
