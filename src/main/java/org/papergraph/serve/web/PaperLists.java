package org.papergraph.serve.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QuerySolution;
import org.papergraph.store.ListSummaries;
import org.papergraph.serve.web.view.Views.Link;
import org.papergraph.serve.web.view.Views.PagedList;
import org.papergraph.serve.web.view.Views.Pager;
import org.papergraph.serve.web.view.Views.Row;
import org.papergraph.serve.web.view.Views.Rows;

/**
 * The long lists of resource pages (a paper's references and citing papers, an author's or an entity's papers), a
 * page of {@link Paging#ROWS} at a time: the ids and dates of a whole list are read in one pass and sorted here, which
 * also counts them; a big list is kept under the data version ({@link EntityCache}) for its next pages; titles are
 * looked up for the shown rows only. Also the orders and look-ups the entity pages share. One instance per site.
 */
final class PaperLists {
    private final Links links;
    private final EntityCache cache;

    PaperLists(Links links, EntityCache cache) {
        this.links = links;
        this.cache = cache;
    }

    /** The rows of page {@link Paging#page} of a list, and how many rows the whole list has. */
    record ListPage(String section, long total, long offset, List<PaperRow> rows) {}

    /** One row of a list: the paper, its least title and date, and the list's extra column (or null). */
    record PaperRow(Node paper, String title, String issued, String extra) {}

    /**
     * A page of the papers {@code ?other} that the query {@code query} finds (its other variables bound by
     * {@code bind}), ordered by date (undated papers sort before all dates, so last when newest first) then IRI, as
     * ORDER BY sorts them; the order is total, so consecutive pages neither overlap nor skip. A big list is kept under
     * the data version {@code version} (as the list {@code section} of {@code subject}).
     */
    ListPage pageOf(Sparql q, Paging paging, String section, String query, boolean newestFirst, Map<String, Node> bind,
                    Node subject, long version) {
        if (newestFirst) {
            Kept kept = kept(q, subject, paging.offset(section));
            if (kept != null) return pageOf(q, paging, section, kept.order(), kept.total(), kept.issued(), bind, false);
        }
        EntityCache.Entry data = version < 0 ? null : cache.get(subject, section, version);
        if (data == null) {
            Map<Node, Node> issued = new HashMap<>();
            for (QuerySolution r : q.select(query, bind)) issued.put(Sparql.node(r, "other"), Sparql.node(r, "issued"));
            data = new EntityCache.Entry(Collections.unmodifiableMap(issued), RankedResults.NONE,
                    Collections.unmodifiableList(byDate(issued, newestFirst)));
            if (version >= 0) cache.put(subject, section, version, data);
        }
        return pageOf(q, paging, section, data.paperOrder(), data.issued(), bind, false);
    }

    /**
     * The papers of {@code issued} by their dates, as ORDER BY ?issued ?other (or DESC(?issued) ?other) sorts them:
     * undated first ascending, last descending; ties by IRI, ascending either way.
     */
    static List<Node> byDate(Map<Node, Node> issued, boolean newestFirst) {
        List<Node> order = new ArrayList<>(issued.keySet());
        SparqlOrder by = new SparqlOrder();
        Comparator<Node> date = Comparator.comparing(issued::get, by);
        order.sort((newestFirst ? date.reversed() : date).thenComparing(by));
        return order;
    }

    /**
     * The page of {@link Paging#page} of papers already in list order, with their dates in {@code issued}; with
     * {@code roles}, each row also says how the paper names the entity bound to {@code ?entity}.
     */
    ListPage pageOf(Sparql q, Paging paging, String section, List<Node> order, Map<Node, Node> issued,
                    Map<String, Node> bind, boolean roles) {
        return pageOf(q, paging, section, order, order.size(), issued, bind, roles);
    }

    /** The same for a list of {@code total} papers of which {@code order} is the start. */
    ListPage pageOf(Sparql q, Paging paging, String section, List<Node> order, long total, Map<Node, Node> issued,
                    Map<String, Node> bind, boolean roles) {
        long offset = paging.offset(section);
        List<Node> ids = offset >= order.size() ? List.of()
                : order.subList((int) offset, (int) Math.min(order.size(), offset + Paging.ROWS));
        if (ids.isEmpty()) return new ListPage(section, total, offset, List.of());
        Map<Node, QuerySolution> details = new HashMap<>();
        for (QuerySolution r : q.query(roles ? "list-titles-roles" : "list-titles").bind(bind).values("other", ids).rows()) {
            details.put(Sparql.node(r, "other"), r);
        }
        List<PaperRow> rows = new ArrayList<>();
        for (Node paper : ids) {
            QuerySolution d = details.get(paper);
            rows.add(new PaperRow(paper, d == null ? null : Sparql.str(d, "title"), Facts.lexical(issued.get(paper)),
                    d == null || !roles ? null : Sparql.str(d, "roles")));
        }
        return new ListPage(section, total, offset, rows);
    }

    /**
     * The kept start of a long list (ADR 0025, {@code list-kept}): its size, papers per year (for an entity) and newest
     * papers in list order with their dates.
     */
    record Kept(long total, Map<String, Long> perYear, Map<Node, Node> issued, List<Node> order) {}

    /**
     * The kept start of the list of {@code owner} when the store has a current one that holds the page at
     * {@code offset} (or the whole list); otherwise null, and the page reads the whole list.
     */
    static Kept kept(Sparql q, Node owner, long offset) {
        long total = -1;
        Map<String, Long> perYear = new TreeMap<>();
        Map<Node, Node> issued = new HashMap<>();
        for (QuerySolution r : q.select("list-kept", Map.of("owner", owner))) {
            total = ((Number) Sparql.node(r, "count").getLiteralValue()).longValue();
            Node year = Sparql.node(r, "year");
            if (year != null) {
                long[] yc = ListSummaries.yearCount(((Number) year.getLiteralValue()).longValue());
                perYear.put(yc[0] == ListSummaries.UNDATED ? "undated" : String.format("%04d", yc[0]), yc[1]);
            }
            Node other = Sparql.node(r, "other");
            if (other != null) issued.put(other, Sparql.node(r, "issued"));
        }
        if (total < 0 || offset + Paging.ROWS > issued.size() && issued.size() < total) return null;
        return new Kept(total, perYear, Collections.unmodifiableMap(issued), Collections.unmodifiableList(byDate(issued, true)));
    }

    /** A section with its heading, the list's size, and one page of rows with links to the other pages. */
    PagedList section(String root, Node subject, String heading, ListPage page, Paging paging, String order, String empty) {
        return new PagedList(page.section(), heading, Facts.grouped(page.total()), empty,
                page.total() == 0 ? null : rows(root, subject, page, paging, order, null));
    }

    /** The rows of {@code page}, a list on the page of {@code subject}, with what part of the list they are and a pager. */
    Rows rows(String root, Node subject, ListPage page, Paging paging, String order, String extraClass) {
        int number = paging.page(page.section());
        long count = pageCount(page.total());
        Pager pager = count > 1 ? pager(links.href(root, subject), page.section(), number, count) : null;
        if (page.rows().isEmpty()) return new Rows(List.of(), extraClass, pastEnd(number, count), null, pager);
        String range = count > 1 ? range(page.offset(), page.rows().size(), page.total(), order) : null;
        List<Row> rows = new ArrayList<>();
        for (PaperRow r : page.rows()) rows.add(new Row(links.link(root, r.paper(), r.title()), r.issued(), r.extra()));
        return new Rows(rows, extraClass, null, range, pager);
    }

    static long pageCount(long total) { return (total + Paging.ROWS - 1) / Paging.ROWS; }

    /** What a page past the end of a list says. */
    static String pastEnd(int number, long pages) {
        return "Page " + number + " is past the end of this list, which has " + pages + (pages == 1 ? " page." : " pages.");
    }

    /** Which rows of a list a page shows, and in what order. */
    static String range(long offset, int shown, long total, String order) {
        return "Showing " + Facts.grouped(offset + 1) + "–" + Facts.grouped(offset + shown) + " of " + Facts.grouped(total) + ", " + order + ".";
    }

    /**
     * Links to the first, previous, next and last pages of a list on the page at {@code self}. They name the path,
     * not just the query ({@code ?cited-by=2}), which some clients (java.net.URI among them) resolve against the
     * parent folder. Other lists go back to their first page.
     */
    static Pager pager(String self, String section, int number, long pages) {
        return pager(self + "?" + section + "=", section, number, pages, "#" + section);
    }

    /** Links to the pages of a list at {@code prefix} + the page's number + {@code anchor}. */
    static Pager pager(String prefix, String section, int number, long pages, String anchor) {
        Link first = null, previous = null, next = null, last = null;
        if (number > 1) {
            first = new Link(prefix + 1 + anchor, "« first");
            previous = new Link(prefix + Math.min(number - 1, pages) + anchor, "‹ previous");
        }
        if (number < pages) {
            next = new Link(prefix + (number + 1) + anchor, "next ›");
            last = new Link(prefix + pages + anchor, "last »");
        }
        return new Pager(section + " pages", first, previous, "page " + Facts.grouped(number) + " of " + Facts.grouped(pages), next, last);
    }
}
