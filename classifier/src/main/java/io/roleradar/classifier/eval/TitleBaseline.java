package io.roleradar.classifier.eval;

import io.roleradar.model.Domain;
import io.roleradar.model.DomainTag;
import io.roleradar.model.Level;
import io.roleradar.model.RawPosting;
import io.roleradar.model.Responsibility;
import io.roleradar.model.Specialization;
import io.roleradar.model.Tags;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A title-keyword baseline, scored beside the classifier so its figures have context (issue 13's
 * table): what reading the title alone, with a few obvious words, already gets right. It reads
 * nothing but the title and is deliberately simple; it is not tuned and never changes with the
 * taxonomy.
 * <ul>
 *   <li>{@code mlRole}: the title has an ML word ({@link #ML}: machine learning, ML, AI, data
 *       scientist, research scientist, NLP, LLM, computer vision, ...).</li>
 *   <li>{@code responsibility}: INFRA when the title has an infrastructure word ({@link #INFRA}:
 *       infrastructure, platform, MLOps, inference, serving, systems, ...), else MODELING.</li>
 *   <li>{@code domains}: each domain whose words ({@link #DOMAINS}) the title has.</li>
 *   <li>{@code specialization}: SPECIALIST when the title names a domain or research, else GENERALIST.</li>
 *   <li>{@code level}: the highest level word of the title ({@link #LEVELS}), else UNKNOWN;
 *       {@code manager}: manager, head of, director or VP in the title.</li>
 * </ul>
 * Words match whole words of the lower-cased title.
 */
public final class TitleBaseline {
    static final List<String> ML = List.of("machine learning", "ml", "ai", "artificial intelligence", "data scientist",
            "data science", "research scientist", "applied scientist", "research engineer", "deep learning", "nlp",
            "llm", "llms", "computer vision", "mlops", "perception");
    static final List<String> INFRA = List.of("infrastructure", "infra", "platform", "mlops", "inference", "serving",
            "systems", "distributed", "devops", "reliability", "gpu", "kernel", "kernels", "compiler", "performance");
    static final Map<Domain, List<String>> DOMAINS = new EnumMap<>(Map.of(
            Domain.RANKING_RECOMMENDATION, List.of("ranking", "recommendation", "recommendations", "recommender",
                    "search", "personalization", "personalisation", "discovery", "feed"),
            Domain.ADS, List.of("ads", "advertising", "ad", "bidding", "auction", "auctions"),
            Domain.NLP_LLM, List.of("nlp", "llm", "llms", "language", "conversational", "genai", "generative ai"),
            Domain.COMPUTER_VISION, List.of("computer vision", "vision", "image", "imaging", "video", "perception", "3d"),
            Domain.SPEECH_AUDIO, List.of("speech", "audio", "voice"),
            Domain.AUTONOMY_ROBOTICS, List.of("robotics", "robot", "autonomy", "autonomous", "self-driving",
                    "motion planning"),
            Domain.FRAUD_RISK, List.of("fraud", "risk", "credit", "trust", "aml"),
            Domain.FORECASTING, List.of("forecasting", "forecast", "pricing", "demand", "time series")));
    static final Map<Level, List<String>> LEVELS = new EnumMap<>(Map.of(
            Level.JUNIOR, List.of("intern", "internship", "junior", "jr", "new grad", "graduate", "entry level", "i"),
            Level.MID, List.of("ii", "mid", "mid-level"),
            Level.SENIOR, List.of("senior", "sr", "iii"),
            Level.STAFF_PLUS, List.of("staff", "principal", "lead", "head", "director", "distinguished", "chief", "vp")));
    static final List<String> MANAGER = List.of("manager", "head of", "director", "vp", "vice president");
    static final String VERSION = "title-baseline";

    /** The baseline's tags of one posting, from its title alone. */
    public Tags tag(RawPosting posting) {
        String title = " " + posting.title().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9+\\-]+", " ").strip() + " ";
        Level level = Level.UNKNOWN;
        for (Level l : List.of(Level.JUNIOR, Level.MID, Level.SENIOR, Level.STAFF_PLUS)) {
            if (any(title, LEVELS.get(l))) {
                level = l;
            }
        }
        boolean manager = any(title, MANAGER);
        if (!any(title, ML)) {
            return Tags.notMl(1.0, level, manager, null, null, VERSION);
        }
        List<DomainTag> domains = new ArrayList<>();
        for (Domain d : Domain.values()) {
            if (DOMAINS.containsKey(d) && any(title, DOMAINS.get(d))) {
                domains.add(new DomainTag(d, 1.0, List.of()));
            }
        }
        Responsibility responsibility = any(title, INFRA) ? Responsibility.INFRA : Responsibility.MODELING;
        Specialization specialization = !domains.isEmpty() || title.contains(" research ")
                ? Specialization.SPECIALIST : Specialization.GENERALIST;
        return new Tags(true, 1.0, responsibility, specialization, null, domains, level, manager, List.of(), null,
                null, VERSION);
    }

    private static boolean any(String paddedTitle, List<String> words) {
        for (String w : words) {
            if (paddedTitle.contains(" " + w + " ")) {
                return true;
            }
        }
        return false;
    }
}
