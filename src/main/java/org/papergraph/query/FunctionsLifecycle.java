package org.papergraph.query;

import org.apache.jena.sys.JenaSubsystemLifecycle;

/**
 * Registers {@link PaperFunctions} when Jena initialises. Found by Jena through
 * {@code META-INF/services/org.apache.jena.sys.JenaSubsystemLifecycle}, so no entry point (CLI, server, tests) has to
 * remember to call {@link PaperFunctions#register()}.
 */
public final class FunctionsLifecycle implements JenaSubsystemLifecycle {
    @Override
    public void start() { PaperFunctions.register(); }

    @Override
    public void stop() {}

    /** After ARQ (30) and TDB2 (42), whose registries and engines the functions use. */
    @Override
    public int level() { return 900; }
}
