package io.roleradar.classifier;

import io.roleradar.classifier.taxonomy.Signal;
import io.roleradar.classifier.taxonomy.Taxonomy;
import io.roleradar.model.Domain;
import io.roleradar.model.DomainTag;
import io.roleradar.model.Evidence;
import io.roleradar.model.InterviewProcess;
import io.roleradar.model.Level;
import io.roleradar.model.Responsibility;
import io.roleradar.model.Round;
import io.roleradar.model.RoundTag;
import io.roleradar.model.Specialization;
import io.roleradar.model.TagEvidence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The four interview rounds of TAXONOMY.md section 6 for an ML role, each weighted from the
 * posting's own tags by the taxonomy's round rules (base weight plus adjustments, each with its
 * reason and the evidence of the tag it rests on). A round is stated only by the posting's own
 * hiring process ({@link InterviewProcess}, found by {@code process.ProcessFinder}): a round the
 * process lists gets the stated weight, and the rounds it does not list are scaled down. Nothing
 * else marks a round as stated: "system design" as a skill or a duty is no interview. Rounds come
 * out in priority order (heaviest first).
 */
final class RoundPlanner {
    private final Taxonomy.RoundRules rules;

    RoundPlanner(Taxonomy.RoundRules rules) {
        this.rules = rules;
    }

    /** What the round rules may look at. */
    record Facts(Responsibility responsibility, Specialization specialization, Level level, List<DomainTag> domains,
                 Scan scan, TagEvidence evidence, InterviewProcess process) {
    }

    List<RoundTag> plan(Facts facts) {
        Map<Round, List<InterviewProcess.Step>> stated = statedRounds(facts.process());
        List<RoundTag> tags = new ArrayList<>();
        for (Round round : Round.values()) {
            Taxonomy.RoundRule rule = rules.byRound().get(round);
            double weight = rule.base();
            List<String> reasons = new ArrayList<>();
            reasons.add(rule.reason());
            Set<Evidence> evidence = new LinkedHashSet<>();
            for (Taxonomy.Adjustment adjustment : rule.adjust()) {
                if (holds(adjustment.when(), facts)) {
                    weight += adjustment.delta();
                    reasons.add(adjustment.reason());
                    evidence.addAll(evidenceFor(adjustment.when(), facts));
                }
            }
            if (stated.containsKey(round)) {
                weight = rules.stated();
                List<InterviewProcess.Step> steps = stated.get(round);
                reasons.add(0, "The posting's hiring process lists: " + steps.stream()
                        .map(s -> "\"" + s.text().replaceAll("\\s+", " ").strip() + "\"").collect(Collectors.joining(", ")));
                List<Evidence> first = new ArrayList<>();
                steps.forEach(s -> first.add(s.evidence()));
                first.addAll(evidence);
                evidence = new LinkedHashSet<>(first);
            } else if (!stated.isEmpty()) {
                weight *= rules.unstatedFactor();
                reasons.add("The posting's hiring process does not list this round, so it weighs less");
            }
            weight = Classifier.round2(Math.max(0.0, Math.min(1.0, weight)));
            tags.add(new RoundTag(round, weight, reasons, List.copyOf(evidence)));
        }
        // Stable: equal weights keep the order of the Round enum.
        tags.sort(Comparator.comparingDouble(RoundTag::weight).reversed());
        return tags;
    }

    /** The steps of the process that state each round; empty when the posting describes no process. */
    private static Map<Round, List<InterviewProcess.Step>> statedRounds(InterviewProcess process) {
        Map<Round, List<InterviewProcess.Step>> stated = new EnumMap<>(Round.class);
        if (process != null) {
            for (InterviewProcess.Step step : process.steps()) {
                if (step.round() != null && step.evidence() != null) {
                    stated.computeIfAbsent(step.round(), r -> new ArrayList<>()).add(step);
                }
            }
        }
        return stated;
    }

    private static boolean holds(Taxonomy.Condition c, Facts f) {
        if (c.responsibility() != null && c.responsibility() != f.responsibility()) {
            return false;
        }
        if (c.specialization() != null && c.specialization() != f.specialization()) {
            return false;
        }
        if (c.level() != null && c.level() != f.level()) {
            return false;
        }
        if (c.levelAtLeast() != null
                && (f.level() == Level.UNKNOWN || Classifier.rank(f.level()) < Classifier.rank(c.levelAtLeast()))) {
            return false;
        }
        if (!c.anyDomain().isEmpty() && f.domains().stream().noneMatch(d -> c.anyDomain().contains(d.domain()))) {
            return false;
        }
        return c.signal() == null || f.scan().has(c.signal());
    }

    private static List<Evidence> evidenceFor(Taxonomy.Condition c, Facts f) {
        List<Evidence> out = new ArrayList<>();
        if (c.responsibility() != null) {
            out.addAll(first(f.evidence().responsibility()));
        }
        if (c.specialization() != null) {
            out.addAll(first(f.evidence().specialization()));
        }
        if (c.level() != null || c.levelAtLeast() != null) {
            out.addAll(first(f.evidence().level()));
        }
        for (DomainTag d : f.domains()) {
            if (c.anyDomain().contains(d.domain())) {
                out.addAll(first(d.evidence()));
            }
        }
        if (c.signal() != null) {
            out.addAll(f.scan().evidence(c.signal(), 1));
        }
        return out;
    }

    private static List<Evidence> first(List<Evidence> list) {
        return list.isEmpty() ? List.of() : List.of(list.get(0));
    }
}
