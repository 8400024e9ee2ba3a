package io.roleradar.reporter.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.roleradar.model.PostingJson;
import io.roleradar.reporter.aggregate.Filters;
import io.roleradar.reporter.aggregate.LatestPostings;
import io.roleradar.reporter.aggregate.MarketReport;
import io.roleradar.reporter.aggregate.Rejection;
import io.roleradar.reporter.aggregate.RoleGroups;
import io.roleradar.reporter.input.Source;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@code manifest.json}, which ties a report to its input: when it ran, which postings it
 * counts (open ones or all), the topic offsets or the input file, the filters, the near-duplicates
 * merged, the pay ranges left out as implausible, how many records were read, counted and left out (and why), the
 * unreadable records one by one (capped), the share of ML postings that describe their hiring
 * process, and the taxonomy versions seen.
 */
public final class Manifest {
    public static final String FILE = "manifest.json";
    private static final ObjectMapper JSON = PostingJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);

    private Manifest() {
    }

    public static Path write(Path dir, Instant started, Duration took, Source source, Filters filters,
                             LatestPostings latest, MarketReport report, List<String> files) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("generatedAt", started.toString());
        root.put("durationMs", took.toMillis());
        // Which postings every figure counts: the first thing to know when comparing two reports.
        root.put("counting", report.includeClosed() ? "all" : "open");
        root.put("includeClosed", report.includeClosed());
        root.set("input", input(source));
        ObjectNode f = root.putObject("filters");
        f.put("since", filters.since() == null ? null : filters.since().toString());
        f.put("until", filters.until() == null ? null : filters.until().toString());
        f.put("company", filters.company());
        f.put("source", filters.source());
        ObjectNode counts = root.putObject("counts");
        counts.put("records", latest.records());
        counts.put("unreadable", latest.rejected());
        counts.put("tombstones", latest.tombstones());
        counts.put("replacedByLaterRecord", latest.replaced());
        counts.put("distinctPostings", latest.size());
        counts.put("leftOutByFilters", report.filteredOut());
        counts.put("leftOutNotMl", report.nonMl());
        counts.put("leftOutClosed", report.closedLeftOut());
        counts.put("mlPostingsCounted", report.mlPostings());
        counts.put("mlRolesCounted", report.postings());
        counts.put("mlRolesWithoutDate", report.undated());
        counts.put("rawPostings", latest.rawPostings());
        root.putObject("nearDuplicates")
                .put("mlPostings", report.mlPostings())
                .put("roles", report.postings())
                .put("mergedPostings", report.mergedPostings())
                .put("shareMerged", round4(report.mlPostings() == 0 ? 0 : (double) report.mergedPostings() / report.mlPostings()))
                .put("maxSignatureDistance", RoleGroups.MAX_DISTANCE);
        root.putObject("pay")
                .put("rolesStatingPay", report.statingPay())
                .put("shareStatingPay", round4(report.postings() == 0 ? 0 : (double) report.statingPay() / report.postings()))
                .put("implausibleNotCounted", report.implausiblePay());
        root.putObject("changes").put("mlRolesWithoutDate", report.changes().undated());
        // The figure analysts ask for first: how many employers say anything about their hiring process.
        // Counted in roles, as every figure is (nearDuplicates.mlPostings counts postings: hence the names).
        root.putObject("hiringProcess")
                .put("mlRoles", report.statedRounds().postings())
                .put("describingProcess", report.statedRounds().describingProcess())
                .put("shareDescribingProcess", round4(report.statedRounds().processShare()));
        ObjectNode unreadable = root.putObject("unreadable");
        ObjectNode byReason = unreadable.putObject("byReason");
        latest.rejectedByReason().forEach(byReason::put);
        ArrayNode listed = unreadable.putArray("records");
        for (Rejection r : latest.rejections()) {
            listed.addObject().put("where", r.where()).put("reason", r.reason()).put("message", r.message());
        }
        unreadable.put("listTruncated", latest.rejected() > latest.rejections().size());
        ObjectNode versions = root.putObject("taxonomyVersions");
        latest.taxonomyVersions().forEach(versions::put);
        ArrayNode fileList = root.putArray("files");
        files.forEach(fileList::add);
        return ReportFiles.write(dir, FILE, out -> {
            JSON.writeValue(new NonClosing(out), root);
            out.write('\n');
        });
    }

    /** A share as the CSVs give it: 4 decimals. */
    private static double round4(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }

    private static ObjectNode input(Source source) {
        ObjectNode in = JSON.createObjectNode();
        // Java 17: no pattern matching for switch yet, so the two kinds are told apart by instanceof.
        if (source instanceof Source.TopicSnapshot t) {
            in.put("kind", "topic");
            in.put("topic", t.topic());
            putRead(in, t.bootstrapServers(), t.partitions());
        } else if (source instanceof Source.FactsTopic t) {
            // reporter follow: the facts its projectors made of the tagged topic, applied up to these offsets.
            in.put("kind", "facts");
            in.put("topic", t.topic());
            in.put("taggedTopic", t.taggedTopic());
            putRead(in, t.bootstrapServers(), t.partitions());
        } else if (source instanceof Source.JsonLinesFile f) {
            in.put("kind", "file");
            in.put("path", f.path());
            in.put("lines", f.lines());
        }
        return in;
    }

    /** How a topic was read: the cluster, committed records only, and each partition's offset range. */
    private static void putRead(ObjectNode in, String bootstrapServers, List<Source.PartitionRange> partitions) {
        in.put("bootstrapServers", bootstrapServers);
        in.put("isolationLevel", "read_committed");
        ArrayNode parts = in.putArray("partitions");
        for (Source.PartitionRange p : partitions) {
            parts.addObject().put("partition", p.partition()).put("startOffset", p.startOffset())
                    .put("endOffset", p.endOffset());
        }
    }

    /** Jackson closes the writer it is given; the file's writer is closed by its owner. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(java.io.Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
