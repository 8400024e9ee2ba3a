package io.roleradar.reporter;

import io.roleradar.cli.YesNoConverter;
import picocli.CommandLine.Option;

/**
 * Where the reports go and which postings they cover: the options 'reporter run' and 'reporter
 * follow' share (a picocli mixin). Each falls back to its environment variable through picocli.
 */
final class ReportOptions {
    @Option(names = "--out-dir", paramLabel = "DIR", defaultValue = "${env:ROLERADAR_REPORT_DIR:-reports}",
            description = "Folder for the reports (created if missing). Env: ROLERADAR_REPORT_DIR. Default: reports")
    String outDir;

    // Arity 0 with a fallback of true: picocli would turn a flag off when its variable made the default true.
    @Option(names = "--include-closed", defaultValue = "${env:ROLERADAR_REPORT_INCLUDE_CLOSED:-false}", arity = "0",
            fallbackValue = "true", converter = YesNoConverter.class,
            description = "Count every posting ever seen, not only the open ones. "
                    + "Env: ROLERADAR_REPORT_INCLUDE_CLOSED=true.")
    boolean includeClosed;

    @Option(names = "--since", defaultValue = "${env:ROLERADAR_REPORT_SINCE}", paramLabel = "DATE",
            description = "Only postings dated on or after DATE (YYYY-MM-DD). Env: ROLERADAR_REPORT_SINCE.")
    String since;

    @Option(names = "--until", defaultValue = "${env:ROLERADAR_REPORT_UNTIL}", paramLabel = "DATE",
            description = "Only postings dated on or before DATE (YYYY-MM-DD). Env: ROLERADAR_REPORT_UNTIL.")
    String until;

    @Option(names = "--company", defaultValue = "${env:ROLERADAR_REPORT_COMPANY}", paramLabel = "NAME",
            description = "Only postings of this company (case-insensitive). Env: ROLERADAR_REPORT_COMPANY.")
    String company;

    @Option(names = "--only-source", defaultValue = "${env:ROLERADAR_REPORT_SOURCE}", paramLabel = "NAME",
            description = "Only postings from this source (greenhouse:anthropic) or every board of a kind "
                    + "(greenhouse). Env: ROLERADAR_REPORT_SOURCE.")
    String onlySource;
}
