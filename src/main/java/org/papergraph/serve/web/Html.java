package org.papergraph.serve.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * What the pages' links are built from: links are relative to the page (through the root this gives), so the site
 * works behind a reverse proxy under any path prefix; values in a query string are URL-encoded. The markup itself is
 * in the templates ({@code src/main/jte}), which escape every value. Stateless.
 */
final class Html {
    private Html() {}

    /** The relative prefix from a page at {@code requestPath} (e.g. /id/paper/arxiv/1) to the server root. */
    static String rootFor(String requestPath) {
        int depth = 0;
        for (int i = 1; i < requestPath.length(); i++) if (requestPath.charAt(i) == '/') depth++;
        return depth == 0 ? "./" : "../".repeat(depth);
    }

    static String url(String s) { return URLEncoder.encode(s, StandardCharsets.UTF_8); }
}
