package io.roleradar.app;

import io.roleradar.cli.ExitCodes;
import io.roleradar.testkit.ConsoleCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each command shows the flags of the topics it uses and no others, {@code --partitions} only where
 * it creates topics; another topic's flag is a usage error; and the README's Configuration table
 * names the same commands for each topic variable.
 */
class TopicFlagsTest {
    private static final Path README = Path.of(System.getProperty("roleradar.project.root", ".."))
            .toAbsolutePath().normalize().resolve("README.md");
    private static final Set<String> TOPIC_FLAGS = Set.of("--topic-raw", "--topic-tagged", "--topic-dlq", "--topic-facts",
            "--partitions");
    private static final Set<String> CLASSIFIER = Set.of("--topic-raw", "--topic-tagged", "--topic-dlq", "--partitions");
    /** What the code of each command reads, writes and creates; every other command has none of these flags. */
    private static final Map<String, Set<String>> USES = Map.of(
            "ingest run", Set.of("--topic-raw", "--partitions"),
            "classifier run", CLASSIFIER,
            "classifier", CLASSIFIER, // the deprecated bare form runs the same service
            "reporter run", Set.of("--topic-tagged"),
            "reporter follow", Set.of("--topic-tagged", "--topic-facts"));
    private static final Pattern FLAG_IN_HELP = Pattern.compile("--topic-[a-z]+|--partitions");

    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static List<CommandLine> allCommands() {
        List<CommandLine> all = new ArrayList<>();
        collect(RoleradarMain.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }

    private static String name(CommandLine command) {
        return command.getCommandSpec().qualifiedName().replaceFirst("^roleradar ?", "");
    }

    @Test
    void everyCommandsHelpShowsExactlyTheTopicFlagsItUses() {
        List<String> checked = new ArrayList<>();
        for (CommandLine command : allCommands()) {
            String name = name(command);
            Set<String> expected = USES.getOrDefault(name, Set.of());
            Set<String> options = new TreeSet<>(command.getCommandSpec().optionsMap().keySet());
            options.retainAll(TOPIC_FLAGS);
            Set<String> inHelp = new TreeSet<>();
            Matcher m = FLAG_IN_HELP.matcher(command.getUsageMessage());
            while (m.find()) {
                inHelp.add(m.group());
            }
            assertThat(options).as("the options of '%s'", name).isEqualTo(new TreeSet<>(expected));
            assertThat(inHelp).as("the help of '%s'", name).isEqualTo(new TreeSet<>(expected));
            checked.add(name);
        }
        assertThat(checked).containsAll(USES.keySet()).contains("demo", "classify", "reporter compare", "broker");
    }

    @Test
    void aTopicFlagACommandDoesNotUseIsAUsageErrorInOneLine() {
        for (String command : List.of("ingest run", "classifier run", "reporter run", "reporter follow")) {
            for (String flag : TOPIC_FLAGS) {
                if (USES.get(command).contains(flag)) {
                    continue;
                }
                int before = console.err().length();
                List<String> args = new ArrayList<>(List.of(command.split(" ")));
                args.addAll(List.of(flag, "x"));

                assertThat(RoleradarMain.execute(args.toArray(String[]::new))).as(command + " " + flag)
                        .isEqualTo(ExitCodes.USAGE);
                assertThat(console.err().substring(before).lines()).as(command + " " + flag).singleElement().asString()
                        .startsWith("roleradar " + command + ": Unknown option").contains("'" + flag + "'");
            }
        }
    }

    @Test
    void theReadmesConfigurationTableNamesTheCommandsThatHaveEachTopicFlag() throws Exception {
        Map<String, Set<String>> documented = new java.util.HashMap<>();
        for (String row : Files.readAllLines(README)) {
            if (!row.startsWith("| `ROLERADAR_TOPIC_")) {
                continue;
            }
            String[] cells = row.split("\\|");
            String flag = cells[2].strip().replace("`", "");
            Set<String> commands = Pattern.compile("`([a-z ]+)`").matcher(cells[4]).results().map(r -> r.group(1))
                    .filter(c -> USES.containsKey(c) && !c.equals("classifier")).collect(Collectors.toSet());
            documented.put(flag, commands);
        }
        for (String flag : TOPIC_FLAGS) {
            Set<String> having = USES.entrySet().stream()
                    .filter(e -> !e.getKey().equals("classifier") && e.getValue().contains(flag))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(documented.get(flag)).as("README's 'used by' of " + flag).isEqualTo(having);
        }
    }
}
