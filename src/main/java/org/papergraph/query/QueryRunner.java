package org.papergraph.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.Syntax;
import org.apache.jena.riot.rowset.RowSetWriterRegistry;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.apache.jena.system.Txn;

/**
 * Runs a {@link StoredQuery} against a dataset (the store's union graph as default graph) and writes its results.
 *
 * <p>Parameters are bound by syntactic substitution ({@link #prepare}): every {@code ?name} in the query, subqueries
 * and projection included, is replaced by the given term before execution, so a parameter narrows the query where it
 * is used rather than filtering a finished result. The prepared query also prints as SPARQL that parses again to the
 * same query, so the text can be sent to a SPARQL endpoint. Two parameter names are not terms but paging:
 * {@value #LIMIT} and {@value #OFFSET} (see {@link #prepare}). Stateless; safe to share between threads.
 */
public final class QueryRunner {
    /** Paging parameter: the number of rows of a paged query (its LIMIT). */
    public static final String LIMIT = "limit";
    /** Paging parameter: the number of rows of a paged query skipped before the first one returned (its OFFSET). */
    public static final String OFFSET = "offset";
    private static final Set<String> PAGING = Set.of(LIMIT, OFFSET);
    private static final Pattern COUNT = Pattern.compile("\\d{1,18}");

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$");

    /**
     * Parses {@code q}.
     *
     * @throws QueryFailure with the parser's message, line and column when the text is not SPARQL
     */
    public static Query parse(StoredQuery q) {
        try {
            return QueryFactory.create(q.text(), Syntax.syntaxSPARQL_11);
        } catch (QueryParseException e) {
            // The parser's first line names the offending token and its position; the rest lists every token the
            // grammar would have accepted, which buries the point.
            String first = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("syntax error").strip();
            String where = first.contains("line ") ? "" : "line " + e.getLine() + ", column " + e.getColumn() + ": ";
            throw new QueryFailure("query " + q.name() + " does not parse: " + where + first, e);
        }
    }

    /**
     * Turns a parameter value from the command line into an RDF term: {@code <iri>}, an absolute IRI
     * ({@code https://...}, {@code urn:...}), a number, or a SPARQL/Turtle literal ({@code "x"@en}); anything else
     * becomes a plain string literal.
     */
    public static Node term(String value) {
        String v = value.strip();
        if (v.startsWith("<") || v.startsWith("\"") || v.startsWith("'") || NUMBER.matcher(v).matches()
                || v.equals("true") || v.equals("false")) {
            try {
                return NodeFactoryExtra.parseNode(v);
            } catch (RuntimeException e) {
                throw new QueryFailure("cannot read parameter value " + value + ": " + e.getMessage(), e);
            }
        }
        if (SCHEME.matcher(v).matches()) return NodeFactory.createURI(v);
        return NodeFactory.createLiteralString(value);
    }

    /**
     * Checks {@code params} against the query's documented parameters: every required one given, no unknown one.
     * A query file without documented parameters accepts any variable it mentions.
     *
     * @return the parameters as RDF terms, in the given order
     * @throws QueryFailure naming the missing or unknown parameter and the known ones
     */
    public static Map<String, Node> bind(StoredQuery q, Map<String, String> params) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : params.entrySet()) {
            String name = e.getKey().startsWith("?") ? e.getKey().substring(1) : e.getKey();
            boolean known = q.params().isEmpty()
                    ? Pattern.compile("[?$]" + Pattern.quote(name) + "\\b").matcher(q.text()).find()
                    : q.param(name).isPresent();
            if (!known) throw new QueryFailure("query " + q.name() + " has no parameter '" + name + "'; " + describe(q));
            if (PAGING.contains(name) && !COUNT.matcher(e.getValue().strip()).matches()) {
                throw new QueryFailure("parameter " + name + " of query " + q.name() + " must be a whole number of rows (0 or more), not '"
                        + e.getValue() + "'");
            }
            Node value = term(e.getValue());
            StoredQuery.Param declared = q.param(name).orElse(null);
            if (declared != null && declared.takesIri() && !value.isURI()) {
                String what = declared.takesPaper() ? "a paper IRI (or an arXiv id or DOI, which 'papergraph query' looks up in the store)"
                        : "an IRI (" + declared.description() + ")";
                throw new QueryFailure("parameter " + name + " of query " + q.name() + " must be " + what + ", not '" + e.getValue() + "'");
            }
            out.put(name, value);
        }
        for (StoredQuery.Param p : q.params()) {
            if (p.required() && !out.containsKey(p.name())) {
                throw new QueryFailure("query " + q.name() + " needs --param " + p.name() + "=VALUE (" + p.description() + ")");
            }
        }
        return out;
    }

    private static final Pattern ARXIV_ID = Pattern.compile("(?i)(?:arxiv:)?((?:\\d{4}\\.\\d{4,5}|[a-z-]+(?:\\.[a-z]{2})?/\\d{7})(?:v\\d+)?)");
    private static final Pattern DOI = Pattern.compile("(?i)(?:doi:|https?://(?:dx\\.)?doi\\.org/)?(10\\.\\d{4,9}/\\S+)");

    /**
     * {@code params} with each paper parameter ({@link StoredQuery.Param#takesPaper()}) given as a bare arXiv id
     * ({@code 1706.03762}, {@code arXiv:1706.03762v5}) or DOI ({@code 10.1109/cvpr.2016.90}, {@code doi:...},
     * {@code https://doi.org/...}) replaced by the IRI of the paper in {@code dataset} that carries it
     * ({@code pg:arxivId}, {@code pg:doi}). Other values are left as they are, for {@link #bind} to check.
     *
     * @throws QueryFailure when no paper in the dataset carries the id
     */
    public static Map<String, String> resolvePapers(StoredQuery q, Map<String, String> params, Dataset dataset) {
        Map<String, String> out = new LinkedHashMap<>(params);
        for (Map.Entry<String, String> e : params.entrySet()) {
            String name = e.getKey().startsWith("?") ? e.getKey().substring(1) : e.getKey();
            if (q.param(name).map(StoredQuery.Param::takesPaper).orElse(false) == false) continue;
            String v = e.getValue().strip();
            java.util.regex.Matcher doi = DOI.matcher(v);
            java.util.regex.Matcher arxiv = ARXIV_ID.matcher(v);
            Node property;
            String key;
            if (doi.matches()) {
                property = org.papergraph.vocab.PG.doi;
                key = org.papergraph.resolve.Iris.normaliseDoi(doi.group(1));
            } else if (arxiv.matches() && !v.contains("://")) {
                property = org.papergraph.vocab.PG.arxivId;
                key = org.papergraph.resolve.Iris.arxivBase(arxiv.group(1));
            } else {
                continue;
            }
            Node found = Txn.calculateRead(dataset, () -> {
                var it = dataset.asDatasetGraph().find(Node.ANY, Node.ANY, property, NodeFactory.createLiteralString(key));
                Node best = null;
                while (it.hasNext()) {
                    Node s = it.next().getSubject();
                    // The same id on several resources would be a resolution fault; take the smallest IRI, stably.
                    if (s.isURI() && (best == null || s.getURI().compareTo(best.getURI()) < 0)) best = s;
                }
                return best;
            });
            if (found == null) {
                throw new QueryFailure("parameter " + name + " of query " + q.name() + ": no paper in the store has "
                        + (property == org.papergraph.vocab.PG.doi ? "the DOI " : "the arXiv id ") + key);
            }
            out.put(e.getKey(), found.getURI());
        }
        return out;
    }

    private static String describe(StoredQuery q) {
        if (q.params().isEmpty()) return "it takes none";
        StringBuilder sb = new StringBuilder("it takes:");
        for (StoredQuery.Param p : q.params()) sb.append(' ').append(p.name()).append(p.required() ? " (required)" : "");
        return sb.toString();
    }

    /**
     * The query {@code q} with {@code params} applied, ready to run in process or to send as text
     * ({@link Query#serialize()}) to a SPARQL endpoint.
     *
     * <p>Each parameter is checked ({@link #bind}) and substituted syntactically for its variable. Substitution can
     * leave constructs that Jena executes but cannot print as SPARQL that parses again; they are removed where they
     * mean nothing: an ORDER BY condition that became a constant orders nothing (Jena prints {@code ORDER BY <iri>
     * ?x}, which reads back as a function call).
     *
     * <p>{@value #LIMIT} and {@value #OFFSET}, when the query declares them, are whole numbers that set the LIMIT and
     * OFFSET of the query's paged level: the outermost SELECT, the query itself or a subquery, that has a LIMIT in its
     * text (else the query itself). A paged query selects its page in a subquery before it looks up the columns,
     * so a page costs the lookups of its own rows only; the LIMIT written in the query is the default page size.
     *
     * @throws QueryFailure when the query does not parse or its parameters are wrong
     */
    public static Query prepare(StoredQuery q, Map<String, String> params) {
        Query query = parse(q);
        Map<String, Node> bound = bind(q, params);
        Map<Var, Node> terms = new HashMap<>();
        bound.forEach((name, node) -> {
            if (!(PAGING.contains(name) && q.param(name).isPresent())) terms.put(Var.alloc(name), node);
        });
        Query out = terms.isEmpty() ? query.cloneQuery() : QueryTransformOps.replaceVars(query, terms);
        for (Query level : levels(out)) {
            if (level.getOrderBy() != null) level.getOrderBy().removeIf(c -> c.getExpression().isConstant());
        }
        Query paged = pagedLevel(out);
        if (bound.containsKey(LIMIT) && q.param(LIMIT).isPresent()) paged.setLimit(Long.parseLong(bound.get(LIMIT).getLiteralLexicalForm()));
        if (bound.containsKey(OFFSET) && q.param(OFFSET).isPresent()) paged.setOffset(Long.parseLong(bound.get(OFFSET).getLiteralLexicalForm()));
        return out;
    }

    /** The query and all its subqueries, outer levels first. */
    static List<Query> levels(Query top) {
        List<Query> out = new ArrayList<>();
        out.add(top);
        for (int i = 0; i < out.size(); i++) {
            Query level = out.get(i);
            if (level.getQueryPattern() == null) continue;
            ElementWalker.walk(level.getQueryPattern(), new ElementVisitorBase() {
                @Override
                public void visit(ElementSubQuery el) { out.add(el.getQuery()); }
            });
        }
        return out;
    }

    /**
     * The level of {@code top} that {@value #LIMIT} and {@value #OFFSET} page: the outermost (sub)query with a LIMIT
     * of its own, or {@code top} itself when none has one.
     */
    public static Query pagedLevel(Query top) {
        for (Query level : levels(top)) if (level.hasLimit()) return level;
        return top;
    }

    private final String base;
    private final int width;

    /** A runner whose tables shorten papergraph's default IRIs and are 120 characters wide at most. */
    public QueryRunner() { this(org.papergraph.resolve.Iris.DEFAULT_BASE, 120); }

    /**
     * @param base  the store's IRI base, shown as {@code id:} in tables
     * @param width the widest a table line may be ({@link TableWriter}); 0 or less for no limit
     */
    public QueryRunner(String base, int width) {
        this.base = base;
        this.width = width;
    }

    /**
     * Runs {@code q} with {@code params} over {@code dataset} in a read transaction and writes the results to
     * {@code out} in {@code format} (UTF-8). The caller owns {@code out}; it is flushed, not closed. SELECT and ASK queries only.
     *
     * @return the number of solutions written (1 for ASK)
     * @throws QueryFailure when the query does not parse, its parameters are wrong, or it is not SELECT or ASK
     */
    public long run(Dataset dataset, StoredQuery q, Map<String, String> params, ResultFormat format, OutputStream out) {
        Query query = prepare(q, params);
        if (!query.isSelectType() && !query.isAskType()) {
            throw new QueryFailure("query " + q.name() + " is not a SELECT or ASK query; use export for graphs");
        }
        return Txn.calculateRead(dataset, () -> {
            try (QueryExecution qe = QueryExecution.dataset(dataset).query(query).build()) {
                if (query.isAskType()) {
                    // The answer is one word; table, CSV and TSV print it bare.
                    boolean answer = qe.execAsk();
                    String text = format == ResultFormat.JSON ? "{ \"head\": { }, \"boolean\": " + answer + " }\n" : answer + "\n";
                    out.write(text.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    return 1L;
                }
                RowSet rows = RowSet.adapt(qe.execSelect());
                if (format == ResultFormat.TABLE) {
                    return new TableWriter(TableWriter.merge(TableWriter.standardPrefixes(base), query.getPrefixMapping()), width)
                            .write(rows, out);
                }
                var writer = RowSetWriterRegistry.getFactory(format.lang()).create(format.lang());
                writer.write(out, rows, Context.emptyContext());
                out.flush();
                return rows.getRowNumber();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
