package org.papergraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.papergraph.resolve.Iris;
import org.papergraph.serve.Server;
import org.papergraph.store.GraphStore;
import picocli.CommandLine;

/** The server's command-line options: where the update password comes from, and refusing to start without it. */
class ServerOptionsTest {
    static final String SECRET = "s3cret-Pa55";
    @TempDir Path tmp;

    ServerOptions parse(String... args) {
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd.serverOptions;
    }

    @Test
    void allowUpdatesWithoutAPasswordRefusesToStart() {
        ServerOptions o = parse("--allow-updates", "--port", "0");
        o.environment = name -> null;
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            UserException e = assertThrows(UserException.class, () -> o.builder(store));
            assertTrue(e.getMessage().contains("--password-file") && e.getMessage().contains(ServerOptions.PASSWORD_ENV), e.getMessage());
            assertEquals(Main.USAGE, e.status());
            o.environment = name -> "";
            assertThrows(UserException.class, () -> o.builder(store));
        }
    }

    @Test
    void passwordComesFromTheEnvironmentOrAFileNeverAnArgument() throws Exception {
        try (GraphStore store = GraphStore.open(tmp.resolve("db"), Iris.defaults())) {
            ServerOptions env = parse("--allow-updates", "--port", "0", "--user", "editor");
            env.environment = name -> name.equals(ServerOptions.PASSWORD_ENV) ? SECRET : null;
            Server s = env.builder(store).build();
            assertTrue(s.updatesAllowed());
            assertEquals("editor", s.updateUser());
            assertEquals(SECRET, env.password());

            Path file = tmp.resolve("pw.txt");
            Files.writeString(file, "from-file\nsecond line ignored\n");
            ServerOptions fromFile = parse("--allow-updates", "--port", "0", "--password-file", file.toString());
            fromFile.environment = name -> SECRET;
            assertEquals("from-file", fromFile.password(), "the file wins over the environment");
            assertEquals("admin", fromFile.builder(store).build().updateUser());

            ServerOptions missing = parse("--allow-updates", "--password-file", tmp.resolve("nope").toString());
            UserException e = assertThrows(UserException.class, missing::password);
            assertTrue(e.getMessage().contains("cannot read --password-file"), e.getMessage());
        }
        // There is no option that takes the password itself.
        assertThrows(CommandLine.UnmatchedArgumentException.class, () -> parse("--allow-updates", "--password", SECRET));
        ServerOptions ro = parse();
        assertFalse(ro.allowUpdates);
    }

    @Test
    void serveRefusesThroughMainAndNeverPrintsThePassword() throws Exception {
        assumeTrue(System.getenv(ServerOptions.PASSWORD_ENV) == null, "the test needs " + ServerOptions.PASSWORD_ENV + " unset");
        Path db = tmp.resolve("db");
        GraphStore.open(db, Iris.defaults()).close();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        int status;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = Main.run("serve", "--store", db.toString(), "--port", "0", "--allow-updates");
        } finally {
            System.setErr(old);
        }
        assertEquals(Main.USAGE, status);
        String text = err.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("--allow-updates needs a password"), text);

        Path file = tmp.resolve("pw");
        Files.writeString(file, SECRET + "\n");
        ServerOptions o = parse("--allow-updates", "--port", "0", "--password-file", file.toString(), "--max-results", "0");
        try (GraphStore store = GraphStore.open(db, Iris.defaults())) {
            UserException e = assertThrows(UserException.class, () -> o.builder(store));
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
        }
    }
}
