package io.roleradar.reporter.bench;

import io.roleradar.model.Domain;
import io.roleradar.model.DomainTag;
import io.roleradar.model.Evidence;
import io.roleradar.model.Level;
import io.roleradar.model.Quadrant;
import io.roleradar.model.RawPosting;
import io.roleradar.model.RemoteMode;
import io.roleradar.model.Round;
import io.roleradar.model.Salary;
import io.roleradar.model.RoundTag;
import io.roleradar.model.SourceField;
import io.roleradar.model.TagEvidence;
import io.roleradar.model.TaggedPosting;
import io.roleradar.model.Tags;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Realistic tagged postings for the benchmark, generated from a seed: a few thousand companies on
 * three ATS kinds, titles by quadrant and level, descriptions of 2-4 KB assembled from posting-like
 * sentences, about one in ten not an ML role, and tags with evidence and round reasons as the
 * classifier writes them, and the fields of issue 15 (a country for every posting, a city for two
 * in three, a pay range for one in three, one in ten closed). The same seed gives the same postings.
 */
public final class SyntheticPostings {
    private static final String[] ATS = {"greenhouse", "ashby", "lever"};
    private static final String[] SYLLABLES = {"ac", "me", "no", "va", "ly", "tra", "zen", "qu", "io", "data", "mind",
            "flux", "ar", "bo", "ci", "del", "eon", "fi", "gra", "hel", "ix", "jo", "ka", "lu", "mo", "ne", "op"};
    private static final String[] LEVEL_WORDS = {"Junior ", "", "Senior ", "Staff ", ""};
    private static final String[] TITLES_MODELING = {"Machine Learning Engineer", "Applied Scientist", "Data Scientist",
            "Research Scientist", "ML Engineer"};
    private static final String[] TITLES_INFRA = {"ML Platform Engineer", "ML Infrastructure Engineer",
            "Inference Engineer", "MLOps Engineer", "Software Engineer, ML Systems"};
    private static final String[] TEAMS = {"Search Ranking", "Ads Relevance", "LLM Products", "Perception",
            "Speech", "Autonomy", "Fraud Detection", "Demand Forecasting", "Personalization", "Core ML"};
    private static final String[] NON_ML = {"Account Executive", "Technical Recruiter", "Product Designer",
            "Frontend Engineer", "Finance Manager"};
    private static final String[] SENTENCES = {
            "You will design, train and ship models that serve millions of users every day.",
            "Our team owns the ranking stack end to end, from candidate retrieval to the final blend.",
            "You will work closely with product managers, data engineers and researchers.",
            "Experience with PyTorch or TensorFlow and with large-scale data processing is required.",
            "You will build the feature pipelines and the evaluation framework for our models.",
            "We run online experiments every week and care deeply about measurable impact.",
            "You will own the serving infrastructure for low-latency inference on GPUs.",
            "Familiarity with Kubernetes, Ray or Spark is a plus.",
            "You have shipped machine learning systems to production and monitored them there.",
            "We value clear writing, careful experiments and kind, direct feedback.",
            "The interview process includes a coding exercise, a system design interview and a deep dive into a past project.",
            "You will mentor engineers and set the technical direction of the team.",
            "Strong programming skills in Python and one of Go, Java, Scala or C++.",
            "You will improve the quality of our large language model products through fine-tuning and evaluation.",
            "Benefits include health insurance, a learning budget and flexible working hours.",
            "You will partner with the risk team to detect fraud and protect our customers.",
            "We build perception models for cameras and lidar that run on the vehicle.",
            "You will forecast demand across thousands of products and regions.",
            "A degree in computer science, statistics or a related field, or equivalent experience.",
            "We are an equal opportunity employer and welcome applicants from every background."};
    private static final String[] COUNTRIES = {"US", "US", "US", "GB", "DE", "CA", "FR", "IN"};
    private static final Round[] ROUNDS = Round.values();
    private static final Domain[] DOMAINS = Domain.values();

    private final Random random;
    private final String[] companies;
    private final int descriptionChars;

    public SyntheticPostings(long seed, int companyCount) {
        this(seed, companyCount, 2000);
    }

    /** Descriptions of {@code descriptionChars} to twice that (2,000 by default; smaller for the store benchmark). */
    public SyntheticPostings(long seed, int companyCount, int descriptionChars) {
        this.descriptionChars = descriptionChars;
        this.random = new Random(seed);
        this.companies = new String[companyCount];
        for (int i = 0; i < companyCount; i++) {
            String name = syllable() + syllable() + (random.nextBoolean() ? syllable() : "");
            companies[i] = Character.toUpperCase(name.charAt(0)) + name.substring(1) + (i % 7 == 0 ? " AI" : "");
        }
    }

    private String syllable() {
        return SYLLABLES[random.nextInt(SYLLABLES.length)];
    }

    public TaggedPosting next(long n) {
        int c = random.nextInt(companies.length);
        String company = companies[c];
        String ats = ATS[c % ATS.length];
        String board = company.toLowerCase().replace(" ", "");
        String id = ats + ":" + board + ":" + (1_000_000 + n);
        boolean ml = random.nextInt(10) != 0;
        Quadrant quadrant = Quadrant.values()[random.nextInt(4)];
        Level level = Level.values()[random.nextInt(Level.values().length)];
        String title = ml
                ? LEVEL_WORDS[level.ordinal()] + pick(quadrant.responsibility().name().equals("MODELING")
                ? TITLES_MODELING : TITLES_INFRA) + ", " + TEAMS[random.nextInt(TEAMS.length)]
                : NON_ML[random.nextInt(NON_ML.length)];
        String description = description();
        LocalDate posted = random.nextInt(8) == 0 ? null : LocalDate.of(2026, 11, 27).minusDays(random.nextInt(180));
        RawPosting posting = RawPosting.builder().id(id).source(ats + ":" + board)
                .sourceUrl("https://jobs." + ats + ".example/" + board + "/" + n).company(company).title(title)
                .department(ml ? "Machine Learning" : "Business").location("San Francisco, CA")
                .remote(RemoteMode.values()[random.nextInt(4)]).employmentType("FULL_TIME").postedAt(posted)
                .fetchedAt(Instant.parse("2026-11-28T06:00:00Z")).description(description)
                .country(COUNTRIES[c % COUNTRIES.length]).city(c % 3 == 0 ? null : "City " + (c % 40))
                .salary(random.nextInt(3) == 0 ? new Salary(BigDecimal.valueOf(90_000 + random.nextInt(60) * 1_000),
                        BigDecimal.valueOf(160_000 + random.nextInt(60) * 1_000), c % 4 == 0 ? "EUR" : "USD", "YEAR") : null)
                .firstSeenAt(LocalDate.of(2026, 11, 27).minusDays(random.nextInt(60)))
                .closedAt(random.nextInt(10) == 0 ? LocalDate.of(2026, 11, 27) : null).build();
        Evidence titleEvidence = new Evidence(title.substring(0, Math.min(12, title.length())), SourceField.TITLE, 0,
                Math.min(12, title.length()), "ml-title");
        if (!ml) {
            return TaggedPosting.of(posting, Tags.notMl(0.9, Level.UNKNOWN, false, new TagEvidence(List.of(titleEvidence), List.of(), List.of(),
                    List.of(), List.of()), null, "2026.11.1"));
        }
        List<DomainTag> domains = new ArrayList<>();
        int count = random.nextInt(3);
        for (int i = 0; i < count; i++) {
            Domain d = DOMAINS[random.nextInt(DOMAINS.length)];
            if (domains.stream().noneMatch(t -> t.domain() == d)) {
                domains.add(new DomainTag(d, 0.5 + random.nextInt(50) / 100.0, List.of(evidence(description, "domain-" + d))));
            }
        }
        List<RoundTag> rounds = new ArrayList<>();
        for (Round r : ROUNDS) {
            rounds.add(new RoundTag(r, r == Round.ML_FUNDAMENTALS ? 1.0 : random.nextInt(101) / 100.0,
                    List.of("Every ML role is asked about ML basics at " + level.name().toLowerCase() + " level.",
                            "The posting's " + quadrant.name().toLowerCase() + " work weighs this round."),
                    List.of(evidence(description, "round-" + r))));
        }
        TagEvidence evidence = new TagEvidence(List.of(titleEvidence), List.of(evidence(description, "responsibility")),
                List.of(evidence(description, "specialization")), List.of(), List.of());
        Tags tags = new Tags(true, 0.8 + random.nextInt(20) / 100.0, quadrant.responsibility(), quadrant.specialization(),
                quadrant, domains, level, random.nextInt(10) == 0, rounds, evidence, null, "2026.11.1");
        return TaggedPosting.of(posting, tags);
    }

    private Evidence evidence(String description, String rule) {
        int start = random.nextInt(Math.max(1, description.length() - 40));
        return new Evidence(description.substring(start, start + 30), SourceField.DESCRIPTION, start, start + 30, rule);
    }

    private String description() {
        StringBuilder sb = new StringBuilder(4096);
        int target = descriptionChars + random.nextInt(descriptionChars);
        while (sb.length() < target) {
            sb.append(SENTENCES[random.nextInt(SENTENCES.length)]);
            sb.append(random.nextInt(4) == 0 ? "\n" : " ");
        }
        return sb.toString().strip();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
