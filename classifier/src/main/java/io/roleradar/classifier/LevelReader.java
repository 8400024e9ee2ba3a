package io.roleradar.classifier;

import io.roleradar.classifier.taxonomy.Taxonomy;
import io.roleradar.model.Evidence;
import io.roleradar.model.Level;

import java.util.List;

/**
 * The level of a role by TAXONOMY.md section 5: a level word of the title beats everything
 * ("title words beat years"); then a level phrase of the text ("new grad"); then the years of
 * experience asked, by the lower bound of a range; else UNKNOWN.
 */
final class LevelReader {
    private LevelReader() {
    }

    record Result(Level level, List<Evidence> evidence) {
    }

    static Result read(Scan scan, Taxonomy.LevelRules rules) {
        if (scan.titleLevel != Level.UNKNOWN) {
            return new Result(scan.titleLevel, List.of(scan.titleLevelEvidence));
        }
        if (scan.textLevel != Level.UNKNOWN) {
            return new Result(scan.textLevel, List.of(scan.textLevelEvidence));
        }
        if (scan.years >= 0) {
            Level level = rules.forYears(scan.years);
            if (level != Level.UNKNOWN) {
                return new Result(level, List.of(scan.yearsEvidence));
            }
        }
        return new Result(Level.UNKNOWN, List.of());
    }
}
