package io.roleradar.classifier.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.roleradar.classifier.eval.ProcessLabel;
import io.roleradar.classifier.eval.ProcessLabels;
import io.roleradar.classifier.eval.Split;
import io.roleradar.classifier.taxonomy.Taxonomy;
import io.roleradar.classifier.taxonomy.TaxonomyLoader;
import io.roleradar.model.InterviewProcess;
import io.roleradar.model.Round;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A tool for tuning {@code rounds.process}, not a test: runs the process finder over the postings of
 * the {@code tune} part of devset/split.csv that devset/process-labels.csv labels, and prints the
 * figures of "describes its process" and of stated rounds, then every posting the finder reads
 * differently from its label (the label's steps beside the steps found). The locked part's postings
 * are never read. Run with the test classpath from the repository root:
 * {@code java -cp ... io.roleradar.classifier.process.ProcessTuneReport ../shared/data [quiet]}.
 */
public final class ProcessTuneReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ProcessTuneReport() {
    }

    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        boolean quiet = args.length > 1 && args[1].equals("quiet");
        Split split = Split.read(Path.of("devset/split.csv"));
        Map<String, ProcessLabel> labels = new LinkedHashMap<>();
        for (ProcessLabel l : ProcessLabels.read(List.of(Path.of("devset/process-labels.csv")))) {
            if (Split.TUNE.equals(split.partOf(sourceOf(l.id())))) {
                labels.put(l.id(), l);
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String folder : List.of("ashby-boards", "ashby-boards-more")) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(data.resolve(folder), "*.json")) {
                for (Path file : files) {
                    String board = file.getFileName().toString().replaceFirst("\\.json$", "").toLowerCase(Locale.ROOT);
                    if (!Split.TUNE.equals(split.partOf("ashby:" + board))) {
                        continue; // the locked part is never read
                    }
                    for (JsonNode job : MAPPER.readTree(file.toFile()).path("jobs")) {
                        String id = "ashby:" + board + ":" + job.path("id").asText();
                        if (labels.containsKey(id)) {
                            texts.put(id, job.path("descriptionPlain").asText(""));
                        }
                    }
                }
            }
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get();
        try (Reader reader = Files.newBufferedReader(data.resolve("csv/glassdoor_jobs.csv"), StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            for (CSVRecord row : parser) {
                String id = "csv:glassdoor_jobs:" + row.get(0).trim();
                if (labels.containsKey(id)) {
                    texts.put(id, row.get("Job Description"));
                }
            }
        }
        Taxonomy taxonomy = args.length > 2 ? TaxonomyLoader.load(Path.of(args[2])) : TaxonomyLoader.loadDefault();
        ProcessFinder finder = new ProcessFinder(taxonomy.rounds().process());
        int tp = 0, fp = 0, fn = 0, rtp = 0, rfp = 0, rfn = 0, noProcessStated = 0, missing = 0;
        StringBuilder errors = new StringBuilder();
        for (ProcessLabel label : labels.values()) {
            String text = texts.get(label.id());
            if (text == null) {
                missing++;
                continue;
            }
            InterviewProcess process = finder.find(text);
            boolean predicted = process != null;
            tp += label.describesProcess() && predicted ? 1 : 0;
            fp += !label.describesProcess() && predicted ? 1 : 0;
            fn += label.describesProcess() && !predicted ? 1 : 0;
            Set<Round> stated = predicted && !process.statedRounds().isEmpty()
                    ? EnumSet.copyOf(process.statedRounds()) : EnumSet.noneOf(Round.class);
            for (Round r : Round.values()) {
                boolean g = label.statedRounds().contains(r);
                boolean p = stated.contains(r);
                rtp += g && p ? 1 : 0;
                rfp += !g && p ? 1 : 0;
                rfn += g && !p ? 1 : 0;
            }
            noProcessStated += !label.describesProcess() && !stated.isEmpty() ? 1 : 0;
            if (predicted != label.describesProcess() || !stated.equals(label.statedRounds())) {
                errors.append("\n== ").append(label.id()).append("  describes ").append(label.describesProcess())
                        .append("/").append(predicted).append("  rounds ").append(label.statedRounds()).append(" / ")
                        .append(stated).append("\n   label: ").append(label.steps()).append("  [").append(label.notes())
                        .append("]\n");
                if (predicted) {
                    for (InterviewProcess.Step s : process.steps()) {
                        errors.append("   found: ").append(s.round()).append(" <- ").append(s.evidence().rule()).append(" \"")
                                .append(s.text().replaceAll("\\s+", " ")).append("\"\n");
                    }
                }
            }
        }
        if (!quiet) {
            System.out.println(errors);
        }
        System.out.printf("tune: %d labels, %d without a posting%n", labels.size(), missing);
        System.out.printf("describes: precision %.3f recall %.3f (tp %d fp %d fn %d)%n",
                tp / (double) (tp + fp), tp / (double) (tp + fn), tp, fp, fn);
        System.out.printf("stated rounds: precision %.3f recall %.3f (tp %d fp %d fn %d)%n",
                rtp / (double) (rtp + rfp), rtp / (double) (rtp + rfn), rtp, rfp, rfn);
        System.out.printf("no process but a stated round: %d%n", noProcessStated);
    }

    private static String sourceOf(String id) {
        return id.substring(0, id.lastIndexOf(':'));
    }
}
