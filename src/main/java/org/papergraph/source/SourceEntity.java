package org.papergraph.source;

import java.util.List;
import java.util.Objects;

import org.papergraph.vocab.EntityType;

/**
 * A method, dataset or task that a curated source names outright (not found in text): an entry of the Papers with
 * Code methods or datasets archive, or a task or method a paper record lists. Names are as the source spells them;
 * the extractor resolves them to the same entities as text mentions of the same names.
 *
 * @param type     what kind of entity; never null
 * @param name     the name, never blank
 * @param fullName a longer name the source gives ("Generative Adversarial Network" for "GAN"), or null
 * @param role     what the record's paper does with the entity, as {@code pg:role}: {@code proposed},
 *                 {@code introduced} or {@code used}; ignored for an entity record (a record of no paper)
 * @param variants names of variants of this dataset (PwC dataset {@code variants}); never null
 */
public record SourceEntity(EntityType type, String name, String fullName, String role, List<String> variants) {
    public SourceEntity {
        Objects.requireNonNull(type, "type");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("an entity needs a name");
        name = Text.clean(name);
        fullName = fullName == null || fullName.isBlank() ? null : Text.clean(fullName);
        Objects.requireNonNull(role, "role");
        variants = variants == null ? List.of() : variants.stream().filter(v -> v != null && !v.isBlank()).map(Text::clean).toList();
    }
}
