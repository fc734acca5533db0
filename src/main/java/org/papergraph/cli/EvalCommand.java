package org.papergraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.papergraph.eval.Evaluation;
import org.papergraph.eval.ResolutionEvaluation;
import org.papergraph.eval.ResultEvaluation;
import org.papergraph.extract.ExtractionModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = {"Measures extraction on the dev splits of the gold sets in the shared data folder.",
                "Prints precision, recall and F1 per type (exact span and partial overlap) as Markdown tables, for the",
                "tune part of each dev set (what rules and the confidence model were chosen on) and the held-out report part."})
public final class EvalCommand implements Callable<Integer> {
    @Option(names = "--shared", paramLabel = "DIR", defaultValue = "../shared", description = "Shared data folder (default: ${DEFAULT-VALUE}).")
    Path shared;

    @Option(names = "--seed-gold", paramLabel = "FILE", defaultValue = "src/test/resources/extract/seed-results.tsv",
            description = "Hand-checked result gold of the seed listing (default: ${DEFAULT-VALUE}).")
    Path seedGold;

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
        PrintWriter out = spec.commandLine().getOut();
        ExtractionModels extraction = models();
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
        new ResultEvaluation(extraction).report(shared, seedGold, out);
        out.println();
        out.println("## Entity resolution");
        new ResolutionEvaluation(shared).report(out);
        return 0;
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
