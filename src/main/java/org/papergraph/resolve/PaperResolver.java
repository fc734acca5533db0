package org.papergraph.resolve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.vocabulary.DCTerms;
import org.papergraph.source.PaperMatch;
import org.papergraph.source.PaperRecord;
import org.papergraph.source.Reference;
import org.papergraph.vocab.PG;

/**
 * "One paper, one resource": before extraction, finds the paper resource a record, and each of its references,
 * already has in the store or earlier in the same ingest, so the same paper arriving from arXiv, Papers with Code,
 * OpenAlex, a TEI reference list or a listing is one IRI.
 *
 * <p>A record or reference whose own key's resource (the IRI {@link Iris} mints from its arXiv id, DOI or title)
 * already exists keeps it. Otherwise the rules, in order: arXiv id without version, DOI lower-cased, OpenAlex id, Semantic Scholar id, Papers with Code id, then the
 * normalised title ({@link Iris#normaliseTitle}): equal titles first, then the most similar title at or above
 * {@link #DEFAULT_THRESHOLD} (Levenshtein similarity, 1 - distance / longer length) whose year, when both sides
 * have one, is within one of the record's, with the publication year as tie-breaker. A title never links two papers whose arXiv ids or DOIs differ, and titles shorter than
 * {@value #MIN_TITLE_CHARS} characters are not matched at all ("Introduction", a venue name). Nothing found: the
 * record keeps its own key and becomes the resource later records and references find.
 *
 * <p>When the chosen IRI differs from the one the record or reference would mint from its own key, the record
 * carries a {@link PaperMatch} (rule, score, compared value), which the resolution extractor writes into the
 * record graph for audit. The earliest resource wins: ingest order decides which key a merged paper's IRI carries,
 * and a second ingest of the same input finds the same IRIs (they are in the store by then).
 *
 * <p>Keeps an in-memory index of every paper's identifiers and normalised title (some 200 bytes a paper). Not
 * thread-safe: one ingest calls {@link #resolve} in record order.
 */
public final class PaperResolver {
    /**
     * Title similarity at or above which two titles name the same paper. Measured on the shared data (docs/SOURCES.md):
     * of 391 TEI references whose arXiv id names a paper of the 2020 evaluation tables, 359 score 0.9 or more against
     * that paper's title (the rest carry author names or "published as a conference paper" glued to the title, which
     * no threshold saves); the nearest other title scored at most 0.875 ("pixel" vs "sliced recurrent neural
     * networks"), except one true duplicate listed under two arXiv ids.
     */
    public static final double DEFAULT_THRESHOLD = 0.9;
    /** Normalised titles shorter than this are too generic to match on. */
    public static final int MIN_TITLE_CHARS = 16;
    /** How many of a title's rarest words pick the candidates for similarity. */
    public static final int BLOCKING_WORDS = 3;

    private final Iris iris;
    private final double threshold;
    private final Map<String, Entry> byArxiv = new HashMap<>();
    private final Map<String, Entry> byDoi = new HashMap<>();
    private final Map<String, Entry> byOpenAlex = new HashMap<>();
    private final Map<String, Entry> byS2 = new HashMap<>();
    private final Map<String, Entry> byPwc = new HashMap<>();
    private final Map<Node, Entry> byIri = new HashMap<>();
    /**
     * Every title (normalised, {@value #MIN_TITLE_CHARS} characters or more) a record or reference carried so far, or
     * the store holds, with the papers it was registered under: none when it was only {@linkplain #note noted}.
     */
    private final Map<String, TitleEntries> byTitle = new HashMap<>();
    /**
     * The titles of {@link #byTitle} by word, for records and references without an arXiv id; built the first time
     * one needs it (from {@link #byTitle}'s keys) and kept up to date from then on, so an arXiv-only ingest never
     * pays for it.
     */
    private Map<String, Set<String>> titlesByWord;
    /**
     * The same, only for titles some record or reference without an arXiv id carried (and every title of the store):
     * the only candidates a record with an arXiv id can link to by title (a paper with another arXiv id is another
     * paper, and one with the same id was found by it already). Without it, every new arXiv paper would be compared
     * with every title sharing a word, which grows with the store. Holds titles whose papers have arXiv ids too:
     * candidates are still checked.
     *
     * <p>Both indexes depend only on which titles came before, with or without an arXiv id, never on what resolution
     * decided for them (ADR 0014): a title is in them from the first record or reference that carried it, after that
     * one was resolved, so how many titles hold a word when a title looks for candidates is a count over the
     * records and references before it, which the Spark job computes by position.
     */
    private final Map<String, Set<String>> titlesByWordWithoutArxiv = new HashMap<>();
    private final Map<String, Long> links = new TreeMap<>();
    /** Ranks a title's words for blocking instead of this resolver's own index; null: the index. */
    private WordCounts wordCounts;

    /**
     * How many titles hold a word, for choosing a title's rarest words ({@value #BLOCKING_WORDS} of them) to find
     * the candidates of a similar title: the titles the records and references before the one being resolved
     * carried (or, {@code withArxiv}, those of them without an arXiv id), which is what this resolver's own indexes
     * hold at that point. A resolver that sees only part of the papers (the Spark job's, one group of papers that
     * share keys) is given the counts over all the records and references before each one, as the whole ingest
     * would have them.
     */
    public interface WordCounts {
        /** @param withArxiv the title being matched has an arXiv id (it is compared with titles of papers without) */
        int titlesWith(String word, boolean withArxiv);
    }

    /** Ranks words by {@code counts} from now on, until called again (see {@link WordCounts}). */
    public void rankWordsBy(WordCounts counts) { this.wordCounts = counts; }

    /** The papers registered under one title; whether a record or reference without an arXiv id carried it. */
    @SuppressWarnings("serial")
    private static final class TitleEntries extends ArrayList<Entry> {
        boolean withoutArxiv;
        TitleEntries() { super(1); }
    }

    /** The identifying facts of one paper resource. */
    private static final class Entry {
        final Node iri;
        final Set<String> arxiv = new HashSet<>(2);
        final Set<String> doi = new HashSet<>(2);
        /** Normalised titles of {@link #MIN_TITLE_CHARS} or more characters (shared with {@link #byTitle}'s keys). */
        final List<String> titles = new ArrayList<>(1);
        Integer year;
        Entry(Node iri) { this.iri = iri; }
    }

    /**
     * What a record or reference says that identifies a paper; {@code title} is normalised
     * ({@link Iris#normaliseTitle}) once, here.
     */
    private record Key(String arxiv, String doi, String openalex, String s2, String pwc, String title, Integer year) {
        Key {
            if (title != null) title = Iris.normaliseTitle(title);
        }
    }

    public PaperResolver(Iris iris, double threshold) {
        this.iris = iris;
        this.threshold = threshold;
    }

    /** A resolver that knows every paper already in {@code dsg} (read in one read transaction). */
    public static PaperResolver load(DatasetGraph dsg, Iris iris) {
        PaperResolver r = new PaperResolver(iris, DEFAULT_THRESHOLD);
        Txn.executeRead(dsg, () -> {
            dsg.find(Node.ANY, Node.ANY, PG.arxivId, Node.ANY).forEachRemaining(q -> r.byArxiv.putIfAbsent(lex(q), r.entry(q.getSubject())));
            dsg.find(Node.ANY, Node.ANY, PG.doi, Node.ANY).forEachRemaining(q -> r.byDoi.putIfAbsent(lex(q), r.entry(q.getSubject())));
            dsg.find(Node.ANY, Node.ANY, PG.openalexId, Node.ANY).forEachRemaining(q -> r.byOpenAlex.putIfAbsent(lex(q), r.entry(q.getSubject())));
            dsg.find(Node.ANY, Node.ANY, PG.s2Id, Node.ANY).forEachRemaining(q -> r.byS2.putIfAbsent(lex(q), r.entry(q.getSubject())));
            dsg.find(Node.ANY, Node.ANY, PG.pwcId, Node.ANY).forEachRemaining(q -> r.byPwc.putIfAbsent(lex(q), r.entry(q.getSubject())));
            dsg.find(Node.ANY, Node.ANY, DCTerms.issued.asNode(), Node.ANY).forEachRemaining(q -> {
                String y = lex(q);
                if (!q.getSubject().isURI() || !y.matches("\\d{4}.*")) return;
                Entry e = r.entry(q.getSubject());
                if (e.year == null) e.year = Integer.parseInt(y.substring(0, 4));
            });
            dsg.find(Node.ANY, Node.ANY, DCTerms.title.asNode(), Node.ANY).forEachRemaining(q -> {
                if (!q.getSubject().isURI()) return;
                String t = Iris.normaliseTitle(lex(q));
                r.addTitle(t, r.entry(q.getSubject()));
                r.note(t, true);
            });
            for (Map.Entry<String, Entry> e : r.byArxiv.entrySet()) e.getValue().arxiv.add(e.getKey());
            for (Map.Entry<String, Entry> e : r.byDoi.entrySet()) e.getValue().doi.add(e.getKey());
        });
        return r;
    }

    private static String lex(Quad q) { return q.getObject().isLiteral() ? q.getObject().getLiteralLexicalForm() : q.getObject().toString(); }

    private Entry entry(Node iri) { return byIri.computeIfAbsent(iri, Entry::new); }

    /** Links made so far in this resolver's life, by rule; only links to a resource under another key count. */
    public Map<String, Long> linkCounts() { return Map.copyOf(links); }

    /**
     * The record with its paper and references resolved. Registers what the record says, so later records and
     * references find this paper. The same as {@link #resolvePaper} followed by {@link #resolveReference} for each
     * reference, applied with {@link #resolved}: the Spark job (src/spark) calls those one at a time, for the
     * records and references that can meet (share a key), in the order an ingest would.
     */
    public PaperRecord resolve(PaperRecord r) {
        PaperMatch paper = resolvePaper(r);
        Node paperIri = paper == null ? ownIri(r) : paper.paper();
        Map<Integer, PaperMatch> refs = new LinkedHashMap<>();
        List<Reference> references = r.references();
        for (int i = 0; i < references.size(); i++) {
            PaperMatch m = resolveReference(references.get(i), paperIri);
            if (m != null) refs.put(i, m);
        }
        return resolved(r, paper, refs);
    }

    /** The IRI a record's paper has by its own key, whatever resolution chose. */
    public Node ownIri(PaperRecord r) {
        return r.paperIri() == null ? iris.paper(r) : iris.paper(r.withPaperIri(null));
    }

    /**
     * Resolves and registers the paper of record {@code r} (not its references): the link to a paper known under
     * another key, or null when the record keeps the IRI of its own key.
     */
    public PaperMatch resolvePaper(PaperRecord r) {
        Key key = new Key(r.arxivId() == null ? null : Iris.arxivBase(r.arxivId()),
                r.doi() == null ? null : Iris.normaliseDoi(r.doi()), r.otherIds().get("openalex"), r.otherIds().get("s2"),
                r.otherIds().get("pwc"), r.title(), year(r.published()));
        Node own = ownIri(r);
        Entry ownEntry = byIri.get(own);
        PaperMatch paper = find(key, own, ownEntry);
        Node paperIri = paper == null ? own : paper.paper();
        if (paper != null) links.merge(paper.rule(), 1L, Long::sum);
        register(key, paper == null && ownEntry != null ? ownEntry : entry(paperIri));
        note(key.title(), key.arxiv() == null);
        return paper;
    }

    /**
     * Resolves and registers one reference of a paper resolved to {@code citing} (null when not known): the link
     * to a paper known under another key, or null when the reference keeps its own key's IRI or has no key. When
     * the reference's identifier names a paper whose titles all disagree with the reference's ({@link #conflict}),
     * the identifier is not trusted: the reference is resolved without it and the match says so
     * ({@link PaperMatch#IDENTIFIER_CONFLICT}, {@link PaperMatch#conflicting}); {@link #resolved} then drops the
     * identifier from the reference.
     */
    public PaperMatch resolveReference(Reference ref, Node citing) {
        Node refOwn = iris.paperByReference(ref);
        if (refOwn == null) return null;
        Key rk = key(ref);
        PaperMatch m = resolveReference(ref, rk, refOwn, citing);
        // Whatever was decided, and whether or not the title was registered under a paper.
        note(rk.title(), rk.arxiv() == null);
        return m;
    }

    private PaperMatch resolveReference(Reference ref, Key rk, Node refOwn, Node citing) {
        // Most references name a paper seen before: one lookup finds its entry for both steps.
        Entry refEntry = byIri.get(refOwn);
        Conflict conflict = conflict(rk, refEntry);
        if (conflict != null) {
            // The identifier names a paper with another title: the reference is resolved without it.
            Reference without = conflict.strip(ref);
            rk = key(without);
            refOwn = iris.paperByReference(without);
            refEntry = refOwn == null ? null : byIri.get(refOwn);
            PaperMatch found = refOwn == null ? null : find(rk, refOwn, refEntry);
            if (found != null && found.paper().equals(citing)) found = null;
            Node chosen = found != null ? found.paper() : refOwn;
            if (chosen == null || chosen.equals(citing)) return null;
            links.merge(PaperMatch.IDENTIFIER_CONFLICT, 1L, Long::sum);
            register(rk, found == null && refEntry != null ? refEntry : entry(chosen));
            return new PaperMatch(chosen, PaperMatch.IDENTIFIER_CONFLICT, conflict.similarity(), conflict.identifier(),
                    conflict.named().iri);
        }
        PaperMatch m = find(rk, refOwn, refEntry);
        // A reference never resolves to the citing paper itself (self-links come from over-eager titles).
        if (m != null && m.paper().equals(citing)) m = null;
        if (m != null) links.merge(m.rule(), 1L, Long::sum);
        register(rk, m == null && refEntry != null ? refEntry : entry(m == null ? refOwn : m.paper()));
        return m;
    }

    /**
     * {@code r} with the links {@link #resolvePaper} and {@link #resolveReference} made (by reference index); a
     * reference whose identifier was not trusted loses it ({@link PaperMatch#isConflict}).
     */
    public static PaperRecord resolved(PaperRecord r, PaperMatch paper, Map<Integer, PaperMatch> references) {
        if (paper == null && references.isEmpty()) return r;
        PaperRecord resolved = r.withResolution(paper, references);
        List<Reference> trusted = null;
        for (Map.Entry<Integer, PaperMatch> e : references.entrySet()) {
            if (!e.getValue().isConflict()) continue;
            if (trusted == null) trusted = new ArrayList<>(r.references());
            trusted.set(e.getKey(), Conflict.strip(trusted.get(e.getKey()), e.getValue().value()));
        }
        return trusted == null ? resolved : resolved.withReferences(trusted);
    }

    private static Key key(Reference ref) {
        return new Key(ref.arxivId() == null ? null : Iris.arxivBase(ref.arxivId()),
                ref.doi() == null ? null : Iris.normaliseDoi(ref.doi()), ref.otherIds().get("openalex"),
                ref.otherIds().get("s2"), ref.otherIds().get("pwc"), ref.title(), ref.year());
    }

    /**
     * A reference identifier that is not trusted: {@code scheme} names which ({@code arxiv}, {@code doi},
     * {@code openalex}, {@code s2}, {@code pwc}), {@code named} the paper it leads to, {@code similarity} the best
     * similarity of the reference's title to that paper's titles.
     */
    private record Conflict(String scheme, String value, Entry named, double similarity) {
        String identifier() { return scheme + ":" + value; }

        Reference strip(Reference r) { return strip(r, identifier()); }

        /** {@code r} without the identifier {@code identifier} names ({@code scheme:value}, see {@link #identifier}). */
        static Reference strip(Reference r, String identifier) {
            String scheme = identifier.substring(0, identifier.indexOf(':'));
            java.util.Map<String, String> other = new java.util.HashMap<>(r.otherIds());
            String arxiv = r.arxivId(), doi = r.doi();
            switch (scheme) {
                case "arxiv" -> arxiv = null;
                case "doi" -> doi = null;
                default -> other.remove(scheme);
            }
            return new Reference(r.title(), r.year(), doi, arxiv, other, r.authors(), r.context());
        }
    }

    /**
     * The identifier of reference {@code k} not to trust, or null. The paper an identifier leads to is the one under
     * the reference's own key ({@code ownEntry}, for an arXiv id or DOI) or else the first found by arXiv id, DOI,
     * OpenAlex, S2 or PwC id, as {@link #find} looks. It is not trusted when {@link #titlesDisagree} says the
     * reference's title and every title known for that paper name different works, and no other identifier of the
     * reference leads to the same paper. A paper with no title known yet, or a reference without a title of
     * {@value #MIN_TITLE_CHARS} characters, gives nothing to compare: the identifier is trusted.
     */
    private Conflict conflict(Key k, Entry ownEntry) {
        if (k.title() == null || k.title().length() < MIN_TITLE_CHARS) return null;
        String scheme;
        String value;
        Entry named;
        if (ownEntry != null && (k.arxiv() != null || k.doi() != null)) {
            named = ownEntry;
            scheme = k.arxiv() != null ? "arxiv" : "doi";
            value = k.arxiv() != null ? k.arxiv() : k.doi();
        } else if (k.arxiv() != null && byArxiv.containsKey(k.arxiv())) {
            named = byArxiv.get(k.arxiv()); scheme = "arxiv"; value = k.arxiv();
        } else if (k.doi() != null && byDoi.containsKey(k.doi())) {
            named = byDoi.get(k.doi()); scheme = "doi"; value = k.doi();
        } else if (k.openalex() != null && byOpenAlex.containsKey(k.openalex())) {
            named = byOpenAlex.get(k.openalex()); scheme = "openalex"; value = k.openalex();
        } else if (k.s2() != null && byS2.containsKey(k.s2())) {
            named = byS2.get(k.s2()); scheme = "s2"; value = k.s2();
        } else if (k.pwc() != null && byPwc.containsKey(k.pwc())) {
            named = byPwc.get(k.pwc()); scheme = "pwc"; value = k.pwc();
        } else {
            return null;
        }
        if (!titlesDisagree(k.title(), named.titles, threshold)) return null;
        // Another identifier of the reference leading to the same paper vouches for it.
        boolean vouched = (!scheme.equals("arxiv") && k.arxiv() != null && (byArxiv.get(k.arxiv()) == named || named.arxiv.contains(k.arxiv())))
                || (!scheme.equals("doi") && k.doi() != null && (byDoi.get(k.doi()) == named || named.doi.contains(k.doi())))
                || (!scheme.equals("openalex") && k.openalex() != null && byOpenAlex.get(k.openalex()) == named)
                || (!scheme.equals("s2") && k.s2() != null && byS2.get(k.s2()) == named)
                || (!scheme.equals("pwc") && k.pwc() != null && byPwc.get(k.pwc()) == named);
        if (vouched) return null;
        double best = 0;
        for (String t : named.titles) best = Math.max(best, similarity(k.title(), t));
        return new Conflict(scheme, value, named, Math.round(best * 1000) / 1000.0);
    }

    /**
     * Dice coefficient of two titles' words of four letters or more (twice the shared words over the words of both),
     * below which two titles that are not similar name different works. Chosen on the references with arXiv ids in
     * the even-numbered folders of the 2023 GROBID TEI set (docs/adr/0003-citations-and-paper-matching.md): the
     * wrong identifiers there score 0 and 0.29, the ConvKB/1806.07297 case 0.375, the damaged titles of right
     * identifiers 0.53 and more.
     */
    public static final double MIN_WORD_DICE = 0.45;

    /**
     * Whether the normalised title {@code title} names another work than every one of {@code known} (normalised
     * titles of one paper): for each, the Levenshtein similarity ({@link #similarity}) is below {@code threshold}
     * and the Dice coefficient of their words of four letters or more ({@link #wordDice}) is below
     * {@link #MIN_WORD_DICE}. The word test keeps a title that GROBID glued author names or "arXiv preprint" to, cut short, or
     * took from another version of the paper ("Trajectron++: Multi-agent generative trajectory forecasting ..." and
     * "Trajectron++: Dynamically-feasible trajectory forecasting ...") from being taken for another work. False
     * when {@code title} or every known title is shorter than {@value #MIN_TITLE_CHARS} characters, or none is known:
     * there is nothing to judge by. A pure function of its arguments, so other implementations of paper resolution
     * can share it.
     */
    public static boolean titlesDisagree(String title, java.util.Collection<String> known, double threshold) {
        if (title == null || title.length() < MIN_TITLE_CHARS) return false;
        boolean compared = false;
        for (String t : known) {
            if (t == null || t.length() < MIN_TITLE_CHARS) continue;
            compared = true;
            if (similarityAtLeast(title, t, threshold) >= threshold) return false;
            if (wordDice(title, t) >= MIN_WORD_DICE) return false;
        }
        return compared;
    }

    /**
     * Dice coefficient of the sets of words of four letters or more of two normalised titles: twice the words they
     * share over the words of both; 0 when one has none.
     */
    public static double wordDice(String a, String b) {
        Set<String> wa = words(a), wb = words(b);
        if (wa.isEmpty() || wb.isEmpty()) return 0;
        int shared = 0;
        for (String w : wa) if (wb.contains(w)) shared++;
        return 2.0 * shared / (wa.size() + wb.size());
    }

    /** @param ownEntry the entry of {@code own}, or null when there is none */
    private PaperMatch find(Key k, Node own, Entry ownEntry) {
        // A resource under the record's own key already exists: it stays the paper's resource. This keeps earlier
        // decisions: what minted its own IRI in one ingest finds that IRI again in the next.
        if (ownEntry != null) return null;
        PaperMatch m = null;
        if (k.arxiv() != null && byArxiv.containsKey(k.arxiv())) m = new PaperMatch(byArxiv.get(k.arxiv()).iri, "arxiv", 1.0, k.arxiv());
        else if (k.doi() != null && byDoi.containsKey(k.doi())) m = new PaperMatch(byDoi.get(k.doi()).iri, "doi", 1.0, k.doi());
        else if (k.openalex() != null && byOpenAlex.containsKey(k.openalex())) m = new PaperMatch(byOpenAlex.get(k.openalex()).iri, "openalex", 1.0, k.openalex());
        else if (k.s2() != null && byS2.containsKey(k.s2())) m = new PaperMatch(byS2.get(k.s2()).iri, "s2", 1.0, k.s2());
        else if (k.pwc() != null && byPwc.containsKey(k.pwc())) m = new PaperMatch(byPwc.get(k.pwc()).iri, "pwc", 1.0, k.pwc());
        else if (k.title() != null) m = byTitle(k);
        return m == null || m.paper().equals(own) ? null : m;
    }

    private PaperMatch byTitle(Key k) {
        String t = k.title();
        if (t.length() < MIN_TITLE_CHARS) return null;
        List<Entry> titled = byTitle.get(t);
        List<Entry> equal = titled == null ? List.of() : titled.stream().filter(e -> compatible(k, e)).toList();
        if (!equal.isEmpty()) return new PaperMatch(best(equal, k.year()).iri, "title", 1.0, t);
        // Candidates share one of the title's rarest words (by how many titles of the records and references before
        // this one hold them: the index as it is now); score them all, keep the best at or above the threshold.
        Map<String, Set<String>> index = k.arxiv() != null ? titlesByWordWithoutArxiv : titlesByWord();
        if (index.isEmpty()) return null;
        List<String> words = new ArrayList<>(words(t));
        WordCounts wc = wordCounts;
        boolean withArxiv = k.arxiv() != null;
        words.sort(Comparator.comparingInt((String w) -> wc != null ? wc.titlesWith(w, withArxiv)
                : index.getOrDefault(w, Set.of()).size()).thenComparing(w -> w));
        Set<String> candidates = new HashSet<>();
        for (String w : words.subList(0, Math.min(BLOCKING_WORDS, words.size()))) candidates.addAll(index.getOrDefault(w, Set.of()));
        double bestScore = -1;
        List<Entry> best = new ArrayList<>();
        for (String c : candidates) {
            double s = similarityAtLeast(t, c, Math.max(threshold, bestScore));
            if (s < threshold || s < bestScore) continue;
            // A similar title from another year is another paper ("Maximum entropy (deep) inverse reinforcement
            // learning", 2008 and 2015): similar titles must agree on the year within one, when both have one.
            List<Entry> ok = byTitle.get(c).stream().filter(e -> compatible(k, e))
                    .filter(e -> k.year() == null || e.year == null || Math.abs(e.year - k.year()) <= 1).toList();
            if (ok.isEmpty()) continue;
            if (s > bestScore) { best.clear(); bestScore = s; }
            best.addAll(ok);
        }
        if (best.isEmpty()) return null;
        return new PaperMatch(best(best, k.year()).iri, "title-similar", Math.round(bestScore * 1000) / 1000.0, t);
    }

    /** Levenshtein similarity of two normalised titles: 1 - distance / length of the longer. */
    public static double similarity(String a, String b) {
        int max = Math.max(a.length(), b.length());
        if (max == 0) return 1;
        return 1 - (double) LevenshteinDistance.getDefaultInstance().apply(a, b) / max;
    }

    /**
     * {@link #similarity} when it is at least {@code min}, else some value below {@code min}: titles whose lengths
     * alone rule it out are not compared, and the edit distance stops counting past the largest one that could
     * still reach {@code min}. Same decisions as {@link #similarity}, at a fraction of the cost on large stores.
     */
    public static double similarityAtLeast(String a, String b, double min) {
        int max = Math.max(a.length(), b.length());
        if (max == 0) return 1;
        int allowed = (int) Math.floor((1 - min) * max + 1e-9);
        if (Math.abs(a.length() - b.length()) > allowed) return -1;
        int d = new LevenshteinDistance(allowed).apply(a, b);
        return d < 0 ? -1 : 1 - (double) d / max;
    }

    /** Same year first, then nearest year, then the smallest IRI, so the choice does not depend on map order. */
    private static Entry best(List<Entry> entries, Integer year) {
        return entries.stream().min(Comparator
                .comparingInt((Entry e) -> year == null || e.year == null ? 1 : Math.min(2, Math.abs(e.year - year) * 2))
                .thenComparing(e -> e.iri.getURI())).orElseThrow();
    }

    /** A title match must not join papers whose arXiv ids or DOIs say they differ. */
    private static boolean compatible(Key k, Entry e) {
        if (k.arxiv() != null && !e.arxiv.isEmpty() && !e.arxiv.contains(k.arxiv())) return false;
        return k.doi() == null || e.doi.isEmpty() || e.doi.contains(k.doi());
    }

    /** Records what {@code k} says under the entry {@code e} (see {@link #entry}). */
    private void register(Key k, Entry e) {
        // An id already in e.arxiv (e.doi) is in byArxiv (byDoi) already: both are only ever filled together.
        if (k.arxiv() != null && e.arxiv.add(k.arxiv())) byArxiv.putIfAbsent(k.arxiv(), e);
        if (k.doi() != null && e.doi.add(k.doi())) byDoi.putIfAbsent(k.doi(), e);
        if (k.openalex() != null) byOpenAlex.putIfAbsent(k.openalex(), e);
        if (k.s2() != null) byS2.putIfAbsent(k.s2(), e);
        if (k.pwc() != null) byPwc.putIfAbsent(k.pwc(), e);
        if (k.year() != null && e.year == null) e.year = k.year();
        if (k.title() != null) addTitle(k.title(), e);
    }

    /** Adds a normalised title of {@code e}. */
    private void addTitle(String t, Entry e) {
        if (t.length() < MIN_TITLE_CHARS) return;
        List<Entry> list = titleEntries(t);
        if (list.contains(e)) return;
        list.add(e);
        e.titles.add(t);
    }

    /**
     * Puts a title a record or reference carried ({@code withoutArxiv}: one without an arXiv id), or the store holds,
     * into the word indexes, once: called after the record or reference was resolved, so it counts for the titles
     * after it, not for its own.
     */
    private void note(String t, boolean withoutArxiv) {
        if (t == null || t.length() < MIN_TITLE_CHARS) return;
        TitleEntries list = titleEntries(t);
        if (withoutArxiv && !list.withoutArxiv) {
            list.withoutArxiv = true;
            for (String w : words(t)) titlesByWordWithoutArxiv.computeIfAbsent(w, x -> new HashSet<>()).add(t);
        }
    }

    /** The entries of title {@code t}, created (and the title put into {@link #titlesByWord}) the first time. */
    private TitleEntries titleEntries(String t) {
        TitleEntries list = byTitle.get(t);
        if (list == null) {
            list = new TitleEntries();
            byTitle.put(t, list);
            if (titlesByWord != null) for (String w : words(t)) titlesByWord.computeIfAbsent(w, x -> new HashSet<>()).add(t);
        }
        return list;
    }

    /** {@link #titlesByWord}, built from every title known when first asked for. */
    private Map<String, Set<String>> titlesByWord() {
        if (titlesByWord == null) {
            titlesByWord = new HashMap<>();
            for (String t : byTitle.keySet()) {
                for (String w : words(t)) titlesByWord.computeIfAbsent(w, x -> new HashSet<>()).add(t);
            }
        }
        return titlesByWord;
    }

    /** Words of a normalised title ({@link Iris#normaliseTitle}) worth blocking on: four letters or more. */
    public static Set<String> words(String normalisedTitle) {
        // A loop, not split(" "): called twice a record, and split's generality costs the JIT more than the work.
        Set<String> s = new HashSet<>();
        int start = 0;
        while (start <= normalisedTitle.length()) {
            int end = normalisedTitle.indexOf(' ', start);
            if (end < 0) end = normalisedTitle.length();
            if (end - start >= 4) s.add(normalisedTitle.substring(start, end));
            start = end + 1;
        }
        return s;
    }

    private static Integer year(String iso) {
        if (iso == null || iso.length() < 4) return null;
        // As "\\d{4}.*" matches: four ASCII digits, then anything but a line break.
        for (int i = 0; i < 4; i++) if (iso.charAt(i) < '0' || iso.charAt(i) > '9') return null;
        for (int i = 4; i < iso.length(); i++) {
            char c = iso.charAt(i);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') return null;
        }
        return Integer.valueOf(iso.substring(0, 4));
    }
}
