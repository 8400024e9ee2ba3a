package io.roleradar.app.resilience;

import io.roleradar.model.RawPosting;
import io.roleradar.model.RemoteMode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Realistic raw postings in any number, for the crash, restart and load runs: titles, companies,
 * locations and description paragraphs drawn from a few dozen hand-written templates with a
 * fixed seed, so every run sees the same varied mix of ML and non-ML roles, each under its own id.
 */
public final class GeneratedPostings {
    private static final String[] TITLES = {
        "Machine Learning Engineer", "Senior Machine Learning Engineer, Ranking", "Staff ML Infrastructure Engineer",
        "Research Scientist, Large Language Models", "Applied Scientist, Computer Vision", "ML Platform Engineer",
        "Data Scientist, Fraud", "Senior Data Scientist, Forecasting", "Machine Learning Intern",
        "Principal Engineer, Model Serving", "NLP Engineer", "Recommendation Systems Engineer",
        "Speech Recognition Research Engineer", "Junior Data Analyst", "Backend Engineer (Go)",
        "Solutions Engineer, AI", "Product Designer", "Account Executive", "Site Reliability Engineer",
        "Engineering Manager, ML Platform", "Head of Applied AI", "Computer Vision Engineer, Autonomy",
        "MLOps Engineer", "Deep Learning Performance Engineer (CUDA)", "Frontend Engineer", "Technical Recruiter",
        "Quantitative Researcher", "AI Safety Researcher", "Search Relevance Engineer", "Data Engineer",
    };
    private static final String[] COMPANIES = {
        "Acme Robotics", "Northwind Health", "Blue Heron AI", "Quill Payments", "Lattice Freight", "Orbital Maps",
        "Fennec Security", "Helio Energy", "Tundra Games", "Marlin Ads", "Cobalt Bio", "Sable Retail",
        "Juniper Speech", "Atlas Insurance", "Kestrel Logistics", "Mosaic Learning", "Vireo Search", "Pike Capital",
    };
    private static final String[] LOCATIONS = {
        "San Francisco, CA", "New York, NY", "London, UK", "Berlin, Germany", "Remote - US", "Toronto, Canada",
        "Austin, TX", "Bangalore, India", "Seattle, WA", "Paris, France",
    };
    private static final String[] INTROS = {
        "We are building the platform that millions of people rely on every day.",
        "Our team ships models that rank billions of items for our customers.",
        "Join a small team working at the frontier of language model research.",
        "We help hospitals predict demand and plan staffing a month ahead.",
        "We move freight across three continents and want smarter routing.",
        "Our payments network screens every transaction for fraud in milliseconds.",
    };
    private static final String[] DUTIES = {
        "- Train and evaluate deep learning models for ranking and recommendation\n- Own offline metrics and online A/B tests",
        "- Build and operate the model serving platform on Kubernetes and GPUs\n- Reduce inference latency and cost",
        "- Fine-tune large language models and build retrieval-augmented generation pipelines\n- Design evals",
        "- Develop computer vision models for object detection and segmentation\n- Label data with our annotation team",
        "- Build time series forecasting models for demand planning\n- Work with finance on the quarterly plan",
        "- Design fraud detection features and anomaly detection models\n- Partner with risk and compliance",
        "- Write clean, well-tested backend services in Go\n- Be on call for the services you own",
        "- Meet customers, run demos and close enterprise deals\n- Forecast your pipeline accurately",
        "- Build dashboards in Looker and SQL for the business teams\n- Answer ad-hoc questions",
        "- Lead a team of eight ML engineers; hire and grow them\n- Set the roadmap for the ML platform",
        "- Write CUDA kernels and optimize training throughput on large GPU clusters",
        "- Build speech recognition and text-to-speech models for 40 languages",
    };
    private static final String[] REQUIREMENTS = {
        "- 3+ years of experience with Python and PyTorch\n- Strong fundamentals in statistics and machine learning",
        "- 5+ years building distributed systems\n- Experience with Kafka, Spark or Flink",
        "- PhD or equivalent research experience in NLP\n- Publications at ACL, NeurIPS or ICML",
        "- Experience with recommender systems at scale\n- Familiarity with feature stores",
        "- Currently pursuing a BS/MS in Computer Science\n- Curiosity and a willingness to learn",
        "- 8+ years of software engineering experience\n- Experience leading cross-team technical projects",
        "- Excellent communication skills\n- Experience with SaaS sales cycles",
    };
    private static final String[] PROCESS = {
        "", "Interview process\nA recruiter call, a coding interview, a system design interview and a take-home exercise.",
        "Our interviews include an ML case study and a deep dive into a past project.",
    };
    private static final String BOILERPLATE = "Benefits\nHealth, dental and vision; 401k match; generous parental leave.\n\n"
            + "We are an equal opportunity employer and value diversity at our company.";

    private GeneratedPostings() {
    }

    /** Posting number {@code n} (0-based) under the id {@code prefix + ":" + n}; the same n always gives the same posting. */
    public static RawPosting posting(String prefix, int n) {
        Random r = new Random(0x5EEDL * 31 + n);
        String title = pick(r, TITLES);
        String company = pick(r, COMPANIES);
        String description = "About us\n" + pick(r, INTROS) + "\n\nWhat you'll do\n" + pick(r, DUTIES)
                + "\n\nRequirements\n" + pick(r, REQUIREMENTS) + "\n\n" + pick(r, PROCESS) + "\n\n" + BOILERPLATE
                + "\n\nReference " + n + ".";
        return RawPosting.builder()
                .id(prefix + ":" + n)
                .source("generated:" + prefix)
                .sourceUrl("https://jobs.example.com/" + prefix + "/" + n)
                .company(company)
                .title(title)
                .location(pick(r, LOCATIONS))
                .remote(RemoteMode.values()[r.nextInt(RemoteMode.values().length)])
                .employmentType(r.nextInt(10) == 0 ? "INTERN" : "FULL_TIME")
                .postedAt(LocalDate.of(2026, 9, 1).plusDays(r.nextInt(90)))
                .fetchedAt(Instant.parse("2026-11-28T12:00:00Z"))
                .description(description)
                .build();
    }

    /** Postings {@code 0..count-1} as a lazily built function, so a million need not sit in memory at once. */
    public static IntFunction<RawPosting> of(String prefix) {
        return n -> posting(prefix, n);
    }

    /** The first {@code count} postings, in memory. */
    public static List<RawPosting> list(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(n -> posting(prefix, n)).toList();
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
