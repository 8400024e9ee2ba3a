package io.roleradar.classifier.taxonomy;

import io.roleradar.model.Domain;
import io.roleradar.model.Level;
import io.roleradar.model.Responsibility;
import io.roleradar.model.Round;
import io.roleradar.model.Specialization;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The taxonomy as data: the phrases and weights of every signal of TAXONOMY.md, how a description's
 * sections are recognised and weighted, the thresholds of each decision, the level rules and the
 * interview-round rules. Loaded and checked by {@link TaxonomyLoader}; {@link #version()} becomes
 * {@code Tags.taxonomyVersion} of every posting tagged with it. Immutable.
 *
 * @param model the decisions learned from the labels, or null: then the hand-set thresholds decide
 */
public record Taxonomy(String version, SectionRules sections, List<Rule> rules, Thresholds thresholds,
                       LevelRules levels, RoundRules rounds, Model model) {
    public Taxonomy {
        rules = List.copyOf(rules);
    }

    /** The same taxonomy deciding by its hand-set thresholds: what the training tool starts from. */
    public Taxonomy withoutModel() {
        return new Taxonomy(version, sections, rules, thresholds, levels, rounds, null);
    }

    /**
     * Logistic-regression weights learned from hand labels, one set per decision ({@code mlRole},
     * {@code infra}, {@code specialist}, {@code domain.NLP_LLM}, ...), over the features of
     * {@code io.roleradar.classifier.learn.FeatureVector}: {@code ruleId@BUCKET} and
     * {@code title:word} / {@code department:word}.
     *
     * @param trainedOn how the weights were made (data, regularisation), for people reading the file
     */
    public record Model(String trainedOn, Map<String, DecisionWeights> decisions) {
        public Model {
            decisions = Map.copyOf(decisions);
        }
    }

    /** One decision: "yes" when {@code 1 / (1 + exp(-(bias + weights . features)))} reaches {@code threshold}. */
    public record DecisionWeights(double bias, double threshold, Map<String, Double> weights) {
        public DecisionWeights {
            weights = Map.copyOf(weights);
        }
    }

    /**
     * How headings are recognised and how much each kind of section counts.
     *
     * @param headingMaxChars  a longer line is never a heading
     * @param titleWeight      the weight of a description rule's phrase found in the title
     * @param departmentWeight the weight of a title rule matched in the department instead of the title
     * @param markers          heading phrases per section kind; the longest match in a heading wins
     */
    public record SectionRules(int headingMaxChars, double titleWeight, double departmentWeight, Map<SectionKind, Double> weights,
                               Map<SectionKind, List<String>> markers) {
        public SectionRules {
            weights = Map.copyOf(weights);
            markers = Map.copyOf(markers);
        }

        public double weight(SectionKind kind) {
            return weights.getOrDefault(kind, 0.0);
        }
    }

    /**
     * The cut-offs of each decision.
     *
     * @param ml               mlRole when the ML score reaches this
     * @param mlText           ...and the description's own ML evidence reaches this (a title alone is not enough)
     * @param mlScale          spread of the logistic that turns the score into mlConfidence
     * @param infraMargin      INFRA when its score exceeds MODELING's by this much
     * @param specialist       SPECIALIST when specialist minus generalist evidence reaches this
     * @param domain           a domain is tagged when its score reaches this
     * @param domainScale      score s becomes s / (s + domainScale) in [0, 1]
     * @param domainSpecialist a domain score on requirement lines that by itself makes the role a specialist
     * @param manager          manager when the manager evidence reaches this
     * @param domainToMl       share of the summed domain evidence that counts as ML evidence
     * @param domainToMlCap    at most this much ML evidence comes from domains
     * @param domainExamples   a line naming this many domains or more lists examples...
     * @param domainExamplesWeight ...and its domain matches count this much
     */
    public record Thresholds(double ml, double mlText, double mlScale, double infraMargin, double specialist, double domain,
                             double domainScale, double domainSpecialist, double manager, double domainToMl,
                             double domainToMlCap, double domainExamples, double domainExamplesWeight) {
    }

    /**
     * Years of experience to level, used when the title has no level word, and the two readings
     * that keep a level word or a years phrase from counting where it does not describe the role.
     *
     * @param managingYears read right after a years phrase: when it matches, those are years of
     *                      managing people, not of the craft, and do not set the level; null for none
     * @param nounWords     title level words that are also nouns ("staff"): after an ordinary word at
     *                      the end of a phrase ("Technical Staff"), or after "of", they are no level
     */
    public record LevelRules(Pattern years, int maxYears, List<YearBand> bands, Pattern managingYears,
                             Set<String> nounWords) {
        public LevelRules {
            bands = List.copyOf(bands);
            nounWords = Set.copyOf(nounWords);
        }

        /** The level of the band whose lower bound is the largest not above {@code years}. */
        public Level forYears(int years) {
            Level level = Level.UNKNOWN;
            int best = -1;
            for (YearBand band : bands) {
                if (band.minYears() <= years && band.minYears() > best) {
                    best = band.minYears();
                    level = band.level();
                }
            }
            return level;
        }
    }

    /** From this many years on, {@code level}. */
    public record YearBand(int minYears, Level level) {
    }

    /**
     * Round weights: a base per round, adjusted by the posting's own tags; a round the posting's
     * hiring process lists gets {@code stated}, and when it lists any round the others are multiplied
     * by {@code unstatedFactor}, since a stated process overrides the defaults. {@code process} says
     * what counts as the posting describing its hiring process.
     */
    public record RoundRules(double stated, double unstatedFactor, ProcessRules process, Map<Round, RoundRule> byRound) {
        public RoundRules {
            byRound = Map.copyOf(byRound);
        }
    }

    /**
     * How the part of a posting that describes its own hiring process is found, and how its steps
     * map to rounds (TAXONOMY.md section 7).
     *
     * @param headings        a heading with one of these starts a process section ("Interview process")
     * @param weakHeadings    ...and with one of these ("What to expect") only when most of its items are steps
     * @param headingMaxChars a longer line is never a heading
     * @param stepNumbering   a line it finds at its start is a step ("Step 2: Take home challenge")
     * @param sentenceCues    outside a process section, a sentence about the process must hold one of these
     * @param notProcess      a line with one of these is boilerplate or a duty: it states nothing
     * @param cues            words that make a line of a process section a step, naming none of their own
     * @param steps           the steps, each group with the round it states (null: no ML content)
     * @param listLeadIns     a line that ends with one of these and a colon, right before a list, heads a
     *                        process section ("... the main process, which consists of three interviews:")
     */
    public record ProcessRules(List<String> headings, List<String> weakHeadings, int headingMaxChars,
                               Pattern stepNumbering, List<String> sentenceCues, List<String> notProcess,
                               List<String> cues, List<StepRule> steps, List<String> listLeadIns) {
        public ProcessRules {
            listLeadIns = List.copyOf(listLeadIns);
            headings = List.copyOf(headings);
            weakHeadings = List.copyOf(weakHeadings);
            sentenceCues = List.copyOf(sentenceCues);
            notProcess = List.copyOf(notProcess);
            cues = List.copyOf(cues);
            steps = List.copyOf(steps);
        }
    }

    /**
     * Phrases that name one kind of process step, and the round it states (null for none).
     *
     * @param requires        ids of step groups: when given, a step of this group states its round only
     *                        when the same process also names a step of one of them (a "deep dive" in a
     *                        process with no technical step is a sales or strategy conversation)
     * @param describesAlone  a sentence about the process that names a step of this group describes a
     *                        process even though the step states no round ("a basic SQL assessment
     *                        will be part of the interview process")
     * @param qualifies       ids of step groups: when given, a phrase of this group is no step of its own
     *                        but makes a step of one of them that it stands next to a step of this group
     *                        ("Take-home Python challenge": a take-home that says it is coding)
     */
    public record StepRule(String id, Round round, List<String> phrases, List<String> requires, boolean describesAlone,
                           List<String> qualifies) {
        public StepRule {
            phrases = List.copyOf(phrases);
            requires = List.copyOf(requires);
            qualifies = List.copyOf(qualifies);
        }
    }

    /** The default weight of one round and the adjustments to it, each with its reason. */
    public record RoundRule(double base, String reason, List<Adjustment> adjust) {
        public RoundRule {
            adjust = List.copyOf(adjust);
        }
    }

    /** Adds {@code delta} to a round's weight when {@code when} holds. */
    public record Adjustment(Condition when, double delta, String reason) {
    }

    /**
     * A condition on a posting's tags; every field given must hold (null fields are not checked).
     *
     * @param anyDomain holds when the posting has at least one of these domains
     * @param signal    holds when the posting carries evidence of this signal (e.g. STARTUP)
     */
    public record Condition(Responsibility responsibility, Specialization specialization, Level level,
                            Level levelAtLeast, Set<Domain> anyDomain, Signal signal) {
        public Condition {
            anyDomain = Set.copyOf(anyDomain);
        }
    }
}
