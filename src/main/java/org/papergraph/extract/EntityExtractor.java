package org.papergraph.extract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.vocab.PG;

/**
 * Methods, datasets, tasks and metrics named in a paper's title and abstract, one {@code pg:Mention} per occurrence
 * with its evidence (surface, field, UTF-16 offsets, sentence, role, confidence, extractor), each pointing at the
 * canonical entity it resolves to (see docs/adr/0002-mentions-and-evidence.md). Stateless over shared immutable
 * models; safe from many threads.
 */
public final class EntityExtractor implements Extractor {
    public static final String NAME = "entities";

    /** Roles a mention can have; what the paper does with the entity. */
    public static final String PROPOSED = "proposed", INTRODUCED = "introduced", USED = "used", COMPARED = "compared";

    private static final Pattern PROPOSE = Pattern.compile(
            "(?i)\\b(?:we|this (?:paper|work)|here)\\b.{0,60}\\b(?:propos|introduc|present|develop|design|releas|construct|"
            + "build|built|creat|collect|call|dub|nam|term|coin)\\w*\\b");
    private static final Pattern NAMED_JUST_BEFORE = Pattern.compile("(?i)(?:\\b(?:called|named|dubbed|termed|coined|our)|:)\\s*$");
    private static final Pattern COMPARE_BEFORE = Pattern.compile(
            "(?i)\\b(?:than|outperform\\w*|surpass\\w*|compared (?:to|with)|over|against|baselines?|versus|vs\\.?|such as|including|e\\.g\\.,?|like)\\b"
            + "(?:(?!\\b(?:use|uses|using|used|adopt\\w*|employ\\w*|based on|build on)\\b)[^.;]){0,40}$");

    private final Iris iris;
    private final EntityFinder finder;
    private final EntityResolver resolver;
    private final EntityNodes nodes;

    public EntityExtractor(Iris iris) { this(iris, ExtractionModels.shipped()); }

    public EntityExtractor(Iris iris, ExtractionModels models) {
        this.iris = iris;
        this.finder = new EntityFinder(models);
        this.resolver = new EntityResolver(models.lexicon());
        this.nodes = new EntityNodes(iris, resolver);
    }

    @Override
    public String name() { return NAME; }

    @Override
    public void extract(PaperRecord r, Node graph, StreamRDF out) {
        Quads q = new Quads(graph, out);
        Node paper = iris.paper(r);
        Node by = iris.extractor(NAME);
        // Each entity is described once per record, however often it is mentioned.
        java.util.Set<Node> described = new java.util.HashSet<>();
        emit(q, paper, by, r.title(), EntityFinder.Field.TITLE, described);
        emit(q, paper, by, r.abstractText(), EntityFinder.Field.ABSTRACT, described);
    }

    private void emit(Quads q, Node paper, Node by, String text, EntityFinder.Field field, java.util.Set<Node> described) {
        if (text == null) return;
        List<EntityFinder.Found> found = finder.find(text, field);
        // A title's own dataset is labelled with the short name the title gives it ("MOROCO: The Moldavian and
        // Romanian Dialectal Corpus"); the mention keeps the phrase that was matched, which becomes an altLabel, and
        // the short name is not also a method.
        java.util.Map<EntityFinder.Found, String> names = new java.util.HashMap<>();
        if (field == EntityFinder.Field.TITLE) {
            for (EntityFinder.Found f : found) {
                if (!ownDataset(f, field)) continue;
                String name = TitleDatasets.shortName(text, f.start(), f.end());
                if (name != null) names.put(f, name);
            }
        }
        for (EntityFinder.Found f : found) {
            if (!keep(f, text)) continue;
            String surface = text.substring(f.start(), f.end());
            if (f.type() == EntityType.METHOD && names.containsValue(surface)) continue;
            String canonical = resolver.canonical(f.type(), names.getOrDefault(f, surface));
            Node entity = f.type().iri(iris, canonical);
            if (described.add(entity) || !surface.equals(canonical)) nodes.describe(q, entity, f.type(), canonical, surface);
            Node m = iris.mention(paper.getURI(), field.label(), Integer.toString(f.start()), Integer.toString(f.end()), f.type().label());
            q.add(paper, PG.hasMention, m);
            q.add(m, RDF.type.asNode(), PG.Mention);
            q.add(m, PG.entity, entity);
            q.literal(m, PG.surface, surface);
            q.literal(m, PG.role, ownDataset(f, field) ? INTRODUCED : role(f, text));
            q.literal(m, PG.confidence, decimal(f.confidence()), XSDDatatype.XSDdecimal);
            q.literal(m, PG.field, field.label());
            q.integer(m, PG.start, f.start());
            q.integer(m, PG.end, f.end());
            q.literal(m, PG.sentence, text.substring(f.sentenceStart(), f.sentenceEnd()));
            q.add(m, PG.extractedBy, by);
        }
    }

    /** A dataset phrase of a title (not a known name): under the title convention, the dataset the paper builds. */
    private static boolean ownDataset(EntityFinder.Found f, EntityFinder.Field field) {
        return field == EntityFinder.Field.TITLE && f.type() == EntityType.DATASET && f.entry() == null;
    }

    /**
     * Unknown one-word lower-case spans ("algorithm", "it") are generic words, not names. Everything else is kept
     * with its calibrated confidence; consumers choose their own cut-off in SPARQL.
     */
    static boolean keep(EntityFinder.Found f, String text) {
        if (f.entry() != null) return true;
        String s = text.substring(f.start(), f.end());
        if (s.length() < 2) return false;
        return !(s.indexOf(' ') < 0 && s.equals(s.toLowerCase()));
    }

    /** What the text says the paper does with the entity, read from the words before it in its sentence. */
    static String role(EntityFinder.Found f, String text) {
        // Only a bounded window before the mention is matched, so the cost per mention stays constant.
        int from = Math.max(f.sentenceStart(), f.start() - 100);
        String before = text.substring(from, f.start());
        boolean proposes = NAMED_JUST_BEFORE.matcher(before).find() || PROPOSE.matcher(before).find()
                || (f.sentenceStart() == 0 && f.start() == 0 && text.startsWith(":", f.end()));
        boolean compares = COMPARE_BEFORE.matcher(before.length() > 60 ? before.substring(before.length() - 60) : before).find();
        return switch (f.type()) {
            case METHOD -> compares ? COMPARED : proposes ? PROPOSED : USED;
            case DATASET -> proposes && !compares ? INTRODUCED : USED;
            default -> USED;
        };
    }

    static String decimal(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
