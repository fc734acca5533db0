package org.papergraph.serve.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.apache.commons.text.StringEscapeUtils;

/**
 * Builds one HTML page. Every piece of text from the data goes through {@link #text} or {@link #attr}, which escape
 * it, so a title holding {@code <script>} shows as text; only the page's own markup goes in raw through
 * {@link #raw}. Links are relative to the page (through {@link #root}), so the site works behind a reverse proxy
 * under any path prefix. Not thread-safe: one instance per response.
 */
final class Html {
    private final StringBuilder sb = new StringBuilder(8192);
    /** Relative path from the page to the server root, e.g. {@code ../../} or {@code ./}. */
    final String root;

    Html(String root) { this.root = root; }

    /** The relative prefix from a page at {@code requestPath} (e.g. /id/paper/arxiv/1) to the server root. */
    static String rootFor(String requestPath) {
        int depth = 0;
        for (int i = 1; i < requestPath.length(); i++) if (requestPath.charAt(i) == '/') depth++;
        return depth == 0 ? "./" : "../".repeat(depth);
    }

    static String escape(String s) { return s == null ? "" : StringEscapeUtils.escapeHtml4(s); }

    static String url(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }

    Html raw(String markup) {
        sb.append(markup);
        return this;
    }

    Html text(String s) {
        sb.append(escape(s));
        return this;
    }

    /** Appends a double-quoted attribute value (escaped). */
    Html attr(String name, String value) {
        sb.append(' ').append(name).append("=\"").append(escape(value)).append('"');
        return this;
    }

    /** Appends {@code <tag>text</tag>}. */
    Html el(String tag, String s) {
        return raw("<" + tag + ">").text(s).raw("</" + tag + ">");
    }

    /** Appends a link; {@code href} is used as given after escaping. */
    Html link(String href, String label) {
        sb.append("<a");
        attr("href", href);
        return raw(">").text(label).raw("</a>");
    }

    /** Starts a page: head, stylesheet, header with the search box. */
    Html open(String title, String query) {
        raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<title>").text(title).raw(" · papergraph</title>")
                .raw("<link rel=\"stylesheet\"").attr("href", root + "static/papergraph.css").raw("></head><body>")
                .raw("<header><a class=\"brand\"").attr("href", root).raw(">papergraph</a>")
                .raw("<form class=\"search\" method=\"get\"").attr("action", root + "search").raw(">")
                .raw("<input type=\"search\" name=\"q\" placeholder=\"Search papers, methods, datasets, authors\" aria-label=\"Search\"")
                .attr("value", query == null ? "" : query).raw("><button type=\"submit\">Search</button></form>")
                .raw("<nav>").link(root + "explore", "Explorer").raw(" ").link(root + "query", "SPARQL")
                .raw(" ").link(root + ".well-known/void", "VoID").raw("</nav></header><main>");
        return this;
    }

    /** Ends the page. */
    Html close() {
        return raw("</main><footer>papergraph · read-only linked data · ").link(root + "papergraph/sparql", "SPARQL endpoint")
                .raw("</footer></body></html>\n");
    }

    @Override
    public String toString() { return sb.toString(); }
}
