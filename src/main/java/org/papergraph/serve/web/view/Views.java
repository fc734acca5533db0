package org.papergraph.serve.web.view;

import java.util.List;

/**
 * What each page template shows: plain data, already looked up and ordered, with every link's target worked out.
 * Strings are as the data has them (the templates escape them); a null field is a part the page leaves out.
 * Records only, built by the page classes in {@code org.papergraph.serve.web}.
 */
public final class Views {
    private Views() {}

    /** The frame of every page: the relative path to the site's root, the window title, the search box's text. */
    public record Page(String root, String title, String query) {}

    /**
     * A link to {@code href} reading {@code text}; with a null href just the text. {@code title}, when set, is what a
     * pointer resting on it shows: the full IRI behind a shortened one.
     */
    public record Link(String href, String text, String title) {
        public Link(String href, String text) { this(href, text, null); }

        public static Link text(String text) { return new Link(null, text); }
    }

    /**
     * A piece of a title or abstract: plain text, or a mention of an entity ({@code cssClass} set), linked to its page
     * when {@code href} is set, else marked.
     */
    public record Segment(String text, String cssClass, String title, String href) {}

    /** Links to a resource's machine-readable representations and to the explorer. */
    public record Formats(List<Link> formats, Link explore) {}

    /** Links to the first, previous, next and last pages of a list (null where there is none) and where this one is. */
    public record Pager(String label, Link first, Link previous, String position, Link next, Link last) {}

    /** A paper in a list: its link, its date, and the list's extra note on it (roles, a count), each possibly null. */
    public record Row(Link link, String date, String extra) {}

    /**
     * One page of a long list: the rows (empty with {@code pastEnd} said instead when the page is past the end), which
     * part of the list they are ({@code range}, null for a list of one page), and the {@code pager} (null likewise).
     */
    public record Rows(List<Row> rows, String extraClass, String pastEnd, String range, Pager pager) {}

    /** A section holding a paged list of papers, with its size in the heading; {@code rows} is null for an empty list. */
    public record PagedList(String id, String heading, String count, String empty, Rows rows) {}

    /** A section holding a short list of papers with a count each, and an optional note under it. */
    public record PaperList(String id, String heading, String count, String empty, List<Row> rows, Note note) {}

    /** A sentence followed by links separated by commas, ending in a full stop. */
    public record Note(String text, List<Link> links) {}

    // ------------------------------------------------------------------------------------------------ resource pages

    /** A paper's page. {@code abstractText} is null when none is recorded. */
    public record PaperView(Page page, List<Segment> title, String arxiv, String doi, String issued, String categories,
                            List<String> code, Formats formats, List<Link> authors, List<Segment> abstractText,
                            List<EntityGroup> entities, List<ResultLine> results, PagedList references, PagedList citedBy,
                            PaperList coCited, PaperList coupled, PaperList related) {}

    /** The methods (or datasets, tasks ...) a paper names, with the roles it gives each. */
    public record EntityGroup(String type, String cssClass, List<NamedEntity> entities) {}

    public record NamedEntity(Link link, String roles) {}

    /** A result a paper reports. */
    public record ResultLine(Link method, Link dataset, Link metric, boolean lowerIsBetter, String value, Link task) {}

    /** A method's, dataset's, task's or metric's page; {@code leaderboard} is null except for datasets. */
    public record EntityView(Page page, String kind, String label, String alsoWritten, List<Link> variantOf, Formats formats,
                             List<Board> leaderboard, EntityResults results, EntityPapers papers) {}

    /**
     * A metric's table in a dataset's leaderboard: the best results, how many there are ({@code more}, null when all
     * show), a link to the full ranking, and the chart.
     */
    public record Board(String metric, boolean lowerIsBetter, List<BoardRow> rows, String more, Link all, Chart chart) {}

    public record BoardRow(int rank, Link method, String value, Link paper, String date) {}

    /**
     * The best value over time as SVG, in pixels: the axes' labels, a dot per drawn result, the step line's path;
     * null {@code dots} means no dated result.
     */
    public record Chart(int width, int height, int pad, String label, String top, String bottom, String from, String to,
                        List<Dot> dots, String path, String caption) {}

    public record Dot(String x, String y, String title) {}

    /** The Results section of an entity: {@code rows} empty when there are none ({@code total} "0"). */
    public record EntityResults(String total, boolean empty, List<EntityResult> rows, String pastEnd, String range, Pager pager) {}

    public record EntityResult(Link dataset, Link metric, Link method, String value, Link paper) {}

    /** The Papers section of an entity: papers per year and a page of them; {@code empty} set when there are none. */
    public record EntityPapers(String total, String empty, List<YearBar> years, Rows rows) {}

    public record YearBar(String year, long width, long papers) {}

    /** An author's page. */
    public record AuthorView(Page page, String name, String orcid, Formats formats, PagedList papers, List<Coauthor> coauthors) {}

    public record Coauthor(Link link, String papers) {}

    /** The page of any other resource: its statements and what refers to it. */
    public record ResourceView(Page page, String label, String iri, Formats formats, List<Statement> statements,
                               List<Statement> incoming) {}

    /** A statement: {@code subject} is shown only when it is not the page's resource; incoming ones have no object. */
    public record Statement(String subject, Link predicate, Link object) {}

    // ------------------------------------------------------------------------------------------------ site pages

    /** The home page: counts, and the lists to start from. */
    public record HomeView(Page page, List<Count> counts, List<TopList> lists) {}

    public record Count(String number, String what) {}

    public record TopList(String heading, List<TopItem> items) {}

    public record TopItem(Link link, String note) {}

    /** Search results; {@code said} is null when nothing was asked. */
    public record SearchView(Page page, String said, List<Hit> hits) {}

    /** A search hit: its kind, its link, its date (papers), and where the explorer starts from it. */
    public record Hit(String cssClass, String kind, Link link, String date, String explore) {}

    /**
     * The explorer: the graph around {@code start} (null: a hint instead), a search's other hits to start from
     * ({@code hits}, null when nothing was searched), and a note on where it started.
     */
    public record ExploreView(Page page, String query, String iri, List<Hit> hits, String start, String note) {}

    /** The query page: the catalogue, the chosen query with its parameters, and the result of a run (or null). */
    public record QueryView(Page page, List<NamedQuery> catalog, NamedQuery chosen, String text, List<Parameter> parameters,
                            QueryResult result) {}

    /** A named query: its name, the link that opens it on the query page, what it answers. */
    public record NamedQuery(String name, String href, String summary) {}

    public record Parameter(String name, boolean required, String value, String description) {}

    /**
     * What a run gave: an ASK answer, a notice, or a table ({@code variables} non-null) with a count under it; an
     * {@code error} after whatever was read before it.
     */
    public record QueryResult(String answer, String notice, List<String> variables, List<List<Link>> rows, String count,
                              String error) {}

    /**
     * A page of the list of every paper: the month (or the undated papers) it shows, how many, the other order
     * ({@code byDate}, {@code byCitations}: the one shown has no href), the nearest months with papers, and the rows.
     */
    public record PapersView(Page page, String heading, String count, String empty, Link byDate, Link byCitations,
                             Link newer, Link older, Link undated, Rows rows) {}

    /** A page saying what was not found. */
    public record NotFoundView(Page page, String message) {}
}
