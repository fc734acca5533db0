package org.papergraph.extract;

import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.vocabulary.RDF;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.table.TableConfidence;
import org.papergraph.extract.table.TableNames;
import org.papergraph.extract.table.TableResultFinder;
import org.papergraph.resolve.EntityResolver;
import org.papergraph.resolve.Iris;
import org.papergraph.source.PaperRecord;
import org.papergraph.vocab.EntityType;
import org.papergraph.vocab.PG;

/**
 * Benchmark results read from a full-text paper's tables ({@link TableResultFinder}), as {@code pg:Result} nodes
 * like the abstract's: method, dataset, task, metric (entities resolved as every other extractor resolves them),
 * {@code pg:value}, {@code pg:rawValue} (the cell as written), unit, interval, lower-is-better; plus whose result it
 * is ({@code pg:resultRole} "own" for the paper's method, "other" for a method it reports), and the evidence: the
 * {@code pg:Table} it came from (label, caption, kind), the row and column headers, whether the cell is bold, the
 * first body sentence citing the table, and a confidence ({@link TableConfidence}, measured on the tune papers).
 *
 * <p>A result's IRI is keyed by paper, table, row, column and metric: one node per cell (and per metric of a
 * "PSNR/SSIM" cell). Stateless over shared immutable names; safe from many threads.
 */
public final class TableResultExtractor implements Extractor {
    public static final String NAME = "table-results";

    private final Iris iris;
    private final TableResultFinder finder;
    private final EntityNodes nodes;

    public TableResultExtractor(Iris iris) { this(iris, TableNames.shipped(), Lexicon.shipped()); }

    public TableResultExtractor(Iris iris, TableNames names, Lexicon lexicon) {
        this.iris = iris;
        this.finder = new TableResultFinder(names, lexicon);
        this.nodes = new EntityNodes(iris, new EntityResolver(lexicon));
    }

    @Override
    public String name() { return NAME; }

    @Override
    public String version() { return "1"; }

    @Override
    public boolean reads(PaperRecord record) { return record.describesPaper() && !record.tables().isEmpty(); }

    @Override
    public void extract(PaperRecord r, Node graph, StreamRDF out) {
        List<TableResultFinder.Found> found = finder.find(r);
        if (found.isEmpty()) return;
        Set<TableResultFinder.Found> headline = Collections.newSetFromMap(new IdentityHashMap<>());
        headline.addAll(TableResultFinder.headline(found));
        Quads q = new Quads(graph, out);
        Node paper = iris.paper(r);
        Node by = iris.extractor(NAME);
        Set<Object> described = new HashSet<>();
        boolean merged = "grobid-tei".equals(r.format());
        for (TableResultFinder.Found f : found) {
            Node table = iris.table(paper, f.table().id());
            if (described.add(table)) {
                q.add(table, RDF.type.asNode(), PG.Table);
                q.literal(table, PG.tableLabel, f.table().label());
                q.literal(table, PG.caption, f.table().caption());
                q.literal(table, PG.tableKind, f.kind().label());
            }
            Node dataset = entity(q, EntityType.DATASET, f.dataset(), described);
            Node metric = entity(q, EntityType.METRIC, f.metric(), described);
            Node method = entity(q, EntityType.METHOD, f.method(), described);
            Node task = entity(q, EntityType.TASK, f.task(), described);
            Node res = iris.result(paper.getURI(), "table", f.table().id(), Integer.toString(f.row()), Integer.toString(f.column()),
                    metric.getURI());
            q.add(paper, PG.reportsResult, res);
            q.add(res, RDF.type.asNode(), PG.Result);
            if (method != null) q.add(res, PG.method, method);
            q.add(res, PG.dataset, dataset);
            q.add(res, PG.metric, metric);
            if (task != null) q.add(res, PG.task, task);
            q.literal(res, PG.value, f.value().lexical(), XSDDatatype.XSDdecimal);
            q.literal(res, PG.rawValue, f.cell());
            if (f.value().percent()) q.literal(res, PG.unit, "percent");
            if (f.value().interval() != null) q.literal(res, PG.interval, f.value().interval().stripTrailingZeros().toPlainString(), XSDDatatype.XSDdecimal);
            q.literal(res, PG.lowerIsBetter, Boolean.toString(f.lowerIsBetter()), XSDDatatype.XSDboolean);
            q.literal(res, PG.resultRole, f.role() == TableResultFinder.Role.OWN ? PG.OWN : PG.OTHER);
            q.add(res, PG.fromTable, table);
            q.literal(res, PG.rowHeader, f.rowHeader());
            if (!f.columnHeader().isEmpty()) q.literal(res, PG.columnHeader, f.columnHeader());
            if (f.bold()) q.literal(res, PG.markedBest, "true", XSDDatatype.XSDboolean);
            if (!f.table().mentions().isEmpty()) q.literal(res, PG.sentence, f.table().mentions().get(0));
            q.literal(res, PG.confidence, EntityExtractor.decimal(TableConfidence.of(f, merged, headline.contains(f))), XSDDatatype.XSDdecimal);
            q.add(res, PG.extractedBy, by);
        }
    }

    /** The entity a name resolves to, described once per record; null for no name. */
    private Node entity(Quads q, EntityType type, String name, Set<Object> described) {
        if (name == null || name.isBlank()) return null;
        EntityNodes.Resolved r = nodes.resolve(type, name.strip());
        nodes.describe(q, r, name.strip(), described);
        return r.iri();
    }
}
