package io.roleradar.ingest.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import io.roleradar.model.PostingJson;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Big input files for the import benchmarks: JSON Lines of raw postings and a CSV in the LinkedIn
 * postings layout, each posting about {@code bytes} long, every one different (its own id, title
 * number and a description drawn from a few dozen sentences), so nothing is merged as a duplicate.
 *
 * <pre>java -cp ... io.roleradar.ingest.bench.BigFiles jsonl|csv FILE POSTINGS [BYTES=5000]</pre>
 */
public final class BigFiles {
    private static final String[] TITLES = {"Machine Learning Engineer", "Data Scientist", "Research Scientist, LLMs",
            "ML Platform Engineer", "Applied Scientist, Ranking", "Computer Vision Engineer", "MLOps Engineer",
            "Staff Software Engineer, Inference", "Analytics Engineer", "Product Manager, AI"};
    private static final String[] COMPANIES = {"Contoso", "Fabrikam", "Northwind", "Tailspin", "Wingtip", "Litware",
            "Adventure Works", "Proseware", "Lucerne", "Humongous"};
    private static final String[] SENTENCES = {
            "You will design, train and ship models that rank millions of items for our users every day.",
            "Our team owns the feature store, the training pipelines and the online serving stack.",
            "Experience with PyTorch or JAX and with distributed training on GPUs is a strong plus.",
            "You will work closely with product managers to turn ambiguous problems into measurable experiments.",
            "We value clear writing, careful evaluation and code that others can read and extend.",
            "Build retrieval-augmented generation systems and evaluate them against human judgements.",
            "Partner with infrastructure engineers to cut inference latency and cost across our fleet.",
            "Design A/B tests, read their results and explain trade-offs to leadership.",
            "Mentor engineers and scientists, and raise the bar for modelling across the organisation.",
            "Hybrid role: three days a week in our office, with flexible hours and a generous learning budget.",
            "Requirements: 5+ years of experience in machine learning, statistics or a related field.",
            "Nice to have: publications at NeurIPS, ICML or ACL, or open-source work in the ML ecosystem."};

    private BigFiles() {
    }

    public static void main(String[] args) throws IOException {
        String kind = args[0];
        Path file = Path.of(args[1]);
        int n = Integer.parseInt(args[2]);
        int bytes = args.length > 3 ? Integer.parseInt(args[3]) : 5000;
        long start = System.nanoTime();
        if (kind.equals("csv")) {
            writeCsv(file, n, bytes);
        } else {
            writeJsonLines(file, n, bytes);
        }
        System.out.printf("%s: %,d postings, %,d bytes in %.1f s%n", file, n, Files.size(file), (System.nanoTime() - start) / 1e9);
    }

    /** A description of about {@code chars} characters, different for every {@code i}. */
    static String description(Random random, int i, int chars) {
        StringBuilder text = new StringBuilder(chars + 200);
        text.append("Posting ").append(i).append(". ");
        while (text.length() < chars) {
            text.append(SENTENCES[random.nextInt(SENTENCES.length)]);
            text.append(random.nextInt(8) == 0 ? "\n\n" : " ");
        }
        return text.toString().strip();
    }

    public static void writeJsonLines(Path file, int n, int bytes) throws IOException {
        Random random = new Random(42);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             JsonGenerator json = PostingJson.mapper().getFactory().createGenerator(out)) {
            for (int i = 0; i < n; i++) {
                json.writeStartObject();
                json.writeNumberField("schemaVersion", 1);
                json.writeStringField("id", "bench:" + i);
                json.writeStringField("source", "bench");
                json.writeStringField("sourceUrl", "https://jobs.example.com/bench/" + i);
                json.writeStringField("company", COMPANIES[i % COMPANIES.length]);
                json.writeStringField("title", TITLES[i % TITLES.length] + " " + i);
                json.writeStringField("location", "Berlin, Germany");
                json.writeStringField("remote", "HYBRID");
                json.writeStringField("employmentType", "FULL_TIME");
                json.writeStringField("postedAt", "2026-11-" + String.format("%02d", 1 + i % 28));
                json.writeStringField("description", description(random, i, bytes - 400));
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
    }

    public static void writeCsv(Path file, int n, int bytes) throws IOException {
        Random random = new Random(42);
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 16)) {
            out.write("job_id,company_name,title,description,max_salary,pay_period,location,min_salary,"
                    + "formatted_work_type,remote_allowed,job_posting_url,listed_time,currency\r\n");
            for (int i = 0; i < n; i++) {
                out.write(i + "," + COMPANIES[i % COMPANIES.length] + ",\"" + TITLES[i % TITLES.length] + " " + i + "\",\""
                        + description(random, i, bytes - 250).replace("\"", "\"\"") + "\",180000.0,YEARLY,\"Austin, TX\","
                        + "140000.0,Full-time," + (i % 3 == 0 ? "1.0" : "") + ",https://www.linkedin.com/jobs/view/" + i
                        + "/,1713397508000.0,USD\r\n");
            }
        }
    }
}
