package org.papergraph.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.papergraph.query.QueryCatalog;
import org.papergraph.query.QueryFailure;
import org.papergraph.query.QueryRunner;
import org.papergraph.query.ResultFormat;
import org.papergraph.query.StoredQuery;
import org.papergraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Runs a named query from queries/ (see --list) or a .rq file against the store, offline.",
                "Exit status 2 when the query is unknown, does not parse or lacks a required --param."})
public final class QueryCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;

    @Parameters(arity = "0..1", paramLabel = "NAME|FILE.rq", description = "A query name, or a path to a SPARQL file.")
    String query;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = {"Bind ?NAME to VALUE (an IRI, <IRI>, a number or a string); repeatable.",
                    "A paper IRI may also be given as an arXiv id (1706.03762) or a DOI (10.1109/cvpr.2016.90)."})
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = {"table, csv, tsv or json (default: ${DEFAULT-VALUE}). table is for people: prefixed names,",
                    "plain values, cut to the terminal's width; csv, tsv and json keep every term exactly."})
    String format;

    @Option(names = "--width", paramLabel = "N",
            description = "Widest line of the table format (default: the terminal's width, else 120; 0 = no limit).")
    Integer width;

    @Option(names = "--list", description = "List the named queries with their summaries and exit.")
    boolean list;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        QueryCatalog catalog = QueryCatalog.classpath();
        if (list) {
            for (StoredQuery q : catalog.all()) out.printf("%-26s %s%n", q.name(), q.summary());
            out.flush();
            return 0;
        }
        if (query == null) throw new UserException("give a query name or file, or --list to see the names", Main.USAGE);
        ResultFormat fmt = parseFormat(format);
        try {
            StoredQuery q = catalog.resolve(query);
            QueryRunner.parse(q);
            try (GraphStore store = storeOptions.openExisting()) {
                // A paper may be named by its arXiv id or DOI: the store says which IRI carries it.
                Map<String, String> bound = QueryRunner.resolvePapers(q, params, store.dataset());
                QueryRunner.bind(q, bound);
                // Result writers want bytes (Jena's JSON writer refuses a Writer): results go to standard output.
                out.flush();
                new QueryRunner(store.iris().base(), width == null ? Terminal.width() : width).run(store.dataset(), q, bound, fmt, System.out);
            }
            return 0;
        } catch (QueryFailure e) {
            throw new UserException(e.getMessage(), Main.USAGE);
        }
    }

    private static ResultFormat parseFormat(String name) {
        try {
            return ResultFormat.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserException("unknown --format '" + name + "'; known: table, csv, tsv, json", Main.USAGE);
        }
    }
}
