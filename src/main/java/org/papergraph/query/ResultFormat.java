package org.papergraph.query;

import java.util.Locale;

import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;

/** Output formats of query results. */
public enum ResultFormat {
    /** Aligned text table for people: prefixed names, plain values, as wide as the terminal ({@link TableWriter}). */
    TABLE(ResultSetLang.RS_Text),
    /** SPARQL 1.1 CSV: a header row of variable names, then one row per solution. */
    CSV(ResultSetLang.RS_CSV),
    /** SPARQL 1.1 TSV: terms in SPARQL syntax. */
    TSV(ResultSetLang.RS_TSV),
    /** SPARQL 1.1 JSON results. */
    JSON(ResultSetLang.RS_JSON);

    private final Lang lang;

    ResultFormat(Lang lang) { this.lang = lang; }

    Lang lang() { return lang; }

    public String label() { return name().toLowerCase(Locale.ROOT); }
}
