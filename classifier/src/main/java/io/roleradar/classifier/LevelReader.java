package io.roleradar.classifier;

import io.roleradar.classifier.taxonomy.Rule;
import io.roleradar.classifier.taxonomy.Signal;
import io.roleradar.classifier.taxonomy.Taxonomy;
import io.roleradar.model.Evidence;
import io.roleradar.model.Level;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The level of a role by TAXONOMY.md sections 5 and 7, for every posting, ML role or not: a level
 * word of the title beats everything ("title words beat years"); then a level phrase of the text
 * ("new grad"); then the years of experience asked, by the lower bound of a range; else UNKNOWN.
 *
 * <p>Two readings keep a level word from counting where it does not qualify the role:
 * <ul>
 *   <li>A level word that is also a noun (the taxonomy's {@code levels.nounWords}, "staff") is the
 *       noun when it ends a phrase after an ordinary word or follows "of": "Member of Technical
 *       Staff", "Legal Staff", "Chief of Staff" say nothing about seniority, while "Staff Engineer",
 *       "Senior Staff Engineer" and "Engineer, Staff" do.</li>
 *   <li>Years of managing people ({@code levels.managingYearsPattern}, read just after a years
 *       phrase) are not years of the craft: "2+ years of experience managing engineering teams"
 *       does not make an engineering manager MID.</li>
 * </ul>
 * Immutable; one instance per {@link Classifier}.
 */
final class LevelReader {
    /** How far after a years phrase the managing-years pattern may look. */
    private static final int MANAGING_WINDOW = 100;
    private final Taxonomy.LevelRules rules;
    private final Set<String> titleLevelWords = new HashSet<>();

    LevelReader(Taxonomy taxonomy) {
        this.rules = taxonomy.levels();
        for (Rule rule : taxonomy.rules()) {
            if (rule.signal() == Signal.LEVEL && rule.scope().title()) {
                for (String phrase : rule.phrases()) {
                    titleLevelWords.add(phrase.toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    record Result(Level level, List<Evidence> evidence) {
    }

    Result read(Scan scan) {
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

    /**
     * Whether the level word at {@code [start, end)} of a title qualifies the role. Only the
     * taxonomy's noun words are ever refused: as the head of a noun phrase they name people, not a
     * grade.
     */
    boolean qualifiesRole(String title, int start, int end) {
        String word = title.substring(start, end).toLowerCase(Locale.ROOT);
        if (!rules.nounWords().contains(word)) {
            return true;
        }
        int before = start - 1;
        while (before >= 0 && title.charAt(before) == ' ') {
            before--;
        }
        if (before < 0 || isSeparator(title.charAt(before))) {
            return true; // it opens its part of the title: "Staff Engineer", "Engineer, Staff", "(Staff Level)"
        }
        int wordStart = before;
        while (wordStart > 0 && isWordChar(title.charAt(wordStart - 1))) {
            wordStart--;
        }
        String previous = title.substring(wordStart, before + 1).toLowerCase(Locale.ROOT);
        if (previous.equals("of")) {
            return false; // "Member of Staff", "Chief of Staff"
        }
        if (titleLevelWords.contains(previous) || titleLevelWords.contains(previous.replace(".", ""))) {
            return true; // "Senior Staff", "Sr. Staff"
        }
        int after = end;
        while (after < title.length() && title.charAt(after) == ' ') {
            after++;
        }
        // After an ordinary word and ending its part of the title, it is the noun: "Technical Staff".
        return after < title.length() && !isSeparator(title.charAt(after));
    }

    /**
     * Whether the years phrase that ends at {@code end} of {@code text} counts years of managing
     * people ("2+ years of experience managing engineering teams"), which say nothing of the level
     * of the craft.
     */
    boolean countsManagingYears(String text, int end) {
        if (rules.managingYears() == null) {
            return false;
        }
        Matcher m = rules.managingYears().matcher(text);
        m.region(end, Math.min(text.length(), end + MANAGING_WINDOW));
        return m.lookingAt();
    }

    private static boolean isSeparator(char c) {
        return ",-\u2013\u2014()[]/|:;&+".indexOf(c) >= 0;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '\'';
    }
}
