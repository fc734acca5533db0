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
                CompactCommand.class,
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
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof IngestException || ex instanceof StoreException || ex instanceof UserException) {
                boolean usage = ex instanceof UserException u && u.status() == USAGE;
                String name = cmd.getCommandSpec().qualifiedName();
                cmd.getErr().println((usage ? name : "papergraph") + ": " + ex.getMessage()
                        + (usage ? " (see '" + name + " --help')" : ""));
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

    /**
     * A mistake in the arguments: one line naming it (with picocli's suggestion when there is one) and where the
     * help is, exit status {@link #USAGE}; never the whole usage text, which buries the mistake.
     */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        String message = ex.getMessage() == null ? ex.toString() : ex.getMessage().lines().findFirst().orElse("").strip();
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            java.util.List<String> unmatched = u.getUnmatched();
            String first = unmatched.isEmpty() ? "" : unmatched.get(0);
            boolean subcommands = !cmd.getSubcommands().isEmpty();
            if (first.startsWith("-")) message = "unknown option '" + first + "'";
            else if (subcommands) message = "unknown command '" + first + "'";
            else message = "unexpected argument '" + first + "'";
            java.util.List<String> suggestions = new java.util.ArrayList<>(u.getSuggestions());
            if (suggestions.isEmpty()) suggestions.addAll(nearest(first, subcommands && !first.startsWith("-")
                    ? cmd.getSubcommands().keySet() : cmd.getCommandSpec().optionsMap().keySet()));
            if (!suggestions.isEmpty()) message += "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
        }
        cmd.getErr().println(name + ": " + lowerFirst(message) + " (see '" + name + " --help')");
        cmd.getErr().flush();
        return USAGE;
    }

    /** The names within two edits of {@code typed}, nearest first: "--frmat" finds "--format". */
    private static java.util.List<String> nearest(String typed, java.util.Collection<String> names) {
        String t = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
        var distance = org.apache.commons.text.similarity.LevenshteinDistance.getDefaultInstance();
        return names.stream().filter(n -> distance.apply(t, n) <= 2)
                .sorted(java.util.Comparator.comparingInt((String n) -> distance.apply(t, n)).thenComparing(n -> n)).toList();
    }

    private static String lowerFirst(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && !Character.isUpperCase(s.charAt(1))) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
        return s;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
