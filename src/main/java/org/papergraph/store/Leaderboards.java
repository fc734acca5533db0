package org.papergraph.store;

import static org.apache.jena.graph.Node.ANY;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.vocabulary.RDF;
import org.papergraph.resolve.Iris;
import org.papergraph.vocab.PG;

/**
 * Leaderboard summaries (ADR 0009): for each dataset and metric that results name, the best results, so that a
 * leaderboard is read from a handful of statements instead of from every result on the dataset. They live in
 * {@link Iris#leaderboardsGraph()} and are derived data: every write that can change a leaderboard marks its dataset
 * {@code pg:summaryStale} in the same transaction ({@link #markStale}, {@link #markAllStale}), and {@link #refresh}
 * recomputes the marked ones from the results. Queries read the summary of a dataset that is not marked and compute
 * the others from the results, so an answer never depends on a summary being up to date.
 *
 * <p>A leaderboard {@code lb} states {@code lb a pg:Leaderboard ; pg:leaderboardDataset D ; pg:leaderboardMetric M ;
 * pg:lowerIsBetter b ; pg:resultCount n ; pg:bestResult r ...}, with the rule of {@code queries/leaderboard.rq}: lower
 * is better when any result of (D, M) or M itself says so; the best value is then the least, else the greatest;
 * every result with that value is a best result. Only results a paper reports for its own method count (no
 * {@code pg:resultRole "other"}): a method is ranked by what its own paper reports, and the scores other papers
 * report for it stay on the dataset's page. Results read from a table with a confidence below 0.05
 * ({@code TableConfidence.RANKED}: their dataset or metric was guessed from the paper's text) are not ranked either.
 *
 * <p>Every method runs inside the caller's write transaction on the store's dataset graph (the one that reads its
 * default graph as the union of the named graphs).
 */
public final class Leaderboards {
    private Leaderboards() {}

    /** The results of one dataset ({@code ?of} replaced by its IRI) or of all, grouped per dataset and metric. */
    private static final String COMPUTE = """
            PREFIX pg: <https://papergraph.org/ontology#>
            SELECT ?dataset ?metric ?lowerIsBetter ?count ?result WHERE {
              {
                SELECT ?dataset ?metric (SUM(?lower) > 0 AS ?lowerIsBetter) (MIN(?v) AS ?least) (MAX(?v) AS ?greatest)
                       (COUNT(DISTINCT ?r) AS ?count)
                WHERE {
                  ?r pg:dataset ?of ; pg:metric ?metric ; pg:value ?v .
                  FILTER NOT EXISTS { ?r pg:resultRole "other" }
                  FILTER NOT EXISTS { ?r pg:fromTable ?t ; pg:confidence ?c FILTER(?c < 0.05) }
                  OPTIONAL { ?r pg:lowerIsBetter ?rl }
                  OPTIONAL { ?metric pg:lowerIsBetter ?ml }
                  BIND(IF(COALESCE(?rl, false) || COALESCE(?ml, false), 1, 0) AS ?lower)
                  BIND(?of AS ?dataset)
                }
                GROUP BY ?dataset ?metric
              }
              ?result pg:dataset ?dataset ; pg:metric ?metric ; pg:value ?value .
              FILTER NOT EXISTS { ?result pg:resultRole "other" }
              FILTER NOT EXISTS { ?result pg:fromTable ?t ; pg:confidence ?c FILTER(?c < 0.05) }
              FILTER(?value = IF(?lowerIsBetter, ?least, ?greatest))
            }""";

    private static final Node TRUE = NodeFactory.createLiteralDT("true", XSDDatatype.XSDboolean);

    /** Marks these datasets' leaderboards out of date. */
    public static void markStale(DatasetGraph dsg, Iris iris, Collection<Node> datasets) {
        Node g = iris.leaderboardsGraph();
        for (Node d : datasets) {
            if (d.isURI() || d.isBlank()) dsg.add(g, d, PG.summaryStale, TRUE);
        }
    }

    /** Marks every leaderboard out of date, including ones no summary exists for yet. */
    public static void markAllStale(DatasetGraph dsg, Iris iris) {
        dsg.add(iris.leaderboardsGraph(), PG.Leaderboard, PG.summaryStale, TRUE);
    }

    /**
     * The datasets whose leaderboards replacing {@code graph}'s content with {@code quads} can change: those its
     * current results and the new ones name. A metric-wide {@code pg:lowerIsBetter} (stated on something that is not
     * a result in the graph) can change every dataset's leaderboards; then null is returned, meaning all.
     */
    public static Set<Node> touched(DatasetGraph dsg, Node graph, Collection<Quad> quads) {
        Set<Node> out = new HashSet<>();
        Set<Node> results = new HashSet<>();
        List<Node> flagged = new ArrayList<>();
        var it = dsg.find(graph, ANY, PG.dataset, ANY);
        while (it.hasNext()) {
            Quad q = it.next();
            out.add(q.getObject());
            results.add(q.getSubject());
        }
        var flags = dsg.find(graph, ANY, PG.lowerIsBetter, ANY);
        while (flags.hasNext()) flagged.add(flags.next().getSubject());
        for (Quad q : quads) {
            if (q.getPredicate().equals(PG.dataset)) {
                out.add(q.getObject());
                results.add(q.getSubject());
            } else if (q.getPredicate().equals(PG.lowerIsBetter)) {
                flagged.add(q.getSubject());
            }
        }
        for (Node s : flagged) {
            if (!results.contains(s)) return null;
        }
        return out;
    }

    /** True when some leaderboard is marked out of date. */
    public static boolean anyStale(DatasetGraph dsg, Iris iris) {
        return dsg.contains(iris.leaderboardsGraph(), ANY, PG.summaryStale, ANY);
    }

    /**
     * True when the store has results but no leaderboard summaries and no marks: a store built before summaries
     * existed, which {@link #update} brings up to date.
     */
    public static boolean missing(DatasetGraph dsg, Iris iris) {
        return !dsg.contains(iris.leaderboardsGraph(), ANY, ANY, ANY) && dsg.contains(Quad.unionGraph, ANY, PG.dataset, ANY);
    }

    /**
     * Brings the summaries up to date: recomputes those marked out of date, or every one in a store that has results
     * but no summaries (a new bulk-loaded store, or one built before summaries existed).
     *
     * @return how many leaderboards were written
     */
    public static int update(DatasetGraph dsg, Iris iris) {
        if (missing(dsg, iris)) markAllStale(dsg, iris);
        return refresh(dsg, iris);
    }

    /**
     * Recomputes the leaderboards marked out of date (all of them when {@code pg:Leaderboard} is marked) and removes
     * the marks.
     *
     * @return how many leaderboards were written
     */
    public static int refresh(DatasetGraph dsg, Iris iris) {
        Node g = iris.leaderboardsGraph();
        if (dsg.contains(g, PG.Leaderboard, PG.summaryStale, ANY)) {
            dsg.deleteAny(g, ANY, ANY, ANY);
            return write(dsg, iris, compute(dsg, null));
        }
        List<Node> stale = new ArrayList<>();
        var it = dsg.find(g, ANY, PG.summaryStale, ANY);
        while (it.hasNext()) stale.add(it.next().getSubject());
        int n = 0;
        for (Node d : stale) {
            List<Node> old = new ArrayList<>();
            var lbs = dsg.find(g, ANY, PG.leaderboardDataset, d);
            while (lbs.hasNext()) old.add(lbs.next().getSubject());
            for (Node lb : old) dsg.deleteAny(g, lb, ANY, ANY);
            dsg.deleteAny(g, d, PG.summaryStale, ANY);
            if (d.isURI()) n += write(dsg, iris, compute(dsg, d));
        }
        return n;
    }

    private record Board(Node dataset, Node metric, Node lower, Node count, List<Node> best) {}

    private static Collection<Board> compute(DatasetGraph dsg, Node dataset) {
        String text = dataset == null ? COMPUTE : COMPUTE.replace("?of", "<" + dataset.getURI() + ">");
        Query q = QueryFactory.create(text);
        Map<List<Node>, Board> out = new LinkedHashMap<>();
        try (QueryExec qe = QueryExec.dataset(dsg).query(q).set(TDB2.symUnionDefaultGraph, true).build()) {
            RowSet rows = qe.select();
            while (rows.hasNext()) {
                Binding b = rows.next();
                Node d = b.get("dataset"), m = b.get("metric");
                if (d == null || m == null || !d.isURI() || !m.isURI()) continue;
                Board board = out.computeIfAbsent(List.of(d, m),
                        k -> new Board(d, m, b.get("lowerIsBetter"), b.get("count"), new ArrayList<>()));
                Node r = b.get("result");
                if (r != null && !board.best().contains(r)) board.best().add(r);
            }
        }
        return out.values();
    }

    private static int write(DatasetGraph dsg, Iris iris, Collection<Board> boards) {
        Node g = iris.leaderboardsGraph();
        for (Board b : boards) {
            Node lb = iris.leaderboard(b.dataset(), b.metric());
            dsg.add(g, lb, RDF.type.asNode(), PG.Leaderboard);
            dsg.add(g, lb, PG.leaderboardDataset, b.dataset());
            dsg.add(g, lb, PG.leaderboardMetric, b.metric());
            if (b.lower() != null) dsg.add(g, lb, PG.lowerIsBetter, b.lower());
            if (b.count() != null) dsg.add(g, lb, PG.resultCount, b.count());
            for (Node r : b.best()) dsg.add(g, lb, PG.bestResult, r);
        }
        return boards.size();
    }
}
