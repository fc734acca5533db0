package org.papergraph.source;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads paper identifiers out of the links sources give for a paper ({@code https://arxiv.org/abs/1704.03549v4},
 * {@code https://doi.org/10.1145/...}), so a leaderboard row links to its paper by identifier before title.
 */
final class PaperLinks {
    private PaperLinks() {}

    /** New-style ({@code 1704.03549}) and old-style ({@code cs/0601001}, {@code math.AG/0601001}) ids, version apart. */
    static final Pattern ARXIV = Pattern.compile(
            "(?i)arxiv\\.org/(?:(?:abs|pdf|html)/)?((?:\\d{4}\\.\\d{4,5})|(?:[a-z-]+(?:\\.[a-z]{2})?/\\d{7}))(v\\d+)?");
    static final Pattern DOI = Pattern.compile("(?i)(?:dx\\.)?doi\\.org/(10\\.\\d{4,9}/\\S+)");

    /** Sets the arXiv id or the DOI the URL holds, if any; other URLs are kept as the {@code url} id. */
    static void identify(String url, PaperRecord.Builder b) {
        if (url == null) return;
        Matcher a = ARXIV.matcher(url);
        if (a.find()) {
            b.arxivId(a.group(1));
            return;
        }
        Matcher d = DOI.matcher(url);
        if (d.find()) {
            b.doi(d.group(1));
            return;
        }
        b.otherId("url", url);
    }
}
