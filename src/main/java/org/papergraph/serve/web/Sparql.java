package org.papergraph.serve.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionDatasetBuilder;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementSubQuery;
import org.apache.jena.sparql.syntax.ElementVisitorBase;
import org.apache.jena.sparql.syntax.ElementWalker;
import org.papergraph.extract.Confidence;

/**
 * Runs the pages' SELECT queries, which live as named files {@value #FOLDER}NAME.rq on the classpath, over the union
 * graph: variables are pre-bound ({@link Call#bind}), an empty {@code VALUES ?x { }} block in a file is filled with
 * the nodes a page gives ({@link Call#values}), and a limit may be set ({@link Call#limit}). Callers hold a read
 * transaction so one page sees one snapshot. Thread-safe.
 */
final class Sparql {
    /** Classpath folder of the pages' queries. */
    static final String FOLDER = "web/queries/";
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();
    /** The least confidence of a mention that pages and entity lists show ({@code ?shown} in the queries). */
    static final Node SHOWN = NodeFactory.createLiteralDT(Double.toString(Confidence.SHOWN), XSDDatatype.XSDdouble);

    private final Dataset dataset;
    private final long timeoutMillis;

    Sparql(Dataset dataset, long timeoutMillis) {
        this.dataset = dataset;
        this.timeoutMillis = timeoutMillis;
    }

    /** The store the queries run on, for what pages read without SPARQL (the paper orders of {@code /papers}). */
    org.apache.jena.sparql.core.DatasetGraph datasetGraph() { return dataset.asDatasetGraph(); }

    /** A run of the query {@code name} ({@value #FOLDER}{@code name}.rq). */
    Call query(String name) { return new Call(name); }

    /** The rows of the query {@code name} with {@code bind} substituted. */
    List<QuerySolution> select(String name, Map<String, Node> bind) { return query(name).bind(bind).rows(); }

    /**
     * The least value of a property on each of {@code subjects}, as SPARQL's MIN picks it, by the query
     * {@code query} (least-labels, least-titles); subjects without one are absent. One query with the subjects as
     * VALUES, so it costs what the subjects cost.
     */
    Map<Node, Node> leastValues(Collection<Node> subjects, String query) {
        Map<Node, Node> out = new HashMap<>();
        List<Node> iris = subjects.stream().filter(s -> s != null && s.isURI()).toList();
        if (iris.isEmpty()) return out;
        for (QuerySolution r : query(query).values("s", iris).rows()) out.put(Sparql.node(r, "s"), Sparql.node(r, "least"));
        return out;
    }
    /** The text of {@value #FOLDER}
{@code name}.rq, read once. */
    static String text(String name) {
        return TEXTS.computeIfAbsent(name, n -> {
            try (InputStream in = Sparql.class.getClassLoader().getResourceAsStream(FOLDER + n + ".rq")) {
                if (in == null) throw new IllegalArgumentException("no page query " + FOLDER + n + ".rq on the classpath");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** One run of a named query: its bindings, VALUES rows and limit, then {@link #rows}. Not thread-safe. */
    final class Call {
        private final String name;
        private final Map<String, Node> bind = new LinkedHashMap<>();
        private final Map<String, Collection<Node>> values = new LinkedHashMap<>();
        private long limit = Query.NOLIMIT;
        private long offset = Query.NOLIMIT;

        private Call(String name) { this.name = name; }

        /** Substitutes {@code node} for {@code ?var} before the query runs. */
        Call bind(String var, Node node) {
            bind.put(var, node);
            return this;
        }

        Call bind(Map<String, Node> vars) {
            bind.putAll(vars);
            return this;
        }

        /** Fills the file's empty {@code VALUES ?var { }} block with {@code nodes}, one row each. */
        Call values(String var, Collection<Node> nodes) {
            values.put(var, nodes);
            return this;
        }

        /** Sets the limit of the outermost SELECT. */
        Call limit(long n) {
            limit = n;
            return this;
        }

        /** Sets the offset of the outermost SELECT. */
        Call offset(long n) {
            offset = n;
            return this;
        }

        List<QuerySolution> rows() {
            Query query = QueryFactory.create(text(name));
            if (limit != Query.NOLIMIT) query.setLimit(limit);
            if (offset != Query.NOLIMIT && offset > 0) query.setOffset(offset);
            if (!values.isEmpty()) fill(query);
            QueryExecutionDatasetBuilder b = QueryExecution.dataset(dataset).query(query).timeout(timeoutMillis, TimeUnit.MILLISECONDS);
            Model m = dataset.getDefaultModel();
            bind.forEach((k, v) -> b.substitution(k, m.asRDFNode(v)));
            List<QuerySolution> rows = new ArrayList<>();
            try (QueryExecution qe = b.build()) {
                if (PageQueryLog.on()) PageQueryLog.seen(withBindings(query).serialize());
                ResultSet rs = qe.execSelect();
                while (rs.hasNext()) rows.add(rs.next());
            }
            return rows;
        }

        /** The query with this call's bindings written in, as it can be sent on its own (for {@link PageQueryLog}). */
        private Query withBindings(Query query) {
            Map<Var, Node> vars = new HashMap<>();
            bind.forEach((k, v) -> vars.put(Var.alloc(k), v));
            return org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps.replaceVars(query, vars);
        }

        /** Adds the VALUES rows to the blocks of {@code query} (subqueries included) that are empty and name one variable. */
        private void fill(Query query) {
            List<String> filled = new ArrayList<>();
            ElementVisitorBase visitor = new ElementVisitorBase() {
                @Override
                public void visit(ElementData data) {
                    if (data.getVars().size() != 1 || !data.getRows().isEmpty()) return;
                    Var v = data.getVars().get(0);
                    Collection<Node> nodes = values.get(v.getVarName());
                    if (nodes == null) return;
                    for (Node n : nodes) data.add(BindingFactory.binding(v, n));
                    filled.add(v.getVarName());
                }

                @Override
                public void visit(ElementSubQuery sub) { ElementWalker.walk(sub.getQuery().getQueryPattern(), this); }
            };
            ElementWalker.walk(query.getQueryPattern(), visitor);
            if (!filled.containsAll(values.keySet())) {
                throw new IllegalStateException(name + ".rq has no empty VALUES block for each of " + values.keySet());
            }
        }
    }

    /** The lexical form of a literal, the IRI of a resource, null when unbound. */
    static String str(QuerySolution row, String var) {
        RDFNode n = row.get(var);
        if (n == null) return null;
        if (n.isLiteral()) return n.asLiteral().getLexicalForm();
        if (n.isURIResource()) return n.asResource().getURI();
        return n.toString();
    }

    static Node node(QuerySolution row, String var) {
        RDFNode n = row.get(var);
        return n == null ? null : n.asNode();
    }
}
