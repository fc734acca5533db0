package org.papergraph.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;
import org.papergraph.resolve.Iris;

/** {@link CodeLinkExtractor#find} tries its pattern only near a host, and finds what trying it everywhere finds. */
class CodeLinkFindTest {
    /** The plain way: the pattern from every position, as the extractor did before. */
    static Set<String> everywhere(String text) {
        Set<String> into = new LinkedHashSet<>();
        Matcher m = CodeLinkExtractor.REPO.matcher(text);
        while (m.find()) {
            String repo = m.group(3);
            while (repo.endsWith(".")) repo = repo.substring(0, repo.length() - 1);
            if (repo.endsWith(".git")) repo = repo.substring(0, repo.length() - 4);
            if (repo.isEmpty()) continue;
            into.add(Iris.normaliseRepositoryUrl("https://" + m.group(1).toLowerCase() + "/" + m.group(2) + "/" + repo));
        }
        return into;
    }

    static Set<String> found(String text) {
        Set<String> into = new LinkedHashSet<>();
        CodeLinkExtractor.find(text, into);
        return into;
    }

    static String pick(List<String> from, Random random) { return from.get(random.nextInt(from.size())); }

    @Test
    void linksInProseAreFound() {
        assertEquals(List.of("https://github.com/tensorflow/models", "https://gitlab.com/a-b/c.d"),
                List.copyOf(found("Code: https://www.GitHub.com/tensorflow/models/tree/master/research and "
                        + "gitlab.com/a-b/c.d.git. Not xgithub.com/x/y, nor github.com/only.")));
        assertEquals(Set.of(), found("No links here. At all."));
    }

    @Test
    void randomTextsGiveWhatThePatternFromEveryPositionGives() {
        // Links in the pattern's shape, with noise between and inside them, so both near misses and matches occur.
        List<String> noise = List.of("", " ", "x", "a.", "(", ")", "_", "-", ".", "..", "\n", "é", "9", "/", "github",
                ".com", "bitbucket", "See ");
        List<String> schemes = List.of("", "", "https://", "http://", "HTTPS://", "https:/", "ftp://");
        List<String> wwws = List.of("", "", "www.", "WWW.", "ww.");
        List<String> hosts = List.of("github.com", "GitHub.COM", "gitlab.com", "bitbucket.org", "BitBucket.Org",
                "github.co", "gitlab.org", "xgithub.com");
        List<String> names = List.of("owner", "a", "_x", "a-b", "a.b", "-a", "a_", "9", "", "repo.git", "repo.",
                "r.e.p.o", "é");
        Random random = new Random(7);
        int withLinks = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                sb.append(pick(noise, random)).append(pick(schemes, random)).append(pick(wwws, random))
                        .append(pick(hosts, random)).append(random.nextInt(8) == 0 ? "" : "/").append(pick(names, random))
                        .append(random.nextInt(8) == 0 ? "" : "/").append(pick(names, random)).append(pick(noise, random));
            }
            String text = sb.toString();
            Set<String> expected = everywhere(text);
            if (!expected.isEmpty()) withLinks++;
            assertEquals(List.copyOf(expected), List.copyOf(found(text)), text);
        }
        assertTrue(withLinks > 5_000, "random texts with links: " + withLinks);
    }
}
