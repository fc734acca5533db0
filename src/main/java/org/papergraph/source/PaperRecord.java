package org.papergraph.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.jena.graph.Node;

/**
 * One paper as one source states it: what a reader produces and an extractor consumes.
 * Immutable; build with {@link #builder(String, SourcePosition)}. Every list is non-null and in source order.
 * Text fields are kept as the source has them after Unicode NFC normalisation; extractors read offsets against
 * exactly these strings.
 */
public final class PaperRecord {
    private final String format;
    private final SourcePosition position;
    private final String arxivId;
    private final List<String> arxivVersions;
    private final String doi;
    private final Map<String, String> otherIds;
    private final String title;
    private final String abstractText;
    private final List<Author> authors;
    private final String published;
    private final String updated;
    private final List<String> categories;
    private final String journalRef;
    private final List<String> codeLinks;
    private final List<String> officialCodeLinks;
    private final List<Reference> references;
    private final List<ReportedResult> results;
    private final List<SourceEntity> entities;
    private final String bodyText;
    private final List<PaperTable> tables;
    private final String recordKey;
    private final Node paperIri;
    private final PaperMatch paperMatch;
    private final Map<Integer, PaperMatch> referenceMatches;

    private PaperRecord(Builder b) {
        this.format = Objects.requireNonNull(b.format, "format");
        this.position = Objects.requireNonNull(b.position, "position");
        this.arxivId = b.arxivId;
        this.arxivVersions = List.copyOf(b.arxivVersions);
        this.doi = b.doi;
        this.otherIds = Map.copyOf(b.otherIds);
        this.title = b.title;
        this.abstractText = b.abstractText;
        this.authors = List.copyOf(b.authors);
        this.published = b.published;
        this.updated = b.updated;
        this.categories = List.copyOf(b.categories);
        this.journalRef = b.journalRef;
        this.codeLinks = List.copyOf(b.codeLinks);
        this.officialCodeLinks = List.copyOf(b.officialCodeLinks);
        this.references = List.copyOf(b.references);
        this.results = List.copyOf(b.results);
        this.entities = List.copyOf(b.entities);
        this.bodyText = b.bodyText;
        this.tables = List.copyOf(b.tables);
        this.recordKey = b.recordKey;
        this.paperIri = b.paperIri;
        this.paperMatch = b.paperMatch;
        this.referenceMatches = Map.copyOf(b.referenceMatches);
    }

    public static Builder builder(String format, SourcePosition position) {
        return new Builder(format, position);
    }

    /** Short name of the reader's format, e.g. {@code listing}, {@code arxiv-jsonl}; recorded in provenance. */
    public String format() { return format; }
    /** Where in which file this record was read. */
    public SourcePosition position() { return position; }
    /** arXiv identifier without version ({@code 2103.00020}, {@code hep-ph/0601001}), or null. */
    public String arxivId() { return arxivId; }
    /** Version labels known for the arXiv id ({@code v1}, {@code v2}), oldest first. */
    public List<String> arxivVersions() { return arxivVersions; }
    /** DOI as the source gives it, or null. */
    public String doi() { return doi; }
    /**
     * Other identifiers by scheme: {@code openalex} ({@code W...}), {@code s2}, {@code mag}, {@code url} (a paper
     * known only by a link, as some leaderboard rows give it).
     */
    public Map<String, String> otherIds() { return otherIds; }
    /**
     * Title, or null when the source has none; a record without a title needs an identifier (arXiv id, DOI or an
     * entry of {@link #otherIds()}), else the ingest rejects it.
     */
    public String title() { return title; }
    /** Abstract, or null. */
    public String abstractText() { return abstractText; }
    public List<Author> authors() { return authors; }
    /** First publication date as ISO {@code yyyy-MM-dd} or {@code yyyy}, or null. */
    public String published() { return published; }
    /** Last update date as ISO {@code yyyy-MM-dd}, or null. */
    public String updated() { return updated; }
    /** Subject categories ({@code cs.LG}); the primary one first when the source says which. */
    public List<String> categories() { return categories; }
    public String journalRef() { return journalRef; }
    /** Code repository URLs the source lists explicitly (text-mined links come from an extractor). */
    public List<String> codeLinks() { return codeLinks; }
    /** Those of {@link #codeLinks()} the source says are the authors' own (Papers with Code {@code is_official}). */
    public List<String> officialCodeLinks() { return officialCodeLinks; }
    public List<Reference> references() { return references; }
    /** Benchmark results the source says this paper reports (leaderboard cells), in source order. */
    public List<ReportedResult> results() { return results; }
    /**
     * Methods, datasets and tasks the source names for this record, in source order: what the paper proposes or
     * uses (Papers with Code papers list their tasks and methods) or, for a record of no paper, the entity the
     * record is about (see {@link #describesPaper()}).
     */
    public List<SourceEntity> entities() { return entities; }

    /**
     * Whether this record is about a paper (it has a title or an identifier). A record that is not is an entity
     * record: an entry of a methods or datasets archive that names no paper, carried by {@link #entities()} only;
     * it has no paper IRI, and only extractors that {@linkplain org.papergraph.extract.Extractor#reads read} it see it.
     */
    public boolean describesPaper() {
        return title != null || arxivId != null || doi != null || !otherIds.isEmpty();
    }

    /** The paper's body text (full-text sources such as GROBID TEI; paragraphs joined by blank lines), or null. */
    public String bodyText() { return bodyText; }

    /** The paper's tables (full-text sources: GROBID TEI, LaTeX), in document order. */
    public List<PaperTable> tables() { return tables; }

    /**
     * Tells apart several records of the same paper in one format (one per leaderboard row, say), so each keeps
     * its own record graph; null when a format has one record per paper. Must be stable across runs (a hash of
     * the record's content, not its position), so re-ingesting replaces the same graph.
     */
    public String recordKey() { return recordKey; }

    /**
     * The paper IRI entity resolution chose for this record (an existing resource for the same paper), or null
     * when the IRI is minted from the record's own key. {@code Iris#paper} honours it.
     */
    public Node paperIri() { return paperIri; }

    /** How resolution linked this record to an existing paper under another key, or null (see {@link PaperMatch}). */
    public PaperMatch paperMatch() { return paperMatch; }

    /**
     * How resolution linked references to papers, by index in {@link #references()}; a reference without an entry
     * is identified by its own key (arXiv id, DOI or title).
     */
    public Map<Integer, PaperMatch> referenceMatches() { return referenceMatches; }

    /**
     * A copy of this record resolved by entity resolution: the paper to {@code paper} (null: keep this record's own
     * key) and references by index.
     */
    public PaperRecord withResolution(PaperMatch paper, Map<Integer, PaperMatch> references) {
        Builder b = toBuilder();
        b.paperIri = paper == null ? paperIri : paper.paper();
        b.paperMatch = paper;
        b.referenceMatches.clear();
        b.referenceMatches.putAll(references);
        return b.build();
    }

    /**
     * A copy of this record with its reference list replaced by {@code references} (the same length and order:
     * resolution drops an identifier it does not trust from a reference, see {@link PaperMatch#IDENTIFIER_CONFLICT}).
     */
    public PaperRecord withReferences(List<Reference> references) {
        if (references.size() != this.references.size()) throw new IllegalArgumentException("references must keep their number and order");
        Builder b = toBuilder();
        b.references.clear();
        b.references.addAll(references);
        return b.build();
    }

    /** A copy of this record resolved to {@code iri}. */
    public PaperRecord withPaperIri(Node iri) {
        Builder b = toBuilder();
        b.paperIri = iri;
        return b.build();
    }

    /** A builder holding every field of this record. */
    public Builder toBuilder() {
        Builder b = new Builder(format, position);
        b.arxivId = arxivId;
        b.arxivVersions.addAll(arxivVersions);
        b.doi = doi;
        b.otherIds.putAll(otherIds);
        b.title = title;
        b.abstractText = abstractText;
        b.authors.addAll(authors);
        b.published = published;
        b.updated = updated;
        b.categories.addAll(categories);
        b.journalRef = journalRef;
        b.codeLinks.addAll(codeLinks);
        b.officialCodeLinks.addAll(officialCodeLinks);
        b.references.addAll(references);
        b.results.addAll(results);
        b.entities.addAll(entities);
        b.bodyText = bodyText;
        b.tables.addAll(tables);
        b.recordKey = recordKey;
        b.paperIri = paperIri;
        b.paperMatch = paperMatch;
        b.referenceMatches.putAll(referenceMatches);
        return b;
    }

    @Override
    public String toString() {
        if (!describesPaper() && !entities.isEmpty()) return format + "@" + position + "[" + entities.get(0).type().label() + ":" + entities.get(0).name() + "]";
        return format + "@" + position + "[" + (arxivId != null ? "arXiv:" + arxivId : doi != null ? "doi:" + doi : title) + "]";
    }

    /** Collects the fields of one record; not thread-safe. */
    public static final class Builder {
        private final String format;
        private final SourcePosition position;
        private String arxivId;
        private final List<String> arxivVersions = new ArrayList<>();
        private String doi;
        private final Map<String, String> otherIds = new LinkedHashMap<>();
        private String title;
        private String abstractText;
        private final List<Author> authors = new ArrayList<>();
        private String published;
        private String updated;
        private final List<String> categories = new ArrayList<>();
        private String journalRef;
        private final List<String> codeLinks = new ArrayList<>();
        private final List<String> officialCodeLinks = new ArrayList<>();
        private final List<Reference> references = new ArrayList<>();
        private final List<ReportedResult> results = new ArrayList<>();
        private final List<SourceEntity> entities = new ArrayList<>();
        private String bodyText;
        private final List<PaperTable> tables = new ArrayList<>();
        private String recordKey;
        private Node paperIri;
        private PaperMatch paperMatch;
        private final Map<Integer, PaperMatch> referenceMatches = new LinkedHashMap<>();

        private Builder(String format, SourcePosition position) {
            this.format = format;
            this.position = position;
        }

        public Builder arxivId(String v) { this.arxivId = blankToNull(v); return this; }
        public Builder arxivVersion(String v) { if (v != null && !v.isBlank()) arxivVersions.add(v); return this; }
        public Builder doi(String v) { this.doi = blankToNull(v); return this; }
        public Builder otherId(String scheme, String v) { if (v != null && !v.isBlank()) otherIds.put(scheme, v); return this; }
        public Builder title(String v) { this.title = Text.clean(v); return this; }
        public Builder abstractText(String v) { this.abstractText = Text.clean(v); return this; }
        public Builder author(Author a) { if (a != null && a.name() != null && !a.name().isBlank()) authors.add(a); return this; }
        public Builder published(String v) { this.published = blankToNull(v); return this; }
        public Builder updated(String v) { this.updated = blankToNull(v); return this; }
        public Builder category(String v) { if (v != null && !v.isBlank() && !categories.contains(v)) categories.add(v); return this; }
        public Builder journalRef(String v) { this.journalRef = Text.clean(v); return this; }
        public Builder codeLink(String v) { if (v != null && !v.isBlank() && !codeLinks.contains(v)) codeLinks.add(v); return this; }
        /** A code link the source says is the authors' own; also a {@link #codeLink}. */
        public Builder officialCodeLink(String v) {
            codeLink(v);
            if (v != null && !v.isBlank() && !officialCodeLinks.contains(v)) officialCodeLinks.add(v);
            return this;
        }
        public Builder reference(Reference r) { if (r != null) references.add(r); return this; }
        public Builder result(ReportedResult r) { if (r != null) results.add(r); return this; }
        public Builder entity(SourceEntity e) { if (e != null) entities.add(e); return this; }
        public Builder bodyText(String v) { this.bodyText = v == null || v.isBlank() ? null : java.text.Normalizer.normalize(v.strip(), java.text.Normalizer.Form.NFC); return this; }
        public Builder table(PaperTable t) { if (t != null) tables.add(t); return this; }
        public Builder recordKey(String v) { this.recordKey = blankToNull(v); return this; }

        public PaperRecord build() { return new PaperRecord(this); }

        private static String blankToNull(String v) {
            return v == null || v.isBlank() ? null : v.strip();
        }
    }
}
