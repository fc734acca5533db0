package org.papergraph.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Which data sets {@code papergraph build-models} may learn from: all of them ({@link #ALL}, the models in the jar),
 * or only those whose licence allows any use with attribution ({@link #PERMISSIVE}, {@code --no-research-data}).
 * Each build step asks {@link #allows} for each source it reads, so a new step adds its source to {@link Source} and
 * guards its reading the same way (docs/adr/0019-models-without-research-data.md). Immutable.
 */
public record TrainingData(boolean researchData) {
    /** Every source: the shipped models. */
    public static final TrainingData ALL = new TrainingData(true);
    /** Permissively licensed sources only. */
    public static final TrainingData PERMISSIVE = new TrainingData(false);

    /**
     * A data set under {@code ../shared/data} a model is learned from, with its licence as its SOURCE.md states it.
     * Permissive: public-domain dedications and licences that ask attribution only (CC0, CC BY, ODC-BY, Apache-2.0,
     * MIT). Research data: share-alike (CC BY-SA), non-commercial, and no stated licence.
     */
    public enum Source {
        PAPERS_WITH_CODE("paperswithcode", "CC BY-SA 4.0", false),
        NLP_TDMS("nlp-tdms-tdmsci", "Apache-2.0", true),
        ORKG_CS_NER("orkg-cs-ner", "no licence stated; research use", false),
        SCIERC("scierc", "no licence stated; research use", false),
        SCIREX("scirex", "Apache-2.0", true),
        SOTA_LEADERBOARDS("sota-leaderboards", "CC BY-SA 4.0", false);

        private final String folder;
        private final String licence;
        private final boolean permissive;

        Source(String folder, String licence, boolean permissive) {
            this.folder = folder;
            this.licence = licence;
            this.permissive = permissive;
        }

        /** The folder under {@code ../shared/data}. */
        public String folder() { return folder; }

        public String licence() { return licence; }

        public boolean permissive() { return permissive; }
    }

    /** True when a build with these terms may learn from {@code s}. */
    public boolean allows(Source s) { return researchData || s.permissive(); }

    /** The sources this build learns from, with their licences, for the build's report. */
    public String describe() {
        List<String> used = new ArrayList<>();
        for (Source s : Source.values()) if (allows(s)) used.add(s.folder() + " (" + s.licence() + ")");
        return String.join(", ", used);
    }
}
