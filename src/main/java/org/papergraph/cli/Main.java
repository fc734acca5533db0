package org.papergraph.cli;

import org.papergraph.ingest.IngestException;
import org.papergraph.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code papergraph} command line: one small class per subcommand. */
@Command(name = "papergraph", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Builds a knowledge graph of machine-learning research in Apache Jena TDB2 and serves it.",
        subcommands = {
                IngestCommand.class,
                ConvertCommand.class,
                QueryCommand.class,
                ExportCommand.class,
                ServeCommand.class,
                DemoCommand.class,
                LoadTestCommand.class,
                ValidateCommand.class,
                BuildModelsCommand.class,
                EvalCommand.class,
                BenchExtractCommand.class,
                BenchDataCommand.class,
                CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    /** Exit status when the arguments are wrong. */
    public static final int USAGE = 2;
    /** Exit status when the command ran but some input was rejected. */
    public static final int REJECTED = 1;
    /** Exit status for an internal error (a bug). */
    public static final int INTERNAL = 70;
    private static final boolean DEBUG = System.getenv("PAPERGRAPH_DEBUG") != null;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit status; never calls {@link System#exit}. */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof IngestException || ex instanceof StoreException || ex instanceof UserException) {
                cmd.getErr().println("papergraph: " + ex.getMessage());
                return ex instanceof UserException u ? u.status() : 3;
            }
            // A bug, not bad input: one line for the user, the stack trace only when asked for.
            cmd.getErr().println("papergraph: internal error: " + ex
                    + (DEBUG ? "" : " (set PAPERGRAPH_DEBUG=1 for the stack trace, and please report it)"));
            if (DEBUG) ex.printStackTrace(cmd.getErr());
            return INTERNAL;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
