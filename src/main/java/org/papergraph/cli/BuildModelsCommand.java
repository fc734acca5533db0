package org.papergraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.papergraph.extract.ExtractionModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build-models", mixinStandardHelpOptions = true,
        description = {"Rebuilds the extraction lexicon and trains the entity taggers from the shared data (train splits only).",
                "Writes lexicon.tsv, title-tagger.bin.gz, abstract-tagger.bin.gz, ordinary-words.tsv and table-names.tsv",
                "(leaderboard names from the SOTA? train annotations, CC BY-SA 4.0); commit them to ship them in the jar."})
public final class BuildModelsCommand implements Callable<Integer> {
    @Option(names = "--shared", paramLabel = "DIR", defaultValue = "../shared", description = "Shared data folder (default: ${DEFAULT-VALUE}).")
    Path shared;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "src/main/resources/extract",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!shared.resolve("data").toFile().isDirectory()) throw new UserException("no data folder under " + shared, Main.USAGE);
        Map<String, String> report = ExtractionModels.build(shared, out);
        report.forEach((k, v) -> spec.commandLine().getOut().println(k + ": " + v));
        return 0;
    }
}
