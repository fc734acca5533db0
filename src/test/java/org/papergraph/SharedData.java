package org.papergraph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real data for tests: the {@code shared} folder beside the checkout ({@code ../shared}). Tests fail, not skip,
 * when it is missing: CI and every developer have it.
 */
public final class SharedData {
    private SharedData() {}

    public static final Path ROOT = Path.of("..", "shared").toAbsolutePath().normalize();

    /** A path under {@code ../shared}, asserted to exist. */
    public static Path path(String relative) {
        Path p = ROOT.resolve(relative);
        assertTrue(Files.exists(p), "missing test data " + p + " (the shared folder must sit beside the checkout)");
        return p;
    }

    public static Path listing() { return path("seeds/trending-papers-listing.txt"); }
}
