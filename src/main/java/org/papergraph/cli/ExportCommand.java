package org.papergraph.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.eclipse.rdf4j.rio.RDFHandlerException;
import org.papergraph.export.Exporter;
import org.papergraph.export.Exporter.Format;
import org.papergraph.export.PartFile;
import org.papergraph.store.GraphStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes the store as an RDF dump (RDF4J Rio; JSON-LD by papergraph's streaming writer).",
                "ttl, nt, jsonld, rdfxml: the union graph, each triple once; nq, trig: every named graph kept."})
public final class ExportCommand implements Callable<Integer> {
    @Mixin StoreOptions storeOptions;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "ttl",
            description = "ttl, nt, nq, trig, jsonld or rdfxml (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path output;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try {
            return export();
        } catch (RDFHandlerException | IOException e) {
            throw new UserException("export failed: " + e.getMessage());
        }
    }

    private int export() throws IOException {
        Format f = Format.byName(format).orElseThrow(() -> new UserException(
                "unknown --format '" + format + "'; known: " + String.join(", ", Format.names()), Main.USAGE));
        try (GraphStore store = storeOptions.openExisting()) {
            long n;
            if (output == null) {
                // Picocli's writer is for text; the dump goes to the raw stream, left open for the JVM.
                OutputStream out = new BufferedOutputStream(System.out, 1 << 16);
                n = new Exporter(store).export(f, out);
                out.flush();
            } else {
                // Write beside the target and move it into place, so a failed or stopped export leaves no
                // half-written file (PartFile).
                try (PartFile pf = PartFile.beside(output)) {
                    pf.reportLeftovers(spec.commandLine().getErr()::println);
                    try (OutputStream out = new BufferedOutputStream(pf.open(), 1 << 16)) {
                        n = new Exporter(store).export(f, out);
                    }
                    pf.commit();
                }
            }
            spec.commandLine().getErr().println("exported " + n + (f.keepsGraphs() ? " quads" : " triples") + " as " + f.cliName()
                    + (output == null ? "" : " to " + output));
            return 0;
        }
    }
}
