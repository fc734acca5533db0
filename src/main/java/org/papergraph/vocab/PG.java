package org.papergraph.vocab;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * Terms of the papergraph ontology ({@code ontology/papergraph.ttl}), as Jena nodes. The ontology file is the
 * source of truth; {@code VocabularyTest} fails when a constant here has no declaration there or the reverse.
 */
public final class PG {
    private PG() {}

    public static final String NS = "https://papergraph.org/ontology#";

    private static Node term(String local) { return NodeFactory.createURI(NS + local); }

    // ---- classes
    /** A scholarly paper (preprint or published article). */
    public static final Node Paper = term("Paper");
    /** A person who authored a paper. */
    public static final Node Person = term("Person");
    /** One author's place in one paper's author list. */
    public static final Node Authorship = term("Authorship");
    /** A machine-learning method or model. */
    public static final Node Method = term("Method");
    /** A dataset or benchmark. */
    public static final Node Dataset = term("Dataset");
    /** A research problem or task. */
    public static final Node Task = term("Task");
    /** An evaluation metric. */
    public static final Node Metric = term("Metric");
    /** A benchmark result: a method's score on a dataset under a metric, as reported by a paper. */
    public static final Node Result = term("Result");
    /**
     * The best results of one dataset under one metric: a summary papergraph derives from the results and keeps in
     * step with them (ADR 0009).
     */
    public static final Node Leaderboard = term("Leaderboard");
    /**
     * A table of a paper's full text, as its source lays it out: the label and caption that results read from it
     * cite as their evidence.
     */
    public static final Node Table = term("Table");
    /** A source-code repository. */
    public static final Node CodeRepository = term("CodeRepository");
    /** One occurrence of an entity in a paper's text, with its evidence. */
    public static final Node Mention = term("Mention");
    /** A named graph holding what one source record says about one paper. */
    public static final Node RecordGraph = term("RecordGraph");
    /** The extractors a run used, with their versions in its label: what made each record graph naming it. */
    public static final Node ExtractorSet = term("ExtractorSet");

    // ---- paper metadata
    /** arXiv identifier without version. */
    public static final Node arxivId = term("arxivId");
    /** An arXiv version label of the paper (v1, v2, ...). */
    public static final Node arxivVersion = term("arxivVersion");
    /** DOI, lower-cased, without resolver prefix. */
    public static final Node doi = term("doi");
    /** OpenAlex work id. */
    public static final Node openalexId = term("openalexId");
    /** Semantic Scholar paper id. */
    public static final Node s2Id = term("s2Id");
    /** Papers with Code paper id (the last segment of its paperswithcode.com/paper/ page). */
    public static final Node pwcId = term("pwcId");
    /** A code repository the paper's authors released, as the source states (Papers with Code is_official). */
    public static final Node officialCodeRepository = term("officialCodeRepository");
    /** Subject category label, e.g. cs.LG. */
    public static final Node category = term("category");
    /** The paper's authorship entries. */
    public static final Node authorship = term("authorship");
    /** The person of an authorship entry. */
    public static final Node author = term("author");
    /** 1-based position of an authorship entry in the author list. */
    public static final Node position = term("position");
    /** ORCID iD of a person. */
    public static final Node orcid = term("orcid");
    /** Name of an institution the author was affiliated with for this paper. */
    public static final Node affiliation = term("affiliation");
    /** A code repository that implements the paper. */
    public static final Node codeRepository = term("codeRepository");
    /** A method the code repository implements, as the paper that links them says. */
    public static final Node implementsMethod = term("implements");
    /** Evidence that a code repository implements a method a paper proposes. */
    public static final Node ImplementationLink = term("ImplementationLink");
    /** An implementation link made from the paper's text. */
    public static final Node hasImplementationLink = term("hasImplementationLink");
    /** The repository of an implementation link. */
    public static final Node repository = term("repository");
    /** The method of an implementation link. */
    public static final Node implementedMethod = term("implementedMethod");
    /** The rule that made an implementation link: repository-name or sole-proposed-method. */
    public static final Node linkRule = term("linkRule");

    // ---- results
    /** A result reported by the paper. */
    public static final Node reportsResult = term("reportsResult");
    /** The method a result is for. */
    public static final Node method = term("method");
    /** The dataset a result is on. */
    public static final Node dataset = term("dataset");
    /** The task a result is for. */
    public static final Node task = term("task");
    /** The metric a result is measured in. */
    public static final Node metric = term("metric");
    /** The numeric value of a result. */
    public static final Node value = term("value");
    /** The value as the source wrote it. */
    public static final Node rawValue = term("rawValue");
    /** Unit of the value, e.g. percent. */
    public static final Node unit = term("unit");
    /** Whether lower values of the metric are better. */
    public static final Node lowerIsBetter = term("lowerIsBetter");
    /**
     * Whose result the paper reports: {@code own} (its proposed method) or {@code other} (another method, as this
     * paper reports it). A result without a role is the paper's own. Leaderboards rank each method by the results
     * its own paper reports.
     */
    public static final Node resultRole = term("resultRole");
    /** The half-width of the interval the source gives around the value (85.1 ± 0.3), in the value's unit. */
    public static final Node interval = term("interval");
    /** The table a result was read from. */
    public static final Node fromTable = term("fromTable");
    /** The label of the table row a result was read from, as written (e.g. Ours (large)). */
    public static final Node rowHeader = term("rowHeader");
    /** The header cells above the table column a result was read from, top to bottom, joined by " / ". */
    public static final Node columnHeader = term("columnHeader");
    /** Whether the table sets the result's cell in bold, the way tables mark their best scores. */
    public static final Node markedBest = term("markedBest");
    /** How the paper names a table (e.g. Table 3). */
    public static final Node tableLabel = term("tableLabel");
    /** The caption of a table. */
    public static final Node caption = term("caption");
    /** What a table is for, as the table result extractor reads it: leaderboard or ablation. */
    public static final Node tableKind = term("tableKind");
    /** The role value of a result the paper reports for its own method. */
    public static final String OWN = "own";
    /** The role value of a result the paper reports for another method. */
    public static final String OTHER = "other";
    /** The dataset a leaderboard ranks results on. */
    public static final Node leaderboardDataset = term("leaderboardDataset");
    /** The metric a leaderboard ranks results by. */
    public static final Node leaderboardMetric = term("leaderboardMetric");
    /** A result with the leaderboard's best value (several when tied). */
    public static final Node bestResult = term("bestResult");
    /** How many results with a value the leaderboard was computed from. */
    public static final Node resultCount = term("resultCount");
    /**
     * Set on a dataset whose leaderboards are out of date, or on {@code pg:Leaderboard} itself when all are; queries
     * then compute those leaderboards from the results until papergraph has rebuilt them.
     */
    public static final Node summaryStale = term("summaryStale");

    // ---- the store's summaries (ADR 0017): kept in the store's default graph, outside the union queries read
    /** How many distinct resources have a class (stated on the class). */
    public static final Node resourceCount = term("resourceCount");
    /** How many distinct papers cite a paper. */
    public static final Node citedByCount = term("citedByCount");
    /** How many distinct citation links the graph has (stated on {@link #Summaries}). */
    public static final Node citationCount = term("citationCount");
    /** How many distinct mentions and results name a method, dataset, task or metric. */
    public static final Node namedCount = term("namedCount");
    /** A paper's place when papers are listed newest first (by earliest date). */
    public static final Node newestFirstKey = term("newestFirstKey");
    /** A paper's place when papers are listed oldest first (by earliest date). */
    public static final Node oldestFirstKey = term("oldestFirstKey");
    /** A paper's place when papers are listed by title. */
    public static final Node titleKey = term("titleKey");
    /** A paper's place when papers are listed most cited first. */
    public static final Node mostCitedKey = term("mostCitedKey");
    /** A dated paper's place when a month's papers are listed most cited first (by month, then citations). */
    public static final Node monthCitedKey = term("monthCitedKey");
    /** An entity's place when entities of its kind are listed most named first (by kind, then named count). */
    public static final Node mostNamedKey = term("mostNamedKey");
    /** The version of the summaries' layout, stated on {@link #Summaries}. */
    public static final Node summaryVersion = term("summaryVersion");
    /** The store's summaries, as one resource: the subject of {@link #summaryVersion}. */
    public static final Node Summaries = term("Summaries");
    /** How many papers a long list of a page has (an entity's papers, a paper's citing papers; ADR 0025). */
    public static final Node listedCount = term("listedCount");
    /** A year of an entity's list and its papers that year, packed in one integer (year × 2^32 + count). */
    public static final Node listedYear = term("listedYear");
    /** One of the newest papers of a long list. */
    public static final Node listedPaper = term("listedPaper");
    /** The version of the list summaries' layout, stated on {@link #Summaries}. */
    public static final Node listsVersion = term("listsVersion");

    // ---- mentions and evidence
    /** A mention found in the paper. */
    public static final Node hasMention = term("hasMention");
    /** The entity a mention refers to. */
    public static final Node entity = term("entity");
    /** The exact text of a mention. */
    public static final Node surface = term("surface");
    /** What the paper does with the entity: proposed, introduced, used, compared. */
    public static final Node role = term("role");
    /** Confidence of an extracted fact, in [0, 1]. */
    public static final Node confidence = term("confidence");
    /** The record field a mention was found in: title or abstract. */
    public static final Node field = term("field");
    /** Start offset (UTF-16 code units, inclusive) in the field. */
    public static final Node start = term("start");
    /** End offset (exclusive) in the field. */
    public static final Node end = term("end");
    /** The sentence that holds the evidence. */
    public static final Node sentence = term("sentence");
    /** The extractor that produced a fact. */
    public static final Node extractedBy = term("extractedBy");
    /**
     * A dataset that is a version, size or split of another ("ImageNet-1K" of "ImageNet"): related but not the
     * same, so results on the two are not mixed.
     */
    public static final Node variantOf = term("variantOf");

    // ---- citations and paper resolution
    /** A sentence of the citing paper's text in which a citation ({@code cito:Citation}) is made. */
    public static final Node citationContext = term("citationContext");
    /** How entity resolution linked a record or a reference to a paper that already existed under another key. */
    public static final Node PaperMatch = term("PaperMatch");
    /** The paper a resolution link chose. */
    public static final Node matchedPaper = term("matchedPaper");
    /** The rule that made a resolution link: arxiv, doi, openalex, s2, pwc, title or title-similar. */
    public static final Node matchedBy = term("matchedBy");
    /** Score of a resolution link in [0, 1]: 1 for identifiers and equal titles, the title similarity otherwise. */
    public static final Node matchScore = term("matchScore");
    /** The key value a resolution link compared (identifier or normalised title). */
    public static final Node matchedValue = term("matchedValue");
    /** What was resolved: the record's own paper ("record") or one of its references ("reference"). */
    public static final Node matchRole = term("matchRole");
    public static final Node conflictingPaper = term("conflictingPaper");

    // ---- record provenance
    /** The set of extractors that made a record graph; its members are prov:hadMember. */
    public static final Node extractors = term("extractors");
    /** Source file a record graph was read from. */
    public static final Node sourceFile = term("sourceFile");
    /** Format of the source file. */
    public static final Node sourceFormat = term("sourceFormat");
    /** Unit of the record position: line or entry. */
    public static final Node sourceUnit = term("sourceUnit");
    /** 1-based line or entry number of the record in its file. */
    public static final Node sourceIndex = term("sourceIndex");
    /** The paper a record graph describes; a record graph of an entity (a methods or datasets archive entry naming no paper) describes none. */
    public static final Node describes = term("describes");
    /** Version of an extractor. */
    public static final Node version = term("version");
}
