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
            description = "Bind ?NAME to VALUE (an IRI, <IRI>, a number or a string); repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv, tsv or json (default: ${DEFAULT-VALUE}).")
    String format;

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
            QueryRunner.bind(q, params);
            try (GraphStore store = storeOptions.openExisting()) {
                // Result writers want bytes (Jena's JSON writer refuses a Writer): results go to standard output.
                out.flush();
                new QueryRunner().run(store.dataset(), q, params, fmt, System.out);
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
