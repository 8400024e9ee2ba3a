package io.roleradar.app;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.taxonomy.TaxonomyLoader;

import java.nio.file.Path;

/** The classifier a one-shot command uses: the shipped taxonomy, or the one {@code --taxonomy} names. */
final class ClassifierChoice {
    private ClassifierChoice() {
    }

    static Classifier of(Path taxonomy) {
        return taxonomy == null ? Classifier.withDefaultTaxonomy() : new Classifier(TaxonomyLoader.load(taxonomy));
    }
}
