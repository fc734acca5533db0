package org.papergraph.serve.web;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which page each paged list of a resource page shows. Each list is named by its section id, which is also its
 * query parameter ({@code /id/paper/arxiv/1501.00000?cited-by=3#cited-by}), so the path, and with it the resource
 * the request names, stays the same whatever page is shown; a list not named shows its first page. Page numbers
 * are 1-based; a value that is not a whole number from 1 up is refused with {@link IllegalArgumentException}
 * (the site answers 400), while a page past the end of a list is the list's business (it says so). Immutable.
 */
final class Paging {
    /** Rows on one page of a list. Big enough to scan, small enough that a page renders in milliseconds. */
    static final int ROWS = 50;
    /**
     * The lists that take a page parameter: the paper's references and citing papers, an entity's or author's papers,
     * and the results that name a method, task or metric.
     */
    static final Set<String> SECTIONS = Set.of("references", "cited-by", "papers", "results");
    /** The first page of every list. */
    static final Paging FIRST = new Paging(Map.of());

    private final Map<String, Integer> pages;

    private Paging(Map<String, Integer> pages) { this.pages = Map.copyOf(pages); }

    /** The pages asked for in {@code parameters} (a servlet parameter map); other parameters are ignored. */
    static Paging of(Map<String, String[]> parameters) {
        Map<String, Integer> pages = new TreeMap<>();
        for (String section : SECTIONS) {
            String[] values = parameters.get(section);
            if (values == null || values.length == 0) continue;
            if (values.length > 1) throw new IllegalArgumentException("Give " + section + " once, not " + values.length + " times");
            pages.put(section, parse(section, values[0]));
        }
        return new Paging(pages);
    }

    /** A page number: digits only, from 1; otherwise {@link IllegalArgumentException} naming {@code section}. */
    static int parse(String section, String value) {
        String v = value.strip();
        // Digits only: "+2", "2.0" and "0x2" are refused rather than guessed at.
        if (!v.isEmpty() && v.length() <= 9 && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int n = Integer.parseInt(v);
            if (n >= 1) return n;
        }
        throw new IllegalArgumentException("Page numbers are whole numbers from 1 to 999999999; got " + section + "=" + value);
    }

    /** The 1-based page of {@code section} to show. */
    int page(String section) { return pages.getOrDefault(section, 1); }

    /** The number of rows before the page of {@code section}. */
    long offset(String section) { return (long) (page(section) - 1) * ROWS; }
}
