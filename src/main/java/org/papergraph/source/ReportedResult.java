package org.papergraph.source;

import java.util.List;

/**
 * One benchmark result a source says a paper reports: a leaderboard cell. Names are as the source spells them;
 * the extractor maps them to entities. Only {@code metric} and {@code rawValue} are required.
 *
 * @param task             the task of the leaderboard, or null
 * @param parentTasks      the task's ancestors, nearest first ({@code Image Classification} above
 *                         {@code Fine-Grained Image Classification}); never null
 * @param dataset          the dataset (or dataset variant) of the leaderboard, or null
 * @param datasetVariantOf the dataset this one is a variant (PwC "subdataset") of, or null
 * @param method           the model or method name of the row, or null
 * @param metric           the metric name, never null
 * @param rawValue         the cell exactly as the source wrote it, never null (may be empty)
 */
public record ReportedResult(String task, List<String> parentTasks, String dataset, String datasetVariantOf,
                             String method, String metric, String rawValue) {
    public ReportedResult {
        java.util.Objects.requireNonNull(metric, "metric");
        java.util.Objects.requireNonNull(rawValue, "rawValue");
        parentTasks = parentTasks == null ? List.of() : List.copyOf(parentTasks);
    }
}
