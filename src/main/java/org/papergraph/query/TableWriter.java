package org.papergraph.query;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.RowSet;

/**
 * Query results as a text table for a person at a terminal: IRIs as prefixed names ({@code pg:Paper},
 * {@code id:paper/arxiv/1706.03762} for the store's own IRIs), literals as their plain value (no quotes, datatype or
 * language tag), columns as wide as their content and, when the table is wider than the terminal, the widest
 * columns cut with "…" until it fits. Widths come from the first {@value #SAMPLE} rows, held in memory; later rows
 * stream out in the same layout. The CSV, TSV and JSON formats keep every term exactly.
 */
public final class TableWriter {
    /** Rows read before the column widths are chosen. */
    static final int SAMPLE = 1000;
    /** No column is cut narrower than this (or its header). */
    static final int MIN_COLUMN = 8;
    private static final String GAP = "  ";

    private final PrefixMapping prefixes;
    private final int width;

    /**
     * @param prefixes the names to shorten IRIs with (longest namespace wins)
     * @param width    the widest a line may be, in characters; 0 or less for no limit
     */
    public TableWriter(PrefixMapping prefixes, int width) {
        this.prefixes = prefixes;
        this.width = width;
    }

    /** The prefixes a papergraph store's IRIs read best with: the ontologies it reuses, and {@code id:} for {@code base}. */
    public static PrefixMapping standardPrefixes(String base) {
        PrefixMapping p = PrefixMapping.Factory.create();
        p.setNsPrefix("pg", "https://papergraph.org/ontology#");
        p.setNsPrefix("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");
        p.setNsPrefix("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
        p.setNsPrefix("xsd", "http://www.w3.org/2001/XMLSchema#");
        p.setNsPrefix("owl", "http://www.w3.org/2002/07/owl#");
        p.setNsPrefix("dcterms", "http://purl.org/dc/terms/");
        p.setNsPrefix("foaf", "http://xmlns.com/foaf/0.1/");
        p.setNsPrefix("fabio", "http://purl.org/spar/fabio/");
        p.setNsPrefix("cito", "http://purl.org/spar/cito/");
        p.setNsPrefix("prov", "http://www.w3.org/ns/prov#");
        p.setNsPrefix("skos", "http://www.w3.org/2004/02/skos/core#");
        if (base != null) p.setNsPrefix("id", base);
        return p;
    }

    /** The text of one term in a cell. */
    public String cell(Node n) {
        if (n == null) return "";
        if (n.isURI()) {
            String uri = n.getURI();
            String best = null;
            int bestLength = 0;
            for (Map.Entry<String, String> e : prefixes.getNsPrefixMap().entrySet()) {
                String ns = e.getValue();
                if (ns.length() > bestLength && uri.startsWith(ns) && uri.length() > ns.length()) {
                    best = e.getKey();
                    bestLength = ns.length();
                }
            }
            return best == null ? uri : best + ":" + uri.substring(bestLength);
        }
        if (n.isLiteral()) return oneLine(n.getLiteralLexicalForm());
        if (n.isBlank()) return "_:" + n.getBlankNodeLabel();
        return n.toString();
    }

    private static String oneLine(String s) {
        if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0 && s.indexOf('\t') < 0) return s;
        return s.replaceAll("\\s+", " ").strip();
    }

    /**
     * Writes {@code rows} to {@code out} (UTF-8; flushed, not closed).
     *
     * @return the number of rows written
     */
    public long write(RowSet rows, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        List<Var> vars = rows.getResultVars();
        List<String[]> sample = new ArrayList<>();
        while (sample.size() < SAMPLE && rows.hasNext()) sample.add(cells(rows.next(), vars));
        int[] widths = widths(vars, sample);
        String[] header = new String[vars.size()];
        for (int i = 0; i < header.length; i++) header[i] = vars.get(i).getVarName();
        line(w, header, widths);
        String[] rule = new String[vars.size()];
        for (int i = 0; i < rule.length; i++) rule[i] = "-".repeat(widths[i]);
        line(w, rule, widths);
        long n = 0;
        for (String[] r : sample) {
            line(w, r, widths);
            n++;
        }
        while (rows.hasNext()) {
            line(w, cells(rows.next(), vars), widths);
            n++;
        }
        w.write("(" + n + (n == 1 ? " row" : " rows") + ")\n");
        w.flush();
        return n;
    }

    private String[] cells(Binding b, List<Var> vars) {
        String[] out = new String[vars.size()];
        for (int i = 0; i < out.length; i++) out[i] = cell(b.get(vars.get(i)));
        return out;
    }

    /** Column widths: the content's, then the widest columns narrowed in turn until the line fits. */
    int[] widths(List<Var> vars, List<String[]> sample) {
        int cols = vars.size();
        int[] w = new int[cols];
        int[] floor = new int[cols];
        for (int i = 0; i < cols; i++) w[i] = vars.get(i).getVarName().length();
        for (String[] r : sample) for (int i = 0; i < cols; i++) w[i] = Math.max(w[i], r[i].length());
        for (int i = 0; i < cols; i++) floor[i] = Math.min(w[i], Math.max(MIN_COLUMN, vars.get(i).getVarName().length()));
        if (width <= 0) return w;
        int budget = width - GAP.length() * Math.max(0, cols - 1);
        while (sum(w) > budget) {
            int widest = -1;
            for (int i = 0; i < cols; i++) if (w[i] > floor[i] && (widest < 0 || w[i] > w[widest])) widest = i;
            if (widest < 0) break; // every column at its floor: the line stays too wide
            int second = 0;
            for (int i = 0; i < cols; i++) if (i != widest) second = Math.max(second, w[i]);
            int over = sum(w) - budget;
            w[widest] = Math.max(floor[widest], Math.max(second, w[widest] - over));
            if (w[widest] == second && sum(w) > budget) w[widest] = Math.max(floor[widest], second - 1);
        }
        return w;
    }

    private static int sum(int[] a) {
        int s = 0;
        for (int x : a) s += x;
        return s;
    }

    private static void line(Writer w, String[] cells, int[] widths) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            boolean last = i == cells.length - 1;
            if (c.length() > widths[i]) c = c.substring(0, Math.max(0, widths[i] - 1)) + "…";
            sb.append(c);
            if (!last) {
                sb.append(" ".repeat(widths[i] - c.length()));
                sb.append(GAP);
            }
        }
        w.write(sb.toString().stripTrailing());
        w.write('\n');
    }

    /** A map of the prefixes of {@code query}'s prologue and {@code standard}, the query's winning. */
    static PrefixMapping merge(PrefixMapping standard, PrefixMapping query) {
        Map<String, String> all = new LinkedHashMap<>(standard.getNsPrefixMap());
        if (query != null) all.putAll(query.getNsPrefixMap());
        all.remove(""); // an empty prefix would print ":x", which reads as a typo
        PrefixMapping p = PrefixMapping.Factory.create();
        p.setNsPrefixes(all);
        return p;
    }
}
