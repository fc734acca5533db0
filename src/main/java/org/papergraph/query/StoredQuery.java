package org.papergraph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SPARQL query file with its grlc-style header: {@code #+ summary:} (what it answers), {@code # Params:} (one
 * {@code ?name required|optional description} per line, or {@code none}) and {@code # Returns:} (its columns).
 * The header is made of comments, so the file stays valid SPARQL. Immutable.
 *
 * @param name    the query's name (file name without {@code .rq}), or the file path for an ad-hoc file
 * @param text    the whole file
 * @param summary the summary line, empty when the file has none
 * @param params  the documented parameters, in header order
 */
public record StoredQuery(String name, String text, String summary, List<Param> params) {
    private static final Pattern SUMMARY = Pattern.compile("^#\\+\\s*summary:\\s*(.*)$");
    private static final Pattern PARAMS = Pattern.compile("^#\\s*Params:\\s*(.*)$");
    /** A parameter line: {@code ?name required|optional rest}. */
    private static final Pattern PARAM = Pattern.compile("^#?\\s*\\?([A-Za-z_][A-Za-z0-9_]*)\\s+(required|optional)\\b\\s*(.*)$");

    /**
     * One documented parameter; the query is run with {@code ?name} replaced by the given value.
     *
     * @param name        variable name without {@code ?}
     * @param required    whether the query refuses to run without it
     * @param description the rest of the header line
     */
    public record Param(String name, boolean required, String description) {
        /** Whether the value must be an IRI: the header line says so ("paper IRI", "dataset IRI"). */
        public boolean takesIri() { return description.matches("(?s).*\\bIRI\\b.*"); }

        /** Whether the value names a paper ("paper IRI"), which may also be given as an arXiv id or DOI. */
        public boolean takesPaper() { return description.matches("(?s).*\\bpaper IRI\\b.*"); }
    }

    public StoredQuery {
        params = List.copyOf(params);
    }

    /** Reads the header of {@code text}; a file without one gets an empty summary and no parameters. */
    public static StoredQuery parse(String name, String text) {
        String summary = "";
        List<Param> params = new ArrayList<>();
        boolean inParams = false;
        for (String line : text.split("\\R")) {
            if (!line.startsWith("#")) break;
            Matcher m = SUMMARY.matcher(line);
            if (m.matches()) {
                summary = m.group(1).strip();
                inParams = false;
                continue;
            }
            m = PARAMS.matcher(line);
            if (m.matches()) {
                inParams = true;
                addParam(m.group(1), params);
                continue;
            }
            if (line.matches("^#\\s*[A-Z][A-Za-z]*:.*")) inParams = false;
            if (inParams) addParam(line.substring(1), params);
        }
        return new StoredQuery(name, text, summary, params);
    }

    private static void addParam(String text, List<Param> into) {
        Matcher m = PARAM.matcher(text.strip());
        if (m.matches()) into.add(new Param(m.group(1), m.group(2).equals("required"), m.group(3).strip()));
    }

    public Optional<Param> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
