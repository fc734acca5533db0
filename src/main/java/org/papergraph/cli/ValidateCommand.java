package org.papergraph.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.util.FmtUtils;
import org.papergraph.store.GraphStore;
import org.papergraph.validate.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks the store's union graph against the SHACL shapes in ontology/shapes.ttl.",
                "Exit status 0 when it conforms, 1 when there are violations (warnings are listed, not counted)."})
public final class ValidateCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50",
            description = "Show at most N problems (default: ${DEFAULT-VALUE}); the counts are always complete.")
    int limit;

    @Spec CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 0) throw new UserException("--limit must be 0 or more", Main.USAGE);
        PrintWriter out = spec.commandLine().getOut();
        try (GraphStore store = storeOptions.openExisting()) {
            Validation.Outcome o = Validation.bundled().validate(store.datasetGraph());
            int shown = 0;
            for (Validation.Problem p : o.problems()) {
                if (shown++ == limit) break;
                out.println(p.severityName() + ": " + fmt(p.focus())
                        + (p.path() == null ? "" : " " + p.path())
                        + (p.value() == null || p.value().equals(p.focus()) ? "" : " value " + fmt(p.value()))
                        + ": " + p.message());
            }
            if (o.problems().size() > limit) out.println("(" + (o.problems().size() - limit) + " more not shown; use --limit)");
            out.println((o.conforms() ? "conforms" : "does not conform") + ": " + o.violations() + " violations, "
                    + o.warnings() + " warnings");
            return o.conforms() ? 0 : Main.REJECTED;
        }
    }

    private static String fmt(Node n) { return FmtUtils.stringForNode(n); }
}
