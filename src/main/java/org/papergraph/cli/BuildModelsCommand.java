package org.papergraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.papergraph.extract.ExtractionModels;
import org.papergraph.extract.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build-models", mixinStandardHelpOptions = true,
        description = {"Rebuilds the extraction lexicon and trains the entity taggers from the shared data (train splits only).",
                "Writes lexicon.tsv, the taggers, the word statistics, the confidence models and table-names.tsv (leaderboard",
                "names from the SOTA? train annotations); commit them to ship them in the jar.",
                "With --no-research-data only permissively licensed sources are read (NOTICE); compare with eval --models DIR."})
public final class BuildModelsCommand implements Callable<Integer> {
    @Option(names = "--shared", paramLabel = "DIR", defaultValue = "../shared", description = "Shared data folder (default: ${DEFAULT-VALUE}).")
    Path shared;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "src/main/resources/extract",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--no-research-data", description = {"Learn only from permissively licensed sources (NLP-TDMS, SciREX), leaving out",
            "ORKG CS-NER and SciERC (research use), Papers with Code and SOTA? (CC BY-SA 4.0); use with --out."})
    boolean noResearchData;

    @Option(names = "--confidence-only", description = {"Refit only the confidence models from the lexicon and taggers already in --out",
            "(after a change to the finder's rules; about a minute)."})
    boolean confidenceOnly;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!shared.resolve("data").toFile().isDirectory()) throw new UserException("no data folder under " + shared, Main.USAGE);
        if (noResearchData && !spec.commandLine().getParseResult().hasMatchedOption("--out")) {
            throw new UserException("--no-research-data needs --out DIR: the shipped models in " + out + " are built from all sources", Main.USAGE);
        }
        TrainingData data = noResearchData ? TrainingData.PERMISSIVE : TrainingData.ALL;
        Map<String, String> report = confidenceOnly ? ExtractionModels.refitConfidence(shared, out, data) : ExtractionModels.build(shared, out, data);
        report.forEach((k, v) -> spec.commandLine().getOut().println(k + ": " + v));
        return 0;
    }
}
