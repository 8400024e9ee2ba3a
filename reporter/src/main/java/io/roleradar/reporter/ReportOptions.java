package io.roleradar.reporter;

import picocli.CommandLine.Option;

/**
 * Where the reports go and which postings they cover: the options 'reporter run' and 'reporter
 * follow' share (a picocli mixin), read over the environment by {@link RunSettings}.
 */
final class ReportOptions {
    @Option(names = "--out-dir", paramLabel = "DIR",
            description = "Folder for the reports (created if missing). Env: ROLERADAR_REPORT_DIR. Default: reports")
    String outDir;

    @Option(names = "--include-closed",
            description = "Count every posting ever seen, not only the open ones. "
                    + "Env: ROLERADAR_REPORT_INCLUDE_CLOSED=true.")
    boolean includeClosed;

    @Option(names = "--since", paramLabel = "DATE",
            description = "Only postings dated on or after DATE (YYYY-MM-DD). Env: ROLERADAR_REPORT_SINCE.")
    String since;

    @Option(names = "--until", paramLabel = "DATE",
            description = "Only postings dated on or before DATE (YYYY-MM-DD). Env: ROLERADAR_REPORT_UNTIL.")
    String until;

    @Option(names = "--company", paramLabel = "NAME",
            description = "Only postings of this company (case-insensitive). Env: ROLERADAR_REPORT_COMPANY.")
    String company;

    @Option(names = "--only-source", paramLabel = "NAME",
            description = "Only postings from this source (greenhouse:anthropic) or every board of a kind "
                    + "(greenhouse). Env: ROLERADAR_REPORT_SOURCE.")
    String onlySource;
}
