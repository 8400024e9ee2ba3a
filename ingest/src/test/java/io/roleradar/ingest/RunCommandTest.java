package io.roleradar.ingest;

import io.roleradar.cli.ExitCodes;
import io.roleradar.ingest.parse.CsvColumns;
import io.roleradar.model.PostingJson;
import io.roleradar.model.RawPosting;
import io.roleradar.testkit.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ingest run} without a broker: configuration, exit codes, --output and the schedule. */
class RunCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private RunCommand command(Map<String, String> env) {
        RunCommand c = new RunCommand();
        c.env = env;
        c.stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        c.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        return c;
    }

    private int run(Map<String, String> env, String... args) {
        return new CommandLine(command(env)).execute(args);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void noSourcesIsAConfigurationErrorThatSaysHowToGiveThem() {
        assertThat(run(Map.of(), "--output", "-")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("no sources", "--source", "ROLERADAR_INGEST_SOURCES");
    }

    @Test
    void anUnreadableScheduleIsAConfigurationError() {
        assertThat(run(Map.of(), "-s", Fixtures.file("lever-globex.json"), "--every", "often", "-o", "-")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("--every 'often' is not a duration");
    }

    @Test
    void anUnreadableScheduleNamesTheConfigFileOrTheVariableItCameFrom(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("sources.yml");
        Files.writeString(config, "sources:\n  - " + Fixtures.file("lever-globex.json") + "\nevery: soon\n");
        assertThat(run(Map.of(), "--config", config.toString(), "-o", "-")).isEqualTo(ExitCodes.USAGE);
        assertThat(err().lines()).containsExactly("roleradar ingest run: config file " + config + ": every: 'soon' is not a "
                + "duration: write e.g. 30s, 15m, 6h, 1d, 500ms or an ISO-8601 duration such as PT6H");

        // picocli takes the variable from the real environment: only a process of its own has another.
        ProcessBuilder child = IngestProcess.command("run", "-s", Fixtures.file("lever-globex.json"), "-o", "-");
        child.environment().put("ROLERADAR_INGEST_EVERY", "soon");
        Process p = child.redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.USAGE);
        assertThat(Files.readString(dir.resolve("log.txt"))).contains("ROLERADAR_INGEST_EVERY 'soon' is not a duration");
    }

    @Test
    void aWrongApiBaseOrCharsetFromTheEnvironmentNamesTheVariable(@TempDir Path dir) throws Exception {
        String board = Fixtures.file("lever-globex.json");
        assertThat(child(dir, Map.of("ROLERADAR_INGEST_API_BASE", "ashby"), "-s", board, "-o", "-"))
                .isEqualTo(usageError("roleradar ingest run: ROLERADAR_INGEST_API_BASE 'ashby': give ATS=URL with ATS one of "
                        + "[ashby, greenhouse, lever]"));
        assertThat(child(dir, Map.of("ROLERADAR_INGEST_CHARSET", "latin-9x"), "-s", board, "-o", "-"))
                .isEqualTo(usageError("roleradar ingest run: ROLERADAR_INGEST_CHARSET: unknown charset 'latin-9x' (e.g. "
                        + "UTF-8, windows-1252, ISO-8859-1, UTF-16)"));
        assertThat(child(dir, Map.of("ROLERADAR_INGEST_FETCH_THREADS", "many"), "-s", board, "-o", "-"))
                .isEqualTo(usageError("roleradar ingest run: Invalid value for option '--fetch-threads': 'many' is not an "
                        + "int (the value of the environment variable ROLERADAR_INGEST_FETCH_THREADS)"));
        // The flag beats the variable, and its own mistake names the flag.
        assertThat(child(dir, Map.of("ROLERADAR_INGEST_CHARSET", "latin-9x"), "-s", board, "--charset", "UTF-8",
                "-o", "-").code()).isEqualTo(ExitCodes.OK);
        assertThat(run(Map.of(), "-s", board, "--api-base", "ashby", "-o", "-")).isEqualTo(ExitCodes.USAGE);
        assertThat(err().lines()).containsExactly(
                "roleradar ingest run: --api-base 'ashby': give ATS=URL with ATS one of [ashby, greenhouse, lever]");
    }

    @Test
    void everySourceOptionFallsBackToItsEnvironmentVariableThroughPicocli() {
        for (java.lang.reflect.Field f : SourceOptions.class.getDeclaredFields()) {
            CommandLine.Option option = f.getAnnotation(CommandLine.Option.class);
            if (option != null) {
                assertThat(option.defaultValue()).as(f.getName()).startsWith("${env:ROLERADAR_INGEST_");
            }
        }
    }

    private record ChildRun(int code, String err) {
    }

    private static ChildRun usageError(String line) {
        return new ChildRun(ExitCodes.USAGE, line + System.lineSeparator());
    }

    /** {@code ingest run} in a process of its own with these variables: picocli reads the real environment. */
    private static ChildRun child(Path dir, Map<String, String> variables, String... args) throws Exception {
        ProcessBuilder child = IngestProcess.command(Stream.concat(Stream.of("run", "-q"), Stream.of(args)).toArray(String[]::new));
        child.environment().putAll(variables);
        Path log = Files.createTempFile(dir, "err", ".txt");
        Process p = child.redirectError(log.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new ChildRun(p.exitValue(), Files.readString(log));
    }

    @Test
    void aWrongKafkaTimeoutRawTopicOrPartitionCountInTheEnvironmentIsAUsageErrorNamingTheVariable(@TempDir Path dir)
            throws Exception {
        String board = Fixtures.file("lever-globex.json");
        Map<String, String> wrong = Map.of("ROLERADAR_KAFKA_TIMEOUT", "zz", "ROLERADAR_TOPIC_RAW", "no spaces",
                "ROLERADAR_TOPIC_PARTITIONS", "0");
        String variable = " (the value of the environment variable ";

        // Each run gives the other two as flags, which beat their wrong variables.
        assertThat(child(dir, wrong, "-s", board, "--topic-raw", "ok", "--partitions", "2"))
                .isEqualTo(usageError("roleradar ingest run: Invalid value for option '--kafka-timeout': 'zz' is not a "
                        + "duration: write e.g. 30s, 15m, 6h, 1d, 500ms or an ISO-8601 duration such as PT6H" + variable
                        + "ROLERADAR_KAFKA_TIMEOUT)"));
        assertThat(child(dir, wrong, "-s", board, "--kafka-timeout", "1s", "--partitions", "2"))
                .isEqualTo(usageError("roleradar ingest run: Invalid value for option '--topic-raw': the topic 'no spaces' "
                        + "is not a legal Kafka topic name: use letters, digits, '.', '_' and '-'" + variable
                        + "ROLERADAR_TOPIC_RAW)"));
        assertThat(child(dir, wrong, "-s", board, "--kafka-timeout", "1s", "--topic-raw", "ok"))
                .isEqualTo(usageError("roleradar ingest run: Invalid value for option '--partitions': must be at least 1, "
                        + "got 0" + variable + "ROLERADAR_TOPIC_PARTITIONS)"));
    }

    /** The exit code of {@code ingest run ARGS} with these variables as picocli would read them; its usage errors in {@code errors}. */
    private int parse(Map<String, String> env, java.io.StringWriter errors, String... args) {
        CommandLine cli = io.roleradar.cli.CommandLines.create(command(Map.of()));
        cli.setDefaultValueProvider(Variables.of(env)).setErr(new java.io.PrintWriter(errors, true));
        return cli.execute(args);
    }

    @Test
    void aWrongKafkaTimeoutRawTopicOrPartitionCountIsAUsageErrorBeforeTheRun() {
        String board = Fixtures.file("lever-globex.json");
        java.io.StringWriter errors = new java.io.StringWriter();

        assertThat(parse(Map.of(), errors, "-s", board, "--kafka-timeout", "zz")).isEqualTo(ExitCodes.USAGE);
        assertThat(parse(Map.of("ROLERADAR_KAFKA_TIMEOUT", "zz"), errors, "-s", board)).isEqualTo(ExitCodes.USAGE);
        assertThat(parse(Map.of("ROLERADAR_TOPIC_RAW", "no spaces"), errors, "-s", board)).isEqualTo(ExitCodes.USAGE);
        assertThat(parse(Map.of("ROLERADAR_TOPIC_PARTITIONS", "three"), errors, "-s", board)).isEqualTo(ExitCodes.USAGE);
        assertThat(errors.toString().lines()).containsExactly(
                "roleradar run: Invalid value for option '--kafka-timeout': 'zz' is not a duration: write e.g. 30s, 15m, "
                        + "6h, 1d, 500ms or an ISO-8601 duration such as PT6H",
                "roleradar run: Invalid value for option '--kafka-timeout': 'zz' is not a duration: write e.g. 30s, 15m, "
                        + "6h, 1d, 500ms or an ISO-8601 duration such as PT6H",
                "roleradar run: Invalid value for option '--topic-raw': the topic 'no spaces' is not a legal Kafka topic "
                        + "name: use letters, digits, '.', '_' and '-'",
                "roleradar run: Invalid value for option '--partitions': 'three' is not a whole number");
        assertThat(err()).as("nothing ran").isEmpty();
    }

    @Test
    void theHelpShowsTheRawTopicAndThePartitionsAndNoOtherTopic() {
        String help = new CommandLine(new RunCommand()).getUsageMessage();

        assertThat(help).contains("--topic-raw", "ROLERADAR_TOPIC_RAW", "--partitions", "ROLERADAR_TOPIC_PARTITIONS")
                .doesNotContain("--topic-tagged", "--topic-dlq", "--topic-facts");
    }

    @Test
    void aTopicFlagOfAnotherCommandIsAUsageError() {
        String board = Fixtures.file("lever-globex.json");
        for (String flag : new String[] {"--topic-tagged", "--topic-dlq"}) {
            java.io.StringWriter parseErrors = new java.io.StringWriter();
            CommandLine cli = new CommandLine(command(Map.of()));
            cli.setErr(new java.io.PrintWriter(parseErrors, true));

            assertThat(cli.execute("-s", board, flag, "x", "-o", "-")).as(flag).isEqualTo(ExitCodes.USAGE);
            assertThat(parseErrors.toString()).contains("Unknown option").contains("'" + flag + "'");
        }
    }

    @Test
    void theRawTopicAndPartitionsComeFromTheFlagElseTheEnvironment() {
        String board = Fixtures.file("lever-globex.json");
        Map<String, String> env = Map.of("ROLERADAR_TOPIC_RAW", "env.raw", "ROLERADAR_TOPIC_PARTITIONS", "5");

        RunCommand fromEnv = command(Map.of());
        new CommandLine(fromEnv).setDefaultValueProvider(Variables.of(env)).parseArgs("-s", board);
        assertThat(fromEnv.settings().rawTopic()).isEqualTo("env.raw");
        assertThat(fromEnv.settings().partitions()).isEqualTo(5);

        RunCommand flags = command(Map.of());
        new CommandLine(flags).setDefaultValueProvider(Variables.of(env))
                .parseArgs("-s", board, "--topic-raw", "flag.raw", "--partitions", "2");
        assertThat(flags.settings().rawTopic()).isEqualTo("flag.raw");
        assertThat(flags.settings().partitions()).isEqualTo(2);
    }


    @Test
    void theHelpOfMaxAttemptsNamesEveryAnswerThatIsTriedAgain() {
        String help = new CommandLine(new RunCommand()).getUsageMessage().replaceAll("\\s+", " ");

        assertThat(help).contains("--max-attempts=N Tries per URL on 429, 5xx, refused or broken connections and answers cut short.");
    }

    @Test
    void theHelpOfCsvColumnListsEveryFieldTheCodeAccepts() {
        String help = new CommandLine(new RunCommand()).getUsageMessage().replaceAll("\\s+", " ");

        assertThat(help).contains("Read FIELD (" + String.join(", ", CsvColumns.FIELDS) + ") from the CSV column");
        assertThat(CsvColumns.FIELDS).contains("salaryMin", "salaryMax", "salaryPeriod", "salaryCurrency");
    }

    @Test
    void anUnknownCsvFieldIsAConfigurationError() {
        assertThat(run(Map.of(), "-s", "x.csv", "--csv-column", "salaray=Pay", "-o", "-")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("unknown CSV field 'salaray'");
    }

    @Test
    void aCsvColumnWithoutItsFieldSaysWhatTheFlagWantsInOneLine() {
        assertThat(run(Map.of(), "-s", "x.csv", "--csv-column", "title", "-o", "-")).isEqualTo(ExitCodes.USAGE);
        assertThat(err().lines()).singleElement().asString()
                .startsWith("roleradar ingest run: --csv-column 'title': give FIELD=COLUMN, the CSV column to read a field "
                        + "from, e.g. --csv-column \"title=Job Title\" (FIELD one of id, title, company,")
                .doesNotContain("KEY=VALUE");
    }

    @Test
    void aConfigFileWithAnUnknownKeyIsRefused(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("sources.yml");
        Files.writeString(config, "source:\n  - ashby:cohere\n");
        assertThat(run(Map.of(), "--config", config.toString(), "-o", "-")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("unknown key 'source'");
    }

    @Test
    void aConfigKeyGivenTheWrongShapeSaysWhatTheKeyTakes(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("sources.yml");
        Files.writeString(config, "sources: ok.csv\n");
        assertThat(run(Map.of(), "--config", config.toString(), "-o", "-")).isEqualTo(ExitCodes.USAGE);
        assertThat(err().lines()).containsExactly("roleradar ingest run: config file " + config
                + ": 'sources' must be a list, a source a line: '  - ashby:cohere'");

        Files.writeString(config, "sources:\n  - ok.csv\ncsvColumns: Position\n");
        assertThat(run(Map.of(), "--config", config.toString(), "-o", "-")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("'csvColumns' must be a map of CSV field to column header").doesNotContain("deserialize");

        Files.writeString(config, "- ok.csv\n");
        assertThat(run(Map.of(), "--config", config.toString(), "-o", "-")).isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("the file must be a map of 'sources:'");
    }

    @Test
    void whenNothingAtAllCanBeReadTheRunFails() {
        assertThat(run(Map.of(), "-s", Fixtures.file("malformed.json"), "-o", "-")).isEqualTo(ExitCodes.FAILED);
        assertThat(err()).contains("1 rejected (malformed-json: 1)", "malformed.json");
    }

    @Test
    void anUnreadableSourceNextToAGoodOneIsReportedAndTheRunIsPartial() {
        assertThat(run(Map.of(), "-s", Fixtures.file("malformed.json"), "-s", Fixtures.file("lever-globex.json"), "-o", "-"))
                .isEqualTo(ExitCodes.PARTIAL);
        assertThat(err()).contains("1 found", "1 published", "1 rejected");
    }

    @Test
    void everyRejectIsAppendedToTheRejectsFileWithItsSourceAndReason(@TempDir Path dir) throws Exception {
        Path rejects = dir.resolve("state/rejects.jsonl");
        String malformed = Fixtures.file("malformed.json");

        run(Map.of(), "-s", malformed, "-s", Fixtures.file("lever-globex.json"), "-o", "-", "--rejects", rejects.toString());
        run(Map.of(), "-s", malformed, "-o", "-", "--rejects", rejects.toString());

        List<String> lines = Files.readAllLines(rejects);
        assertThat(lines).hasSize(2);
        var first = PostingJson.tree(lines.get(0));
        assertThat(first.get("source").asText()).contains("malformed.json");
        assertThat(first.get("kind").asText()).isEqualTo("malformed-json");
        assertThat(first.get("reason").asText()).isNotBlank();
        assertThat(first.get("at").asText()).isNotBlank();
    }

    @Test
    void aMissingSourceFileIsAUsageErrorAndLeavesTheOutputUntouched(@TempDir Path dir) throws Exception {
        Path keep = dir.resolve("keep.jsonl");
        Files.writeString(keep, "{\"earlier\": true}\n");
        assertThat(run(Map.of(), "-s", dir.resolve("typo.jsonl").toString(), "-o", keep.toString()))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err()).contains("roleradar ingest run: no such file or folder", "typo.jsonl").hasLineCount(1);
        assertThat(Files.readString(keep)).isEqualTo("{\"earlier\": true}\n");
    }

    @Test
    void nothingToReadExits1AndLeavesTheOutputUntouched(@TempDir Path dir) throws Exception {
        Path keep = dir.resolve("keep.jsonl");
        Files.writeString(keep, "{\"earlier\": true}\n");
        Path empty = Files.createDirectories(dir.resolve("empty-folder"));
        assertThat(run(Map.of(), "-s", empty.toString(), "-o", keep.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(err()).contains("nothing to read", "left as it was");
        assertThat(run(Map.of(), "-s", Fixtures.file("malformed.json"), "-o", keep.toString())).isEqualTo(ExitCodes.FAILED);
        assertThat(Files.readString(keep)).isEqualTo("{\"earlier\": true}\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void anOutputFileGetsTheUsualModeNotOwnerOnly(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("postings.jsonl");
        assertThat(run(Map.of(), "-s", Fixtures.file("lever-globex.json"), "-o", out.toString())).isEqualTo(ExitCodes.OK);
        assertThat(Files.getPosixFilePermissions(out)).contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.GROUP_READ, java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    @Test
    void outputToStdoutWritesTheSamePostingsAsTheLibrary() throws Exception {
        assertThat(run(Map.of(), "-s", Fixtures.file("greenhouse-acme.json"), "-s", Fixtures.file("jobs-with-id.csv"), "-o", "-"))
                .isEqualTo(ExitCodes.OK);
        List<RawPosting> written = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            written.add(PostingJson.readRaw(line).toBuilder().fetchedAt(null).build());
        }
        ReadResult library = PostingSources.withDefaults().read(List.of(Fixtures.file("greenhouse-acme.json"),
                Fixtures.file("jobs-with-id.csv")));
        assertThat(written).isEqualTo(library.postings().stream().map(p -> p.toBuilder().fetchedAt(null).build()).toList());
        assertThat(err()).contains("6 found", "4 unique", "2 duplicates", "1 rejected (empty-description: 1)");
    }

    @Test
    void aConfigFileGivesSourcesRelativeToItselfAndCsvColumns(@TempDir Path dir) throws Exception {
        Files.copy(Fixtures.path("jobs-no-id.csv"), dir.resolve("people.csv"));
        Path config = dir.resolve("sources.yml");
        Files.writeString(config, "sources:\n  - people.csv\ncsvColumns:\n  title: Role Name\n  company: Hiring Org\n"
                + "  description: Posting Body\n");
        Path target = dir.resolve("out/postings.jsonl");
        assertThat(run(Map.of(), "--config", config.toString(), "--output", target.toString())).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(target)).singleElement().satisfies(line ->
                assertThat(PostingJson.readRaw(line).company()).isEqualTo("Umbrella Labs"));
    }

    @Test
    void flagsFallBackToEnvironmentVariablesAndTheVariablesOfTopicsIngestDoesNotUseAreNotRead(@TempDir Path dir)
            throws Exception {
        // The defaults are picocli's ${env:...}: only a process of its own has another environment.
        Path target = dir.resolve("env.jsonl");
        ProcessBuilder child = IngestProcess.command("run");
        child.environment().put("ROLERADAR_INGEST_SOURCES", Fixtures.file("lever-globex.json") + ","
                + Fixtures.file("Northwind.json"));
        child.environment().put("ROLERADAR_INGEST_OUTPUT", target.toString());
        child.environment().put("ROLERADAR_INGEST_MAX_LINKS", "5");
        // Names Kafka refuses, in the variables of topics ingest has no flag for.
        child.environment().put("ROLERADAR_TOPIC_TAGGED", "no spaces");
        child.environment().put("ROLERADAR_TOPIC_DLQ", "a/b");
        Process p = child.redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("log.txt"))).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(target)).hasSize(3);
    }

    @Test
    void everyFlagOfTheCommandFallsBackToItsEnvironmentVariableThroughPicocli() {
        for (java.lang.reflect.Field f : RunCommand.class.getDeclaredFields()) {
            CommandLine.Option option = f.getAnnotation(CommandLine.Option.class);
            if (option != null) {
                assertThat(option.defaultValue()).as(f.getName()).startsWith("${env:ROLERADAR_INGEST_");
            }
        }
    }

    @Test
    void aScheduledRunRepeatsUntilStoppedAndThenExitsCleanly(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("scheduled.jsonl");
        RunCommand c = command(Map.of());
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> new CommandLine(c).execute(
                "-s", Fixtures.file("lever-globex.json"), "--every", "1h", "-o", target.toString()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!err().contains("next run in 1h")) {
            assertThat(System.nanoTime()).as("first run within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
        assertThat(Files.readAllLines(target)).hasSize(1);
        c.stop.request();
        assertThat(running.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCodes.OK);
    }

    @Test
    void theIngestCommandNeedsASubcommandAndOffersHelp() {
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        CommandLine cl = IngestMain.commandLine();
        cl.setOut(new java.io.PrintWriter(help, true, StandardCharsets.UTF_8));
        cl.setErr(new java.io.PrintWriter(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(cl.execute("--help")).isZero();
        assertThat(help.toString(StandardCharsets.UTF_8)).contains("run");
        assertThat(cl.execute()).isEqualTo(ExitCodes.USAGE);
        assertThat(cl.execute("run", "--help")).isZero();
        assertThat(help.toString(StandardCharsets.UTF_8)).contains("--source", "--every", "--output", "--bootstrap-servers");
    }
}
