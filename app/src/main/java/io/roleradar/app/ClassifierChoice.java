package io.roleradar.app;

import io.roleradar.classifier.Classifier;
import io.roleradar.classifier.cli.TaxonomyChoice;

import java.nio.file.Path;

/**
 * The classifier a one-shot command uses: the shipped taxonomy, or the one {@code --taxonomy} names
 * (with a warning when that file reuses a shipped version for other rules).
 */
final class ClassifierChoice {
    private ClassifierChoice() {
    }

    static Classifier of(Path taxonomy, String command) {
        return TaxonomyChoice.classifier(taxonomy, command, System.err);
    }
}
