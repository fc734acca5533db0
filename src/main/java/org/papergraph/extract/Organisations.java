package org.papergraph.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Names of organisations ML abstracts mention (companies, their labs, AI institutes), from
 * {@code /extract/organisations.txt}: such a name is no method, dataset, task or metric ("Amazon", "Samsung",
 * "AMD/Xilinx"). Immutable; safe to share.
 */
final class Organisations {
    private Organisations() {}

    private static final Set<String> NAMES = load();

    private static Set<String> load() {
        Set<String> names = new HashSet<>();
        try (InputStream in = Organisations.class.getResourceAsStream("/extract/organisations.txt")) {
            if (in == null) throw new IllegalStateException("missing resource /extract/organisations.txt");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                line = line.strip();
                if (!line.isEmpty() && !line.startsWith("#")) names.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(names);
    }

    /** True when {@code name} is an organisation, or a "/"-joined list of them ("AMD/Xilinx"). */
    static boolean known(String name) {
        if (NAMES.contains(name)) return true;
        if (name.indexOf('/') < 0) return false;
        for (String part : name.split("/")) if (!NAMES.contains(part)) return false;
        return true;
    }
}
