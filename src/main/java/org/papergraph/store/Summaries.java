package org.papergraph.store;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.NodeIdInline;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.papergraph.vocab.CITO;
import org.papergraph.vocab.PG;

/**
 * The store's summaries (ADR 0017): counts and paper orders that would otherwise take a pass over the whole graph,
 * kept up to date in the transaction of every write. They live in the store's default graph, which the union of the
 * named graphs (what every query reads as its default graph) leaves out, as triples of inline integers:
 * <ul>
 *   <li>{@code C pg:resourceCount n}: the distinct resources of class {@code C} in the union graph (what
 *       {@code SELECT ?c (COUNT(*) AS ?n) { ?s a ?c } GROUP BY ?c} counts);</li>
 *   <li>{@code P pg:citedByCount n}: the distinct papers citing {@code P}, and {@code pg:Summaries pg:citationCount n}
 *       the distinct citation links of the graph (what {@code SELECT (COUNT(*) AS ?n) { ?a cito:cites ?b }}
 *       counts);</li>
 *   <li>{@code E pg:namedCount n}: the distinct mentions ({@code pg:entity}) and results ({@code pg:dataset},
 *       {@code pg:method}, {@code pg:task}, {@code pg:metric}) naming {@code E}, counted per statement;</li>
 *   <li>for every {@code pg:Paper}, one key per order ({@link PaperOrder}): {@code pg:newestFirstKey},
 *       {@code pg:oldestFirstKey} (its earliest {@code dcterms:issued}), {@code pg:titleKey} (the first nine letters
 *       and digits of its least title) and {@code pg:mostCitedKey}; for a dated paper also {@code pg:monthCitedKey}
 *       (the month of its earliest date, then its citations, most first, then the day, newest first). A walk of the triple index that leads with
 *       the predicate and then the object visits the papers in that order, smaller keys first;</li>
 *   <li>{@code E pg:mostNamedKey k} for every dataset, method, task and metric that something names: its kind, then
 *       its named count, most first ({@link #mostNamed}), so the most named of a kind are the first entries of one
 *       range of that walk;</li>
 *   <li>{@code pg:Summaries pg:summaryVersion 1}: the summaries are complete and in this layout.</li>
 * </ul>
 *
 * <p>Writes through {@link GraphStore#datasetGraph()} pass {@link SummaryWrites}, which notes what they change in the
 * union graph and calls {@link #apply} before the transaction commits. A bulk load computes them from the finished
 * indexes ({@link #build}); a store opened without them, or with another version, gets them the same way.
 * Everything here runs in the caller's transaction.
 */
public final class Summaries {
    private Summaries() {}

    /** The layout version; a store with another is rebuilt when opened. */
    public static final int VERSION = 2;
    static final Node DEFAULT = Quad.defaultGraphIRI;
    private static final Node TYPE = RDF.type.asNode();
    private static final Node ISSUED = DCTerms.issued.asNode();
    private static final Node TITLE = DCTerms.title.asNode();

    /** What a change to a paper asks to recompute: its dates, its titles, its citation count; all when it is new. */
    static final int DATE = 1, TITLES = 2, CITED = 4, ALL = 7;

    /** The key of a paper that lacks what the order goes by: after every other key. */
    static final long MISSING = 1L << 54;
    private static final long DAY0 = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay() - DAY0;
    private static final long DAYS = 1L << 22;
    private static final long MOST_CITATIONS = 1L << 40;
    /**
     * A month key: the month (17 bits reach the year 9999; inline integers hold 55), then the citations (32 bits,
     * most first), then the day of the month (5 bits, latest first).
     */
    private static final int MONTH_SHIFT = 37;
    private static final long MONTH_CITATIONS = (1L << 32) - 1;
    /** Named counts in a most-named key: 48 bits after the kind. */
    private static final int KIND_SHIFT = 48;
    private static final long MOST_NAMED = (1L << KIND_SHIFT) - 1;
    /** The kinds of entity ranked by how often they are named, in {@code pg:mostNamedKey} order (kind 1, 2, ...). */
    static final List<Node> NAMED_KINDS = List.of(PG.Dataset, PG.Method, PG.Task, PG.Metric);
    private static final Pattern DATE_TEXT = Pattern.compile("^\\s*(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

    // ------------------------------------------------------------------------------------------------ keys

    /** Days since 0000-01-01 of a date's lexical form (a year, year-month, date or date-time), or -1. */
    static long day(Node date) {
        if (date == null || !date.isLiteral()) return -1;
        Matcher m = DATE_TEXT.matcher(date.getLiteralLexicalForm());
        if (!m.find()) return -1;
        int year = Integer.parseInt(m.group(1));
        int month = m.group(2) == null ? 1 : Math.max(1, Math.min(12, Integer.parseInt(m.group(2))));
        LocalDate first = LocalDate.of(year, month, 1);
        int day = m.group(3) == null ? 1 : Math.max(1, Math.min(first.lengthOfMonth(), Integer.parseInt(m.group(3))));
        return Math.min(LAST_DAY, first.withDayOfMonth(day).toEpochDay() - DAY0);
    }

    /** Days since 0000-01-01 of {@code date}. */
    static long day(LocalDate date) { return date.toEpochDay() - DAY0; }

    /** The date {@code day} days after 0000-01-01. */
    static LocalDate date(long day) { return LocalDate.ofEpochDay(day + DAY0); }

    static long newestKey(long day) { return day < 0 ? MISSING : DAYS - day; }

    static long oldestKey(long day) { return day < 0 ? MISSING : day; }

    static long citedKey(long count) { return MOST_CITATIONS - Math.min(count, MOST_CITATIONS - 1); }

    /** The months since year 0 of {@code day}'s month. */
    static long monthIndex(long day) {
        LocalDate d = date(day);
        return d.getYear() * 12L + d.getMonthValue() - 1;
    }

    /** The first key of the month {@code monthIndex} in the month-then-citations order; the month ends before the next's. */
    static long monthStart(long monthIndex) { return monthIndex << MONTH_SHIFT; }

    /** A dated paper's key in the month-then-citations order: its month, then most cited first, then newest first. */
    static long monthCitedKey(long day, long count) {
        return monthStart(monthIndex(day)) | (MONTH_CITATIONS - Math.min(count, MONTH_CITATIONS)) << 5
                | (31 - date(day).getDayOfMonth());
    }

    /** The first key of entities of kind {@code kind} (1-based, {@link #NAMED_KINDS}) in the most-named order. */
    static long kindStart(int kind) { return (long) kind << KIND_SHIFT; }

    /** An entity's key in the most-named order: its kind, then most named first. */
    static long namedKey(int kind, long count) { return kindStart(kind) | (MOST_NAMED - Math.min(count, MOST_NAMED)); }

    /**
     * A title as papers are ordered by it: accents and case dropped, letters and digits kept, every run of anything
     * else one space.
     */
    public static String normalTitle(String title) {
        String d = Normalizer.normalize(title, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(d.length());
        boolean gap = false;
        for (int i = 0; i < d.length(); ) {
            int cp = d.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.getType(cp) == Character.NON_SPACING_MARK) continue;
            if (Character.isLetterOrDigit(cp)) {
                if (gap && sb.length() > 0) sb.append(' ');
                gap = false;
                sb.appendCodePoint(Character.toLowerCase(cp));
            } else {
                gap = true;
            }
        }
        return sb.toString();
    }

    /**
     * The key of a title already {@linkplain #normalTitle normalised}: its first nine characters, six bits each,
     * in an order that agrees with {@link String#compareTo} (end, space, digits, a to z, then everything else,
     * which only ties).
     */
    static long titleKey(String normal) {
        if (normal == null) return MISSING;
        long k = 0;
        for (int i = 0; i < 9; i++) {
            int code = 0;
            if (i < normal.length()) {
                char c = normal.charAt(i);
                code = c == ' ' ? 1 : c >= '0' && c <= '9' ? 2 + c - '0' : c >= 'a' && c <= 'z' ? 12 + c - 'a' : 38;
            }
            k = k << 6 | code;
        }
        return k;
    }

    static Node integer(long v) { return NodeValue.makeInteger(v).asNode(); }

    // ------------------------------------------------------------------------------------------------ reading

    /** True when the store holds complete summaries of this version. */
    public static boolean present(DatasetGraph dsg) {
        Iterator<Quad> it = dsg.find(DEFAULT, PG.Summaries, PG.summaryVersion, Node.ANY);
        return it.hasNext() && it.next().getObject().equals(integer(VERSION));
    }

    /** The number a summary triple {@code s p n} holds, 0 when there is none. */
    static long number(DatasetGraph dsg, Node s, Node p) {
        Iterator<Quad> it = dsg.find(DEFAULT, s, p, Node.ANY);
        if (!it.hasNext()) return 0;
        Node n = it.next().getObject();
        return n.isLiteral() ? ((Number) n.getLiteralValue()).longValue() : 0;
    }

    /** The distinct resources of {@code cls} in the union graph. */
    public static long count(DatasetGraph dsg, Node cls) { return number(dsg, cls, PG.resourceCount); }

    /** The distinct papers citing {@code paper}. */
    public static long citedBy(DatasetGraph dsg, Node paper) { return number(dsg, paper, PG.citedByCount); }

    /** The distinct mentions and results naming {@code entity}. */
    public static long named(DatasetGraph dsg, Node entity) { return number(dsg, entity, PG.namedCount); }

    /** The distinct citation links (citing, cited) of the union graph. */
    public static long citations(DatasetGraph dsg) { return number(dsg, PG.Summaries, PG.citationCount); }

    /**
     * The {@code limit} entities of class {@code kind} (one of {@link #NAMED_KINDS}) named most often, most first (ties
     * in the order the store first saw them): the first entries of one range of the most-named order, so it reads
     * {@code limit} entries whatever the size of the graph. Empty for a store without summaries. In a read transaction.
     */
    public static List<Node> mostNamed(DatasetGraph dsg, Node kind, int limit) {
        int k = NAMED_KINDS.indexOf(kind) + 1;
        if (k == 0) throw new IllegalArgumentException(kind + " is not ranked by how often it is named; use one of " + NAMED_KINDS);
        List<Node> out = new ArrayList<>();
        DatasetGraphTDB tdb;
        try {
            tdb = tdb(dsg);
        } catch (RuntimeException e) {
            return out; // not TDB2
        }
        if (tdb == null || !present(tdb)) return out;
        PaperOrder.Cursor c = new PaperOrder.IndexCursor(tdb, PG.mostNamedKey, false, kindStart(k), kindStart(k + 1));
        while (out.size() < limit && c.hasNext()) out.add(c.next());
        return out;
    }

    /** Every class with its count of distinct resources, most first (ties by IRI). */
    public static Map<Node, Long> classCounts(DatasetGraph dsg) {
        List<Map.Entry<Node, Long>> rows = new ArrayList<>();
        dsg.find(DEFAULT, Node.ANY, PG.resourceCount, Node.ANY).forEachRemaining(q ->
                rows.add(Map.entry(q.getSubject(), ((Number) q.getObject().getLiteralValue()).longValue())));
        rows.sort((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().toString().compareTo(b.getKey().toString())
                : Long.compare(b.getValue(), a.getValue()));
        Map<Node, Long> out = new LinkedHashMap<>();
        for (Map.Entry<Node, Long> e : rows) out.put(e.getKey(), e.getValue());
        return out;
    }

    // ------------------------------------------------------------------------------------------------ upkeep

    /** What one write transaction changed in the union graph, as {@link SummaryWrites} saw it. */
    static final class Delta {
        final Map<Node, Long> classes = new HashMap<>();
        final Map<Node, Long> citedBy = new HashMap<>();
        final Map<Node, Long> named = new HashMap<>();
        long citations;
        final Map<Node, Integer> papers = new HashMap<>();
        /** Entities whose most-named key may have changed: their named count or their kind. */
        final java.util.Set<Node> entities = new java.util.HashSet<>();

        /** {@code s p o} came into the union graph ({@code sign} 1) or left it (-1). */
        void changed(Node s, Node p, Node o, int sign) {
            if (p.equals(TYPE)) {
                classes.merge(o, (long) sign, Long::sum);
                if (o.equals(PG.Paper)) touch(s, ALL);
                if (NAMED_KINDS.contains(o)) entities.add(s);
            } else if (p.equals(CITO.cites)) {
                citedBy.merge(o, (long) sign, Long::sum);
                citations += sign;
                touch(o, CITED);
            } else if (NAMING.contains(p)) {
                named.merge(o, (long) sign, Long::sum);
                entities.add(o);
            } else {
                touched(s, p);
            }
        }

        /** A value of {@code s p} was added or removed, whether or not the union graph changed. */
        void touched(Node s, Node p) {
            if (p.equals(ISSUED)) touch(s, DATE);
            else if (p.equals(TITLE)) touch(s, TITLES);
        }

        private void touch(Node paper, int what) { papers.merge(paper, what, (a, b) -> a | b); }

        boolean isEmpty() {
            return classes.isEmpty() && citedBy.isEmpty() && named.isEmpty() && papers.isEmpty() && entities.isEmpty();
        }
    }

    /** The predicates that name an entity from a mention or a result: what {@code pg:namedCount} counts. */
    static final List<Node> NAMING = List.of(PG.entity, PG.dataset, PG.method, PG.task, PG.metric);

    /** The predicates whose changes the summaries follow. */
    static boolean followed(Node p) {
        return counted(p) || p.equals(ISSUED) || p.equals(TITLE);
    }

    /** The followed predicates that are counted: a change to one in the union graph changes a count. */
    static boolean counted(Node p) {
        return p.equals(TYPE) || p.equals(CITO.cites) || NAMING.contains(p);
    }

    /**
     * Applies {@code delta} to the summaries of {@code dsg} (the store below {@link SummaryWrites}), in its write
     * transaction. If a count would drop below zero, the summaries did not match the data (a write by another program);
     * they are then rebuilt from the data instead.
     */
    static void apply(DatasetGraph dsg, Delta delta) {
        if (delta.isEmpty()) return;
        for (Map.Entry<Node, Long> e : delta.classes.entrySet()) {
            if (!adjust(dsg, e.getKey(), PG.resourceCount, e.getValue())) {
                rebuild(dsg);
                return;
            }
        }
        for (Map.Entry<Node, Long> e : delta.citedBy.entrySet()) {
            if (!adjust(dsg, e.getKey(), PG.citedByCount, e.getValue())) {
                rebuild(dsg);
                return;
            }
        }
        for (Map.Entry<Node, Long> e : delta.named.entrySet()) {
            if (!adjust(dsg, e.getKey(), PG.namedCount, e.getValue())) {
                rebuild(dsg);
                return;
            }
        }
        if (!adjust(dsg, PG.Summaries, PG.citationCount, delta.citations)) {
            rebuild(dsg);
            return;
        }
        for (Map.Entry<Node, Integer> e : delta.papers.entrySet()) rekey(dsg, e.getKey(), e.getValue());
        for (Node e : delta.entities) rekeyNamed(dsg, e);
        ListSummaries.mark(dsg, delta);
    }

    /** Recomputes the most-named key of {@code entity} from its kind and its (already adjusted) named count. */
    private static void rekeyNamed(DatasetGraph dsg, Node entity) {
        dsg.deleteAny(DEFAULT, entity, PG.mostNamedKey, Node.ANY);
        long n = named(dsg, entity);
        if (n <= 0) return;
        for (int k = 0; k < NAMED_KINDS.size(); k++) {
            if (dsg.contains(Quad.unionGraph, entity, TYPE, NAMED_KINDS.get(k))) {
                dsg.add(DEFAULT, entity, PG.mostNamedKey, integer(namedKey(k + 1, n)));
                return;
            }
        }
    }

    private static boolean adjust(DatasetGraph dsg, Node s, Node p, long by) {
        if (by == 0) return true;
        long now = number(dsg, s, p) + by;
        if (now < 0) return false;
        dsg.deleteAny(DEFAULT, s, p, Node.ANY);
        if (now > 0) dsg.add(DEFAULT, s, p, integer(now));
        return true;
    }

    /** Recomputes the keys of {@code paper} that {@code what} names; removes them all when it is no longer a paper. */
    private static void rekey(DatasetGraph dsg, Node paper, int what) {
        if (!dsg.contains(Quad.unionGraph, paper, TYPE, PG.Paper)) {
            for (Node key : PaperOrder.KEYS) dsg.deleteAny(DEFAULT, paper, key, Node.ANY);
            return;
        }
        if ((what & (DATE | CITED)) != 0) {
            long least = -1;
            for (Iterator<Quad> it = dsg.find(Quad.unionGraph, paper, ISSUED, Node.ANY); it.hasNext(); ) {
                long d = day(it.next().getObject());
                if (d >= 0 && (least < 0 || d < least)) least = d;
            }
            if ((what & DATE) != 0) {
                set(dsg, paper, PG.newestFirstKey, newestKey(least));
                set(dsg, paper, PG.oldestFirstKey, oldestKey(least));
            }
            dsg.deleteAny(DEFAULT, paper, PG.monthCitedKey, Node.ANY);
            if (least >= 0) dsg.add(DEFAULT, paper, PG.monthCitedKey, integer(monthCitedKey(least, citedBy(dsg, paper))));
        }
        if ((what & TITLES) != 0) {
            long least = MISSING;
            for (Iterator<Quad> it = dsg.find(Quad.unionGraph, paper, TITLE, Node.ANY); it.hasNext(); ) {
                Node t = it.next().getObject();
                if (t.isLiteral()) least = Math.min(least, titleKey(normalTitle(t.getLiteralLexicalForm())));
            }
            set(dsg, paper, PG.titleKey, least);
        }
        if ((what & CITED) != 0) set(dsg, paper, PG.mostCitedKey, citedKey(citedBy(dsg, paper)));
    }

    private static void set(DatasetGraph dsg, Node s, Node p, long v) {
        dsg.deleteAny(DEFAULT, s, p, Node.ANY);
        dsg.add(DEFAULT, s, p, integer(v));
    }

    // ------------------------------------------------------------------------------------------------ from scratch

    /**
     * Replaces the summaries of {@code dsg} with ones computed from its quads, by ordinary inserts, in the caller's
     * write transaction. For a store that has none yet (made before they existed, or by TDB2's own loaders).
     */
    public static void rebuild(DatasetGraph dsg) {
        DatasetGraphTDB tdb = tdb(dsg);
        List<long[]> triples = compute(tdb);
        tdb.deleteAny(DEFAULT, Node.ANY, Node.ANY, Node.ANY);
        NodeTupleTable table = tdb.getTripleTable().getNodeTupleTable();
        for (long[] t : triples) {
            table.getTupleTable().add(org.apache.jena.atlas.lib.tuple.TupleFactory.create3(
                    IndexPacker.nodeId(t[0]), IndexPacker.nodeId(t[1]), IndexPacker.nodeId(t[2])));
        }
    }

    /**
     * Computes the summaries of a store whose default graph is empty (a bulk load that has just finished) and writes
     * its triple indexes bottom-up ({@link IndexPacker}). Outside any transaction; the store must not be in use.
     */
    public static void build(DatasetGraph dsg) {
        DatasetGraphTDB tdb = tdb(dsg);
        List<long[]> triples = Txn.calculateWrite(dsg, () -> {
            if (!tdb.getTripleTable().getNodeTupleTable().isEmpty()) {
                throw new IllegalStateException("the store's default graph is not empty");
            }
            return compute(tdb);
        });
        for (TupleIndex index : tdb.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes()) {
            if (!IndexPacker.packable(index)) {
                Txn.executeWrite(dsg, () -> rebuild(dsg));
                return;
            }
        }
        for (TupleIndex index : tdb.getTripleTable().getNodeTupleTable().getTupleTable().getIndexes()) {
            int[] order = new int[3];
            for (int c = 0; c < 3; c++) order[c] = "SPO".indexOf(index.getName().charAt(c));
            long[][] rows = new long[triples.size()][];
            for (int i = 0; i < rows.length; i++) {
                long[] t = triples.get(i);
                rows[i] = new long[] {t[order[0]], t[order[1]], t[order[2]]};
            }
            Arrays.sort(rows, Arrays::compareUnsigned);
            IndexPacker.pack(index, Arrays.asList(rows).iterator());
        }
    }

    /** The TDB2 storage under {@code dsg}'s wrappers. */
    static DatasetGraphTDB tdb(DatasetGraph dsg) {
        DatasetGraph d = dsg;
        while (d instanceof DatasetGraphWrapper w && !TDBInternal.isTDB2(d)) d = w.getWrapped();
        return TDBInternal.getDatasetGraphTDB(d);
    }

    /**
     * The summary triples of {@code tdb}'s quads, as node ids (subject, predicate, object), read from the indexes that
     * lead with the predicate; needs a write transaction (the summaries' own terms may be new to the node table).
     */
    private static List<long[]> compute(DatasetGraphTDB tdb) {
        NodeTupleTable quads = tdb.getQuadTable().getNodeTupleTable();
        NodeTable nodes = quads.getNodeTable();
        List<long[]> out = new ArrayList<>();
        long countP = raw(nodes, PG.resourceCount), citedP = raw(nodes, PG.citedByCount);
        long newestP = raw(nodes, PG.newestFirstKey), oldestP = raw(nodes, PG.oldestFirstKey);
        long titleP = raw(nodes, PG.titleKey), mostP = raw(nodes, PG.mostCitedKey), monthP = raw(nodes, PG.monthCitedKey);
        out.add(new long[] {raw(nodes, PG.Summaries), raw(nodes, PG.summaryVersion), inline(VERSION)});

        NodeId type = existing(nodes, TYPE), paperClass = existing(nodes, PG.Paper);
        // Classes: (O, S) pairs in POSG order, each counted once whatever the graphs.
        if (type != null) {
            Counter c = new Counter();
            for (Iterator<Tuple<NodeId>> it = byPredicate(quads, type, null); it.hasNext(); ) {
                Tuple<NodeId> q = it.next();
                c.next(IndexPacker.raw(q.get(3)), IndexPacker.raw(q.get(1)));
            }
            c.finish();
            for (int i = 0; i < c.size; i++) out.add(new long[] {c.keys[i], countP, inline(c.counts[i])});
        }
        // Papers, in node id order.
        long[] papers = new long[0];
        int np = 0;
        if (type != null && paperClass != null) {
            papers = new long[1024];
            long last = 0;
            for (Iterator<Tuple<NodeId>> it = byPredicate(quads, type, paperClass); it.hasNext(); ) {
                long s = IndexPacker.raw(it.next().get(1));
                if (np > 0 && s == last) continue;
                if (np == papers.length) papers = Arrays.copyOf(papers, 2 * np);
                papers[np++] = last = s;
            }
            papers = Arrays.copyOf(papers, np);
            Arrays.sort(papers); // POSG gives them in unsigned order; binary search wants signed
        }
        long[] least = new long[np], title = new long[np], cited = new long[np];
        Arrays.fill(least, -1);
        Arrays.fill(title, MISSING);
        NodeId cites = existing(nodes, CITO.cites);
        if (cites != null) {
            Counter c = new Counter();
            for (Iterator<Tuple<NodeId>> it = byPredicate(quads, cites, null); it.hasNext(); ) {
                Tuple<NodeId> q = it.next();
                c.next(IndexPacker.raw(q.get(3)), IndexPacker.raw(q.get(1)));
            }
            c.finish();
            long all = 0;
            for (int i = 0; i < c.size; i++) {
                out.add(new long[] {c.keys[i], citedP, inline(c.counts[i])});
                all += c.counts[i];
                int at = Arrays.binarySearch(papers, c.keys[i]);
                if (at >= 0) cited[at] = c.counts[i];
            }
            if (all > 0) out.add(new long[] {raw(nodes, PG.Summaries), raw(nodes, PG.citationCount), inline(all)});
        }
        // Mentions and results naming each entity: distinct (O, S) per naming predicate, summed per entity.
        Map<Long, Long> named = new HashMap<>();
        for (Node p : NAMING) {
            NodeId id = existing(nodes, p);
            if (id == null) continue;
            Counter c = new Counter();
            for (Iterator<Tuple<NodeId>> it = byPredicate(quads, id, null); it.hasNext(); ) {
                Tuple<NodeId> q = it.next();
                c.next(IndexPacker.raw(q.get(3)), IndexPacker.raw(q.get(1)));
            }
            c.finish();
            for (int i = 0; i < c.size; i++) named.merge(c.keys[i], c.counts[i], Long::sum);
        }
        if (!named.isEmpty()) {
            long namedP = raw(nodes, PG.namedCount);
            named.forEach((e, n) -> out.add(new long[] {e, namedP, inline(n)}));
            // Each named entity's kind, the first of NAMED_KINDS it has.
            Map<Long, Integer> kinds = new HashMap<>();
            for (int k = 0; k < NAMED_KINDS.size() && type != null; k++) {
                NodeId cls = existing(nodes, NAMED_KINDS.get(k));
                if (cls == null) continue;
                for (Iterator<Tuple<NodeId>> it = byPredicate(quads, type, cls); it.hasNext(); ) {
                    kinds.putIfAbsent(IndexPacker.raw(it.next().get(1)), k + 1);
                }
            }
            long keyP = raw(nodes, PG.mostNamedKey);
            named.forEach((e, n) -> {
                Integer k = kinds.get(e);
                if (k != null) out.add(new long[] {e, keyP, inline(namedKey(k, n))});
            });
        }
        NodeId issued = existing(nodes, ISSUED);
        if (issued != null) {
            // Keyed by the raw id: NodeId.equals ignores whether an id is inline (see StoreLayout).
            Map<Long, Long> days = new HashMap<>();
            for (Iterator<Tuple<NodeId>> it = byPredicate(quads, issued, null); it.hasNext(); ) {
                Tuple<NodeId> q = it.next();
                int at = Arrays.binarySearch(papers, IndexPacker.raw(q.get(1)));
                if (at < 0) continue;
                NodeId o = q.get(3);
                long d = days.computeIfAbsent(IndexPacker.raw(o), id -> day(nodes.getNodeForNodeId(o)));
                if (d >= 0 && (least[at] < 0 || d < least[at])) least[at] = d;
            }
        }
        NodeId titleId = existing(nodes, TITLE);
        if (titleId != null) {
            for (Iterator<Tuple<NodeId>> it = byPredicate(quads, titleId, null); it.hasNext(); ) {
                Tuple<NodeId> q = it.next();
                int at = Arrays.binarySearch(papers, IndexPacker.raw(q.get(1)));
                if (at < 0) continue;
                Node t = nodes.getNodeForNodeId(q.get(3));
                if (t.isLiteral()) title[at] = Math.min(title[at], titleKey(normalTitle(t.getLiteralLexicalForm())));
            }
        }
        for (int i = 0; i < np; i++) {
            out.add(new long[] {papers[i], newestP, inline(newestKey(least[i]))});
            out.add(new long[] {papers[i], oldestP, inline(oldestKey(least[i]))});
            out.add(new long[] {papers[i], titleP, inline(title[i])});
            out.add(new long[] {papers[i], mostP, inline(citedKey(cited[i]))});
            if (least[i] >= 0) out.add(new long[] {papers[i], monthP, inline(monthCitedKey(least[i], cited[i]))});
        }
        return out;
    }

    /**
     * Counts distinct (key, member) pairs per key, given the pairs sorted by key then member, as raw node ids (whose
     * comparison, unlike NodeId.equals, tells an inline value from a node table position).
     */
    private static final class Counter {
        long[] keys = new long[64];
        long[] counts = new long[64];
        int size;
        private boolean open;
        private long key;
        private long member;
        private long n;

        void next(long k, long m) {
            if (open && k == key) {
                if (m != member) n++;
            } else {
                finish();
                open = true;
                key = k;
                n = 1;
            }
            member = m;
        }

        void finish() {
            if (!open) return;
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, 2 * size);
                counts = Arrays.copyOf(counts, 2 * size);
            }
            keys[size] = key;
            counts[size++] = n;
            open = false;
        }
    }

    /** Quads with predicate {@code p} (and object {@code o} unless null), in the order of an index that leads with them. */
    private static Iterator<Tuple<NodeId>> byPredicate(NodeTupleTable quads, NodeId p, NodeId o) {
        return quads.find(NodeId.NodeIdAny, NodeId.NodeIdAny, p, o == null ? NodeId.NodeIdAny : o);
    }

    private static NodeId existing(NodeTable nodes, Node n) {
        NodeId id = nodes.getNodeIdForNode(n);
        return id == null || NodeId.isDoesNotExist(id) ? null : id;
    }

    private static long raw(NodeTable nodes, Node n) { return IndexPacker.raw(nodes.getAllocateNodeId(n)); }

    private static long inline(long v) { return IndexPacker.raw(NodeIdInline.inline(integer(v))); }
}
