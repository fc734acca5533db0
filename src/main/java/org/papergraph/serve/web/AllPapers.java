package org.papergraph.serve.web;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.papergraph.serve.web.view.Views.Link;
import org.papergraph.serve.web.view.Views.Page;
import org.papergraph.serve.web.view.Views.PapersView;
import org.papergraph.serve.web.view.Views.Row;
import org.papergraph.serve.web.view.Views.Rows;

/**
 * The list of every paper ({@code /papers}), a month at a time, newest month first, each month sorted by date or by
 * citations and shown {@link Paging#ROWS} papers a page; papers without a date have a list of their own. Nothing here
 * reads every paper: a month is found by looking up its dates one by one (the days, the month, and in January the
 * year) in the store's index of {@code dcterms:issued} values ({@code web/queries/month-probe.rq},
 * {@code month-papers.rq}); the undated papers are walked in index order with LIMIT and OFFSET
 * ({@code undated-papers.rq}). Runs in the caller's read transaction. Stateless.
 */
final class AllPapers {
    /** How far from a month the page looks for the next month with papers: 50 years of look-ups at most. */
    static final int SEARCH_MONTHS = 600;
    private final Links links;

    AllPapers(Links links) { this.links = links; }

    /**
     * The page for {@code month} ("2017-06", "undated", or null for the newest month with papers), in {@code sort}
     * order ("date" or "citations"), page {@code page} (1-based).
     *
     * @throws IllegalArgumentException for a month or sort that is not one
     */
    PapersView view(Sparql q, String root, String month, String sort, int page) {
        boolean byCitations = "citations".equals(sort);
        if (sort != null && !byCitations && !"date".equals(sort)) throw new IllegalArgumentException("sort is date or citations, not " + sort);
        if ("undated".equals(month)) return undated(q, root, page);
        YearMonth shown;
        if (month == null || month.isBlank()) {
            shown = nearest(q, YearMonth.now(ZoneOffset.UTC), -1);
            if (shown == null) return undated(q, root, page);
        } else {
            try {
                shown = YearMonth.parse(month.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("month is yyyy-MM (or undated), not " + month);
            }
        }
        List<Node> dates = dates(shown);
        Map<Node, String[]> found = new HashMap<>();
        for (QuerySolution r : q.query("month-papers").values("d", dates).rows()) {
            found.put(Sparql.node(r, "paper"), new String[] {Sparql.str(r, "title"), Sparql.str(r, "issued")});
        }
        Map<Node, Long> cites = new HashMap<>();
        if (byCitations && !found.isEmpty()) {
            for (QuerySolution r : q.query("citation-counts").values("paper", found.keySet()).rows()) {
                cites.put(Sparql.node(r, "paper"), Long.parseLong(Sparql.str(r, "n")));
            }
        }
        Comparator<Node> newest = Comparator.comparing((Node p) -> found.get(p)[1], Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(p -> found.get(p)[0], Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Node::getURI);
        List<Node> order = new ArrayList<>(found.keySet());
        order.sort(byCitations ? Comparator.comparing((Node p) -> cites.getOrDefault(p, 0L)).reversed().thenComparing(newest) : newest);
        String self = "papers?month=" + shown + "&sort=" + (byCitations ? "citations" : "date") + "&page=";
        long pages = PaperLists.pageCount(order.size());
        long offset = (long) (page - 1) * Paging.ROWS;
        List<Row> rows = new ArrayList<>();
        for (Node p : order.subList((int) Math.min(offset, order.size()), (int) Math.min(order.size(), offset + Paging.ROWS))) {
            String[] d = found.get(p);
            rows.add(new Row(links.link(root, p, d[0]), d[1],
                    byCitations ? "cited " + Facts.count(cites.getOrDefault(p, 0L), "time", "times") : null));
        }
        Rows shownRows = new Rows(rows, "count", rows.isEmpty() && !order.isEmpty() ? PaperLists.pastEnd(page, pages) : null,
                pages > 1 && !rows.isEmpty() ? PaperLists.range(offset, rows.size(), order.size(),
                        byCitations ? "most cited first" : "newest first") : null,
                pages > 1 ? PaperLists.pager(self, "papers", page, pages, "") : null);
        YearMonth newer = nearest(q, shown.plusMonths(1), 1), older = nearest(q, shown.minusMonths(1), -1);
        String name = shown.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + shown.getYear();
        return new PapersView(new Page(root, "Papers of " + name, null), "Papers of " + name,
                Facts.count(order.size(), "paper", "papers"),
                order.isEmpty() ? "No paper in the graph is dated " + name + "." : null,
                new Link(byCitations ? "papers?month=" + shown + "&sort=date" : null, "by date"),
                new Link(byCitations ? null : "papers?month=" + shown + "&sort=citations", "by citations"),
                newer == null ? null : new Link("papers?month=" + newer + "&sort=" + (byCitations ? "citations" : "date"), "« " + label(newer)),
                older == null ? null : new Link("papers?month=" + older + "&sort=" + (byCitations ? "citations" : "date"), label(older) + " »"),
                new Link("papers?month=undated", "papers without a date"), shownRows);
    }

    /**
     * Where the explorer starts when it is given nothing: the most cited paper of the newest month with papers (ties
     * by IRI), found with the same look-ups as that month's page; null when no paper has a date.
     */
    Node startingPaper(Sparql q) {
        YearMonth newest = nearest(q, YearMonth.now(ZoneOffset.UTC), -1);
        if (newest == null) return null;
        List<Node> papers = new ArrayList<>();
        for (QuerySolution r : q.query("month-papers").values("d", dates(newest)).rows()) papers.add(Sparql.node(r, "paper"));
        Node best = null;
        long most = -1;
        for (QuerySolution r : q.query("citation-counts").values("paper", papers).rows()) {
            Node p = Sparql.node(r, "paper");
            long n = Long.parseLong(Sparql.str(r, "n"));
            if (n > most || (n == most && p.getURI().compareTo(best.getURI()) < 0)) {
                best = p;
                most = n;
            }
        }
        return best;
    }

    /** Papers without a date, a page at a time in index order; whether there is a next page is read, not counted. */
    private PapersView undated(Sparql q, String root, int page) {
        long offset = (long) (page - 1) * Paging.ROWS;
        List<Node> ids = new ArrayList<>();
        for (QuerySolution r : q.query("undated-papers").offset(offset).limit(Paging.ROWS + 1).rows()) ids.add(Sparql.node(r, "paper"));
        boolean more = ids.size() > Paging.ROWS;
        if (more) ids = ids.subList(0, Paging.ROWS);
        Map<Node, String> titles = new HashMap<>();
        if (!ids.isEmpty()) {
            for (QuerySolution r : q.query("list-titles").values("other", ids).rows()) titles.put(Sparql.node(r, "other"), Sparql.str(r, "title"));
        }
        List<Row> rows = new ArrayList<>();
        for (Node p : ids) rows.add(new Row(links.link(root, p, titles.get(p)), null, null));
        String self = "papers?month=undated&page=";
        Link previous = page > 1 ? new Link(self + (page - 1), "‹ previous") : null;
        Link next = more ? new Link(self + (page + 1), "next ›") : null;
        var pager = previous == null && next == null ? null
                : new org.papergraph.serve.web.view.Views.Pager("undated papers pages", null, previous, "page " + Facts.grouped(page), next, null);
        YearMonth newest = nearest(q, YearMonth.now(ZoneOffset.UTC), -1);
        String range = rows.isEmpty() ? null : "Papers " + Facts.grouped(offset + 1) + "–" + Facts.grouped(offset + rows.size())
                + ", in the order the store holds them.";
        return new PapersView(new Page(root, "Papers without a date", null), "Papers without a date", null,
                rows.isEmpty() ? (page == 1 ? "Every paper in the graph has a date." : "Page " + page + " is past the end of this list.") : null,
                null, null, newest == null ? null : new Link("papers?month=" + newest, "« dated papers, newest first"), null, null,
                new Rows(rows, null, null, range, pager));
    }

    /** The first month from {@code from} on, going {@code step} (+1, -1) months at a time, that has a paper; null if none. */
    private static YearMonth nearest(Sparql q, YearMonth from, int step) {
        YearMonth m = from;
        for (int i = 0; i < SEARCH_MONTHS; i++, m = m.plusMonths(step)) {
            if (!q.query("month-probe").values("d", dates(m)).limit(1).rows().isEmpty()) return m;
        }
        return null;
    }

    /** The values a paper of month {@code m} may be dated with: each day, the month, and in January the year. */
    static List<Node> dates(YearMonth m) {
        List<Node> dates = new ArrayList<>();
        for (int d = 1; d <= m.lengthOfMonth(); d++) dates.add(NodeFactory.createLiteralDT(m.atDay(d).toString(), XSDDatatype.XSDdate));
        dates.add(NodeFactory.createLiteralDT(m.toString(), XSDDatatype.XSDgYearMonth));
        if (m.getMonthValue() == 1) dates.add(NodeFactory.createLiteralDT(String.format("%04d", m.getYear()), XSDDatatype.XSDgYear));
        return dates;
    }

    private static String label(YearMonth m) {
        return m.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " " + m.getYear();
    }
}
