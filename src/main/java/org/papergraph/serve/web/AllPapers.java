package org.papergraph.serve.web;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.papergraph.serve.web.view.Views.Link;
import org.papergraph.serve.web.view.Views.Page;
import org.papergraph.serve.web.view.Views.PapersView;
import org.papergraph.serve.web.view.Views.Row;
import org.papergraph.serve.web.view.Views.Rows;
import org.papergraph.store.PaperOrder;

/**
 * The list of every paper ({@code /papers}), a month at a time, newest month first, each month sorted by date or by
 * citations and shown {@link Paging#ROWS} papers a page; papers without a date have a list of their own. Nothing here
 * reads every paper: a month's papers, the months before and after it and the undated papers are ranges of the
 * store's paper orders ({@link PaperOrder}, ADR 0013 and 0017), walked from the summaries' index, and each paper is
 * listed in the month of its earliest date; titles, dates and citation counts come from {@code web/queries/month-papers.rq}
 * for the papers found. Runs in the caller's read transaction. Stateless.
 */
final class AllPapers {
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
        // The month's papers are counted over its range of the index (entries, not papers, are read); the page's rows
        // are the walk's next ROWS in the order shown, and only they are described.
        long total = PaperOrder.month(q.datasetGraph(), shown).skip(Long.MAX_VALUE);
        long offset = (long) (page - 1) * Paging.ROWS;
        PaperOrder.Cursor walk = byCitations ? PaperOrder.monthByCitations(q.datasetGraph(), shown) : PaperOrder.monthByDate(q.datasetGraph(), shown);
        walk.skip(offset);
        List<Node> shownPapers = new ArrayList<>();
        while (shownPapers.size() < Paging.ROWS && walk.hasNext()) shownPapers.add(walk.next());
        Map<Node, String[]> found = new HashMap<>();
        Map<Node, Long> cites = new HashMap<>();
        describe(q, shownPapers, found, cites);
        String self = "papers?month=" + shown + "&sort=" + (byCitations ? "citations" : "date") + "&page=";
        long pages = PaperLists.pageCount(total);
        List<Row> rows = new ArrayList<>();
        for (Node p : shownPapers) {
            String[] d = found.getOrDefault(p, new String[2]);
            rows.add(new Row(links.link(root, p, d[0]), d[1],
                    byCitations ? "cited " + Facts.count(cites.getOrDefault(p, 0L), "time", "times") : null));
        }
        Rows shownRows = new Rows(rows, "count", rows.isEmpty() && total > 0 ? PaperLists.pastEnd(page, pages) : null,
                pages > 1 && !rows.isEmpty() ? PaperLists.range(offset, rows.size(), total,
                        byCitations ? "most cited first" : "newest first") : null,
                pages > 1 ? PaperLists.pager(self, "papers", page, pages, "") : null);
        YearMonth newer = nearest(q, shown.plusMonths(1), 1), older = nearest(q, shown.minusMonths(1), -1);
        String name = shown.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + " " + shown.getYear();
        return new PapersView(new Page(root, "Papers of " + name, null), "Papers of " + name,
                Facts.count(total, "paper", "papers"),
                total == 0 ? "No paper in the graph is dated " + name + "." : null,
                new Link(byCitations ? "papers?month=" + shown + "&sort=date" : null, "by date"),
                new Link(byCitations ? null : "papers?month=" + shown + "&sort=citations", "by citations"),
                newer == null ? null : new Link("papers?month=" + newer + "&sort=" + (byCitations ? "citations" : "date"), "« " + label(newer)),
                older == null ? null : new Link("papers?month=" + older + "&sort=" + (byCitations ? "citations" : "date"), label(older) + " »"),
                new Link("papers?month=undated", "papers without a date"), shownRows);
    }

    /**
     * Where the explorer starts when it is given nothing: the most cited paper of the newest month with papers (of
     * papers cited as often, the newest, then by title), the first row of that month's page by citations; null when no
     * paper has a date.
     */
    Node startingPaper(Sparql q) {
        YearMonth newest = nearest(q, YearMonth.now(ZoneOffset.UTC), -1);
        if (newest == null) return null;
        PaperOrder.Cursor walk = PaperOrder.monthByCitations(q.datasetGraph(), newest);
        return walk.hasNext() ? walk.next() : null;
    }

    /** Papers without a date, a page at a time in index order; whether there is a next page is read, not counted. */
    private PapersView undated(Sparql q, String root, int page) {
        long offset = (long) (page - 1) * Paging.ROWS;
        List<Node> ids = new ArrayList<>();
        PaperOrder.Cursor walk = PaperOrder.undated(q.datasetGraph());
        walk.skip(offset);
        while (ids.size() <= Paging.ROWS && walk.hasNext()) ids.add(walk.next());
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

    /** The first month from {@code from} on, going forward ({@code step} +1) or back (-1), that has a paper; null if none. */
    private static YearMonth nearest(Sparql q, YearMonth from, int step) {
        return PaperOrder.nearestMonth(q.datasetGraph(), from, step < 0);
    }


    /** Each paper's least title and earliest date into {@code found}, the papers citing it (as kept) into {@code cites}. */
    private static void describe(Sparql q, List<Node> papers, Map<Node, String[]> found, Map<Node, Long> cites) {
        if (papers.isEmpty()) return;
        for (QuerySolution r : q.query("month-papers").values("paper", papers).rows()) {
            Node p = Sparql.node(r, "paper");
            found.put(p, new String[] {Sparql.str(r, "title"), Sparql.str(r, "issued")});
            String n = Sparql.str(r, "cited");
            cites.put(p, n == null ? 0L : Long.parseLong(n));
        }
    }

    private static String label(YearMonth m) {
        return m.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + " " + m.getYear();
    }
}
