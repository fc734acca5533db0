package org.papergraph.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.papergraph.eval.Evaluation;
import org.papergraph.eval.FullTextEvaluation;
import org.papergraph.extract.table.TableNames;
import org.papergraph.extract.table.TableResultFinder;
import org.papergraph.eval.ResolutionEvaluation;
import org.papergraph.eval.ResultEvaluation;
import org.papergraph.extract.ExtractionModels;
import org.papergraph.resolve.EntityResolver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measures extraction on the dev splits of the gold sets in the shared data folder.",
                "Prints precision, recall and F1 per type (exact span and partial overlap) as Markdown tables, for the",
                "tune part of each dev set (what rules and the confidence model were chosen on) and the held-out report part,",
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

    @Option(names = "--results-only", description = {"Print only the results section: results read from abstracts, scored against",
            "the hand-read result gold sets."})
    boolean resultsOnly;

    @Option(names = "--table-errors", paramLabel = "PART", description = {"Also list, after the full-text tables, per paper of the tune or",
            "report half (tune or report), the wrong headline table results and the missed gold tuples, with the",
            "table cells that hold each missed score and how they were read."})
    String tableErrors;

    @Option(names = "--demo-gold", paramLabel = "FILE", defaultValue = "src/test/resources/extract/demo-results.tsv",
            description = "Hand-read result gold of the demo corpus (default: ${DEFAULT-VALUE}).")
    Path demoGold;

    @Option(names = "--other-gold", paramLabel = "FILE", defaultValue = "src/test/resources/extract/other-results.tsv",
            description = {"Hand-read result gold of abstracts from other sources, read from the shared data folder",
                    "(default: ${DEFAULT-VALUE})."})
    Path otherGold;

    @Option(names = "--tune-gold", paramLabel = "FILE", defaultValue = "src/test/resources/extract/tune-results.tsv",
            description = {"Hand-read result gold of further abstracts, tune side only (ORKG CS-NER's NLPContributionGraph,",
                    "FTD and SciERC abstracts; default: ${DEFAULT-VALUE})."})
    Path tuneGold;

    @Option(names = "--result-errors", paramLabel = "PART", description = {"Also list, per paper, the wrong and the missed results of",
            "the tune or the report part of the result gold sets (tune or report)."})
    String resultErrors;

    @Option(names = "--merges-shown", paramLabel = "N", defaultValue = "40",
            description = "Merged name groups listed per type in the entity-resolution part (default: ${DEFAULT-VALUE}).")
    int mergesShown;

    @Option(names = "--by-source", description = {"Also print the partial precision of each span source (tagger, lexicon,",
            "title-dataset phrases) per type on the report parts, and how many of its spans are shown."})
    boolean bySource;

    @Option(names = "--calibration", description = {"Also print the calibration table: per confidence bin, the spans and the share",
            "that is right on the report parts (the confidence model was fitted on the tune parts)."})
    boolean calibration;

    @Option(names = "--fast", description = {"Use the fast extraction models (a smaller abstract tagger and its own confidence model),",
            "as java -Dpapergraph.extraction=fast does for ingest, convert and demo."})
    boolean fast;

    @Option(names = "--models", paramLabel = "DIR", description = {"Measure the models in DIR, as written by build-models --out DIR",
            "(e.g. with --no-research-data), instead of the ones in the jar."})
    Path models;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (fast) System.setProperty(org.papergraph.extract.ExtractionModels.MODE_PROPERTY, "fast");
        if (!shared.resolve("data").toFile().isDirectory()) throw new UserException("no data folder under " + shared, Main.USAGE);
        if (resultErrors != null && !resultErrors.equals("tune") && !resultErrors.equals("report")) {
            throw new UserException("--result-errors takes tune or report, not " + resultErrors, Main.USAGE);
        }
        if (tableErrors != null && !tableErrors.equals("tune") && !tableErrors.equals("report")) {
            throw new UserException("--table-errors takes tune or report, not " + tableErrors, Main.USAGE);
        }
        PrintWriter out = spec.commandLine().getOut();
        ExtractionModels extraction = models();
        if (fullTextOnly) {
            fullText(extraction, out);
            return 0;
        }
        if (resultsOnly) {
            out.println("## Results");
            new ResultEvaluation(extraction).report(shared, seedGold, demoGold, otherGold, tuneGold, resultErrors, out);
            return 0;
        }
        Evaluation ev = new Evaluation(shared, extraction);
        out.println("## Entities");
        ev.entityReport(out);
        out.println();
        if (bySource) {
            out.println("## Entity precision by source");
            ev.sourceReport(out);
            out.println();
        }
        if (calibration) {
            out.println("## Confidence calibration");
            out.println();
            ev.calibrationReport(out);
        }
        out.println("## Results");
        new ResultEvaluation(extraction).report(shared, seedGold, demoGold, otherGold, tuneGold, resultErrors, out);
        out.println();
        out.println("## Entity resolution");
        ResolutionEvaluation resolution = new ResolutionEvaluation(shared);
        resolution.report(out);
        out.println();
        out.println("What the resolver merges beyond the key rule, on the distinct Papers with Code names (each group is one entity):");
        out.println();
        resolution.resolverMerges(new EntityResolver(extraction.lexicon()), mergesShown, out);
        out.println();
        fullText(extraction, out);
        return 0;
    }

    private void fullText(ExtractionModels extraction, PrintWriter out) throws IOException {
        out.println("## Full text: results from tables");
        TableNames names = TableNames.shipped();
        if (models != null) {
            try (InputStream in = Files.newInputStream(models.resolve(TableNames.FILE))) { names = TableNames.read(in, extraction.lexicon()); }
        }
        FullTextEvaluation ev = new FullTextEvaluation(new TableResultFinder(names, extraction.lexicon()), extraction.lexicon());
        ev.report(shared, out);
        if (tableErrors != null) {
            out.println();
            out.println("## Full text: table results wrong and missed, " + tableErrors + " half");
            ev.errors(shared, FullTextEvaluation.Half.valueOf(tableErrors.toUpperCase(java.util.Locale.ROOT)), out);
        }
    }

    /** The models measured: those in {@link #models} when given (fast or accurate as {@link #fast} says), else the jar's. */
    private ExtractionModels models() throws IOException {
        if (models == null) return ExtractionModels.shipped();
        if (!models.resolve(ExtractionModels.LEXICON).toFile().isFile()) {
            throw new UserException("no models in " + models + " (no " + ExtractionModels.LEXICON + "): write them with build-models --out "
                    + models, Main.USAGE);
        }
        return ExtractionModels.read(models, fast);
    }
}
