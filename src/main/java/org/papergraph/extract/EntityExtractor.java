package org.papergraph.extract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.papergraph.extract.tagger.PosTagger;
import org.papergraph.extract.tagger.PosTagger.Pos;
import org.papergraph.extract.text.Token;
import org.papergraph.extract.text.Tokenizer;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.vocab.EntityType;
import org.papergraph.vocab.MentionRole;
import org.papergraph.vocab.PG;

/**
 * Methods, datasets, tasks and metrics named in a paper's title and abstract, one {@code pg:Mention} per occurrence
 * with its evidence (surface, field, UTF-16 offsets, sentence, role, confidence), each pointing at the
 * canonical entity it resolves to (see docs/adr/0002-mentions-and-evidence.md). Stateless over shared immutable
 * models; safe from many threads.
 */
public final class EntityExtractor implements Extractor {
    public static final String NAME = "entities";

    static final Pattern PROPOSE = Pattern.compile(
            "(?i)\\b(?:we|this (?:paper|work)|here)\\b.{0,60}\\b(?:propos|introduc|present|develop|design|releas|construct|"
            + "build|built|creat|collect|call|dub|nam|term|coin)\\w*\\b");
    static final Pattern NAMED_JUST_BEFORE = Pattern.compile("(?i)(?:\\b(?:called|named|dubbed|termed|coined|our)|:)\\s*$");
    static final Pattern COMPARE_BEFORE = Pattern.compile(
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

    /** 2: no {@code rdf:type} on the nodes a predicate's range types, fewer repeated statements (ADR 0024). */
    @Override
    public String version() { return "2"; }

    @Override
    public void extract(PaperRecord r, Node graph, StreamRDF out) {
        Quads q = new Quads(graph, out);
        Node paper = iris.paper(r);
        // Each entity (and each of its other spellings) is described once per record, however often it is mentioned.
        java.util.Set<Object> described = new java.util.HashSet<>();
        // One type per name in the paper: the title and the abstract do not make one name a method and a task.
        List<List<EntityFinder.Found>> found = finder.findPaper(r.title(), r.abstractText());
        emit(q, paper, r.title(), EntityFinder.Field.TITLE, found.get(0), described);
        emit(q, paper, r.abstractText(), EntityFinder.Field.ABSTRACT, found.get(1), described);
    }

    private void emit(Quads q, Node paper, String text, EntityFinder.Field field, List<EntityFinder.Found> found, java.util.Set<Object> described) {
        if (text == null) return;
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
        java.util.Map<EntityFinder.Found, String> roles = expansionRoles(found, text, field);
        Node sentence = null;
        int sentenceStart = -1, sentenceEnd = -1;
        for (EntityFinder.Found f : found) {
            String surface = text.substring(f.start(), f.end());
            if (f.type() == EntityType.METHOD && names.containsValue(surface)) continue;
            String name = names.get(f);
            EntityNodes.Resolved e = nodes.resolve(f.type(), name != null ? name : surface);
            Node entity = e.iri();
            // The title's phrase is another name of the dataset only when it spells out the short name.
            nodes.describe(q, e, name == null || TitleDatasets.abbreviates(name, surface) ? surface : e.canonical(), described);
            Node m = iris.mention(paper.getURI(), field.label(), Integer.toString(f.start()), Integer.toString(f.end()), f.type().label());
            // No rdf:type pg:Mention (the range of pg:hasMention says it) and no pg:extractedBy: a mention with
            // offsets was found in the text by this extractor, named once in its record graph's provenance (ADR 0024).
            q.add(paper, PG.hasMention, m);
            q.add(m, PG.entity, entity);
            q.literal(m, PG.surface, surface);
            String role = roles.get(f);
            if (role == null) role = ownDataset(f, field) ? MentionRole.INTRODUCED : role(f, text, field);
            q.add(m, PG.role, ROLE_LITERALS.get(role));
            q.add(m, PG.confidence, confidenceLiteral(f.confidence()));
            q.add(m, PG.field, FIELD_LITERALS[field.ordinal()]);
            q.add(m, PG.start, integerLiteral(f.start()));
            q.add(m, PG.end, integerLiteral(f.end()));
            // Mentions of one sentence share its literal instead of each copying the sentence.
            if (sentence == null || f.sentenceStart() != sentenceStart || f.sentenceEnd() != sentenceEnd) {
                sentenceStart = f.sentenceStart();
                sentenceEnd = f.sentenceEnd();
                sentence = NodeFactory.createLiteralString(text.substring(sentenceStart, sentenceEnd));
            }
            q.add(m, PG.sentence, sentence);
        }
    }

    /** A dataset phrase of a title (not a known name): under the title convention, the dataset the paper builds. */
    private static boolean ownDataset(EntityFinder.Found f, EntityFinder.Field field) {
        return field == EntityFinder.Field.TITLE && f.type() == EntityType.DATASET && f.entry() == null;
    }

    // Literals every mention repeats, made once: the same nodes as Quads would make each time.
    private static final java.util.Map<String, Node> ROLE_LITERALS = java.util.Map.of(
            MentionRole.PROPOSED, NodeFactory.createLiteralString(MentionRole.PROPOSED), MentionRole.INTRODUCED, NodeFactory.createLiteralString(MentionRole.INTRODUCED),
            MentionRole.USED, NodeFactory.createLiteralString(MentionRole.USED), MentionRole.COMPARED, NodeFactory.createLiteralString(MentionRole.COMPARED));
    private static final Node[] FIELD_LITERALS = java.util.Arrays.stream(EntityFinder.Field.values())
            .map(f -> NodeFactory.createLiteralString(f.label())).toArray(Node[]::new);
    private static final java.util.concurrent.atomic.AtomicReferenceArray<Node> INTEGERS = new java.util.concurrent.atomic.AtomicReferenceArray<>(1 << 13);
    private static final java.util.concurrent.ConcurrentHashMap<Double, Node> CONFIDENCES = new java.util.concurrent.ConcurrentHashMap<>();

    /** An {@code xsd:integer} literal; offsets below 8192 (most abstracts) come from a table filled on first use. */
    private static Node integerLiteral(int v) {
        if (v < 0 || v >= INTEGERS.length()) return NodeFactory.createLiteralDT(Integer.toString(v), XSDDatatype.XSDinteger);
        Node n = INTEGERS.get(v);
        if (n == null) {
            n = NodeFactory.createLiteralDT(Integer.toString(v), XSDDatatype.XSDinteger);
            INTEGERS.set(v, n);
        }
        return n;
    }

    private static Node confidenceLiteral(double v) {
        Node n = CONFIDENCES.get(v);
        if (n == null) {
            n = NodeFactory.createLiteralDT(decimal(v), XSDDatatype.XSDdecimal);
            if (CONFIDENCES.size() < 1000) CONFIDENCES.put(v, n);
        }
        return n;
    }

    /** Plain words (and hyphens) between a method inside a name's written-out form and that name's opening bracket. */
    private static final Pattern EXPANSION_GAP = Pattern.compile("[\\p{L}\\p{N}'’ -]{0,80}\\(\\s*");

    /**
     * Roles decided by a short form in brackets rather than by the words before each mention: "we present a new
     * approach named Physics-guided Neural Network for Air Quality Prediction (AirPhyNet)". What the paper proposes is
     * the name in brackets; a method found inside its written-out form ("Neural Network") is what the new thing is
     * built from, so it is used, not proposed, unless it is the whole written-out form, starting with the short
     * form's first letter ("Graph Attention Networks (GATs)"). The short form takes the role the written-out form's
     * method would have had. Methods only; mentions not in the map keep {@link #role}.
     */
    static java.util.Map<EntityFinder.Found, String> expansionRoles(List<EntityFinder.Found> found, String text, EntityFinder.Field field) {
        java.util.Map<EntityFinder.Found, String> roles = new java.util.HashMap<>();
        for (int i = 0; i < found.size(); i++) {
            EntityFinder.Found f = found.get(i);
            if (f.type() != EntityType.METHOD || roles.containsKey(f)) continue;
            EntityFinder.Found shortForm = null;
            for (int j = i + 1; j < found.size() && shortForm == null; j++) {
                EntityFinder.Found g = found.get(j);
                if (g.start() >= f.sentenceEnd() || g.start() - f.end() > 90) break;
                if (g.type() != EntityType.METHOD || g.end() >= text.length() || text.charAt(g.end()) != ')') continue;
                if (!EXPANSION_GAP.matcher(text).region(f.end(), g.start()).matches()) break;
                shortForm = g;
            }
            if (shortForm == null || !MentionRole.PROPOSED.equals(role(f, text, field))) continue;
            String gap = text.substring(f.end(), text.lastIndexOf('(', shortForm.start()));
            boolean whole = gap.isBlank() && Character.toLowerCase(text.charAt(f.start())) == Character.toLowerCase(text.charAt(shortForm.start()));
            if (!whole) roles.put(f, MentionRole.USED);
            roles.put(shortForm, MentionRole.PROPOSED);
        }
        return roles;
    }

    /** What the text says the paper does with the entity, read from the words before it in its sentence. */
    static String role(EntityFinder.Found f, String text) { return role(f, text, EntityFinder.Field.ABSTRACT); }

    /**
     * As {@link #role(EntityFinder.Found, String)}, in {@code field}: in a title that opens with its own short name and
     * a colon ("Lina-Speech: Gated Linear Attention is ..."), the name before the colon is the paper's and a name just
     * after the colon is what it is built on, so the colon does not make that name proposed.
     */
    static String role(EntityFinder.Found f, String text, EntityFinder.Field field) {
        if (field == EntityFinder.Field.TITLE && f.type() == EntityType.METHOD && afterTitleName(text, f.start())) {
            return compares(f, text) ? MentionRole.COMPARED : MentionRole.USED;
        }
        // Only methods and datasets have a role other than "used", and a pattern is matched only when the answer
        // still depends on it: the patterns are a tenth of extraction time.
        return switch (f.type()) {
            case METHOD -> compares(f, text) ? MentionRole.COMPARED : proposes(f, text) ? MentionRole.PROPOSED : MentionRole.USED;
            case DATASET -> proposes(f, text) && !compares(f, text) ? MentionRole.INTRODUCED : MentionRole.USED;
            default -> MentionRole.USED;
        };
    }

    // Only a bounded window before the mention is matched, so the cost per mention stays constant. The window is a
    // matcher region (opaque, anchoring bounds), which matches exactly as the window's substring would.

    private static boolean proposes(EntityFinder.Found f, String text) {
        int from = Math.max(f.sentenceStart(), f.start() - 100);
        return namedJustBefore(text, from, f.start())
                || (mentionsAny(text, from, f.start(), PROPOSE_SUBJECTS) && mentionsAny(text, from, f.start(), PROPOSE_VERBS)
                        && PROPOSE.matcher(text).region(from, f.start()).find() && objectOfProposal(text, from, f.start()))
                || (f.sentenceStart() == 0 && f.start() == 0 && text.startsWith(":", f.end()));
    }

    /** True when {@code start} follows the colon after a title's opening short name (one or two words, no spaces else). */
    static boolean afterTitleName(String text, int start) {
        int colon = text.indexOf(':');
        if (colon <= 0 || colon > 40 || start <= colon || !text.substring(colon + 1, start).isBlank()) return false;
        String head = text.substring(0, colon).trim();
        if (head.isEmpty() || head.split("\\s+").length > 2) return false;
        for (int i = 0; i < head.length(); i++) if (Character.isUpperCase(head.charAt(i))) return true;
        return false;
    }

    /** The proposing verbs of {@link #PROPOSE}, alone. */
    private static final Pattern PROPOSE_VERB = Pattern.compile("(?i)\\b(?:propos|introduc|present|develop|design|releas|construct|"
            + "build|built|creat|collect|call|dub|nam|term|coin)\\w*\\b");
    private static final Set<String> RELATIVE = Set.of("that", "which", "who", "whom", "whose", "where", "when",
            "while", "whereas");

    /**
     * True when the name starting at {@code start} is in the object of the last proposing verb before it in
     * [{@code from}, {@code start}): no preposition, subordinating or relative word, infinitive "to" or verb in -ing
     * stands between them. What the paper introduces is the verb's object ("we propose FedTiny, a distributed pruning
     * framework"); a name attached to it by such a word is something the new thing uses, replaces or is for ("a model
     * that replaces self-attention mechanisms with recurrent architectures", "a framework for federated learning",
     * "a simple sequence model inspired by control systems"). Closed-class words come from the part-of-speech
     * tagger's word lists.
     */
    static boolean objectOfProposal(String text, int from, int start) {
        Matcher m = PROPOSE_VERB.matcher(text).region(from, start);
        int verbEnd = -1;
        while (m.find()) verbEnd = m.end();
        if (verbEnd < 0) return false;
        PosTagger pos = PosTagger.shipped();
        List<Token> gap = Tokenizer.tokens(text, verbEnd, start);
        for (int i = 0; i < gap.size(); i++) {
            String w = gap.get(i).lower();
            if (w.equals("to") || RELATIVE.contains(w)) return false;
            Pos k = pos.known(w);
            // An ambiguous function word ("for", "as") is tagged in its context.
            if (k == null && pos.closedWord(w)) k = pos.tag(gap, i, false);
            if (k == Pos.ADP || k == Pos.SCONJ) return false;
            if (w.endsWith("ing") && k == Pos.VERB) return false;
        }
        return true;
    }

    private static boolean compares(EntityFinder.Found f, String text) {
        int from = Math.max(Math.max(f.sentenceStart(), f.start() - 100), f.start() - 60);
        return mentionsAny(text, from, f.start(), COMPARE_WORDS) && COMPARE_BEFORE.matcher(text).region(from, f.start()).find();
    }

    // Most windows hold none of the words a pattern needs, and saying so by a scan is far cheaper than the regex
    // search (the role patterns were 9% of extraction time in JFR). Each list holds, for every alternative of its
    // pattern, a piece of text that alternative must contain, so a window without any of them cannot match and the
    // result is exactly the pattern's.
    private static final Words PROPOSE_SUBJECTS = new Words("we", "this ", "here");
    private static final Words PROPOSE_VERBS = new Words("propos", "introduc", "present", "develop", "design", "releas",
            "construct", "build", "built", "creat", "collect", "call", "dub", "nam", "term", "coin");
    private static final Words COMPARE_WORDS = new Words("than", "outperform", "surpass", "compared ", "over", "against",
            "baseline", "versus", "vs", "such as", "including", "e.g", "like");

    /**
     * The words of one list, indexed for {@link #mentionsAny}: {@code pairs} has a bit per (first, second) letter
     * pair a word starts with, so most positions of a window are rejected by one table load, not a string compare.
     */
    static final class Words {
        final String[] words;
        final long[] pairs = new long[128 * 128 / 64];

        Words(String... words) {
            this.words = words;
            for (String w : words) {
                if (w.length() < 2) throw new IllegalArgumentException("a gate word needs two characters: " + w);
                int pair = w.charAt(0) << 7 | w.charAt(1);
                pairs[pair >>> 6] |= 1L << pair;
            }
        }
    }

    /**
     * True when {@code text[from, to)} contains one of {@code words} (lower case), ignoring ASCII case. The patterns
     * are {@code (?i)} without UNICODE_CASE, which folds ASCII letters only, so a text the pattern matches holds one of
     * the words under ASCII folding too. (Folding with String.regionMatches was 9% of extraction time in JFR.)
     */
    static boolean mentionsAny(String text, int from, int to, Words words) {
        if (to - from < 2) return false;
        long[] pairs = words.pairs;
        int next = foldAscii(text.charAt(from));
        for (int i = from; i + 1 < to; i++) {
            int c = next;
            next = foldAscii(text.charAt(i + 1));
            if (c >= 128 || next >= 128) continue;
            int pair = c << 7 | next;
            if ((pairs[pair >>> 6] & (1L << pair)) == 0) continue;
            for (String w : words.words) {
                if (w.charAt(0) == c && w.charAt(1) == next && i + w.length() <= to && foldedAt(text, i + 2, w)) return true;
            }
        }
        return false;
    }

    /** True when {@code text} from {@code at} holds {@code w} from its third character on, ignoring ASCII case. */
    private static boolean foldedAt(String text, int at, String w) {
        for (int k = 2; k < w.length(); k++, at++) if (foldAscii(text.charAt(at)) != w.charAt(k)) return false;
        return true;
    }

    private static int foldAscii(char c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

    /**
     * {@link #NAMED_JUST_BEFORE} on {@code text[from, to)}: the pattern ends in white space at the window's end
     * (or before a final line terminator), so the last other character must be a colon or the last letter of one of
     * its words (d, r); the regex runs only then.
     */
    private static boolean namedJustBefore(String text, int from, int to) {
        int e = to;
        while (e > from && isRegexSpace(text.charAt(e - 1))) e--;
        if (e == from) return false;
        char c = text.charAt(e - 1);
        if (c != ':' && c != 'd' && c != 'D' && c != 'r' && c != 'R') return false;
        return NAMED_JUST_BEFORE.matcher(text).region(from, to).find();
    }

    /** The characters of the regex class {@code \s}, and the line terminators {@code $} may stand before. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r'
                || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    static String decimal(double v) {
        // Confidences come from a small table, so their text is cached rather than made with BigDecimal per mention.
        String s = DECIMALS.get(v);
        if (s == null) {
            s = BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
            if (DECIMALS.size() < 1000) DECIMALS.put(v, s);
        }
        return s;
    }

    private static final java.util.concurrent.ConcurrentHashMap<Double, String> DECIMALS = new java.util.concurrent.ConcurrentHashMap<>();
}
