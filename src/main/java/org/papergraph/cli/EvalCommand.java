package org.papergraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.papergraph.eval.Evaluation;
import org.papergraph.eval.FullTextEvaluation;
import org.papergraph.extract.lexicon.Lexicon;
import org.papergraph.extract.table.TableResultFinder;
import org.papergraph.eval.ResolutionEvaluation;
import org.papergraph.eval.ResultEvaluation;
import org.papergraph.extract.ExtractionModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measures extraction on the dev splits of the gold sets in the shared data folder.",
                "Prints precision, recall and F1 per type (exact span and partial overlap) as Markdown tables,",
                "and for results read from full-text tables micro precision, recall and F1 over (dataset, metric, score)",
                "and (task, dataset, metric, score) on the tune and report halves of the SOTA? TEI and LaTeX papers."})
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--shared", paramLabel = "DIR", defaultValue = "../shared", description = "Shared data folder (default: ${DEFAULT-VALUE}).")
    Path shared;

    @Option(names = "--seed-gold", paramLabel = "FILE", defaultValue = "src/test/resources/extract/seed-results.tsv",
            description = "Hand-checked result gold of the seed listing (default: ${DEFAULT-VALUE}).")
    Path seedGold;

    @Option(names = "--full-text", description = {"Print only the full-text section: results read from the tables of the",
            "SOTA? GROBID TEI and LaTeX papers, per tune and report half."})
    boolean fullTextOnly;

    @Option(names = "--by-source", description = {"Also print the partial precision of each span source (tagger, lexicon,",
            "title-dataset phrases) per type, beside the confidence the extractor gives such spans."})
    boolean bySource;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!shared.resolve("data").toFile().isDirectory()) throw new UserException("no data folder under " + shared, Main.USAGE);
        PrintWriter out = spec.commandLine().getOut();
        if (fullTextOnly) {
            fullText(out);
            return 0;
        }
        Evaluation ev = new Evaluation(shared, ExtractionModels.shipped());
        out.println("## Entities");
        ev.entityReport(out);
        out.println();
        if (bySource) {
            out.println("## Entity precision by source");
            ev.sourceReport(out);
            out.println();
        }
        out.println("## Results");
        new ResultEvaluation(ExtractionModels.shipped()).report(shared, seedGold, out);
        out.println();
        out.println("## Entity resolution");
        new ResolutionEvaluation(shared).report(out);
        out.println();
        fullText(out);
        return 0;
    }

    private void fullText(PrintWriter out) throws IOException {
        out.println("## Full text: results from tables");
        new FullTextEvaluation(TableResultFinder.shipped(), Lexicon.shipped()).report(shared, out);
    }
}
