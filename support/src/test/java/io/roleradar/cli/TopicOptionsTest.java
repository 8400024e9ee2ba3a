package io.roleradar.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The topic options, one mixin each: the flag beats its environment variable, which beats the
 * default; a wrong value is refused naming the flag or the variable it came from.
 */
class TopicOptionsTest {
    @Command(name = "all")
    static final class AllOfThem {
        @Mixin
        RawTopicOption raw = new RawTopicOption();
        @Mixin
        TaggedTopicOption tagged = new TaggedTopicOption();
        @Mixin
        DeadLetterTopicOption deadLetter = new DeadLetterTopicOption();
        @Mixin
        PartitionsOption partitions = new PartitionsOption();
    }

    private static AllOfThem parse(String... args) {
        AllOfThem options = new AllOfThem();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void withNeitherFlagNorVariableEachTakesItsDefault() {
        AllOfThem o = parse();

        assertThat(o.raw.name(Map.of())).isEqualTo("postings.raw");
        assertThat(o.tagged.name(Map.of())).isEqualTo("postings.tagged");
        assertThat(o.deadLetter.name(Map.of())).isEqualTo("postings.dlq");
        assertThat(o.partitions.count(Map.of())).isEqualTo(3);
    }

    @Test
    void theVariableBeatsTheDefaultAndTheFlagBeatsTheVariable() {
        Map<String, String> env = Map.of("ROLERADAR_TOPIC_RAW", "env.raw", "ROLERADAR_TOPIC_TAGGED", "env.tagged",
                "ROLERADAR_TOPIC_DLQ", "env.dlq", "ROLERADAR_TOPIC_PARTITIONS", "6");

        AllOfThem fromEnv = parse();
        assertThat(fromEnv.raw.name(env)).isEqualTo("env.raw");
        assertThat(fromEnv.tagged.name(env)).isEqualTo("env.tagged");
        assertThat(fromEnv.deadLetter.name(env)).isEqualTo("env.dlq");
        assertThat(fromEnv.partitions.count(env)).isEqualTo(6);

        AllOfThem flags = parse("--topic-raw", "flag.raw", "--topic-tagged", "flag.tagged", "--topic-dlq", "flag.dlq",
                "--partitions", "2");
        assertThat(flags.raw.name(env)).isEqualTo("flag.raw");
        assertThat(flags.tagged.name(env)).isEqualTo("flag.tagged");
        assertThat(flags.deadLetter.name(env)).isEqualTo("flag.dlq");
        assertThat(flags.partitions.count(env)).isEqualTo(2);
    }

    @Test
    void aWrongTopicNameInTheEnvironmentNamesTheVariable() {
        AllOfThem o = parse();

        assertThatThrownBy(() -> o.raw.name(Map.of("ROLERADAR_TOPIC_RAW", "no spaces")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the raw topic (ROLERADAR_TOPIC_RAW) 'no spaces' is not a legal Kafka topic name: "
                        + "use letters, digits, '.', '_' and '-'");
        assertThatThrownBy(() -> o.tagged.name(Map.of("ROLERADAR_TOPIC_TAGGED", "a/b")))
                .hasMessageStartingWith("the tagged topic (ROLERADAR_TOPIC_TAGGED) 'a/b' is not a legal");
        assertThatThrownBy(() -> o.deadLetter.name(Map.of("ROLERADAR_TOPIC_DLQ", " ")))
                .hasMessage("the dead-letter topic (ROLERADAR_TOPIC_DLQ) must not be blank");
    }

    @Test
    void aWrongTopicNameGivenByFlagNamesTheFlag() {
        assertThatThrownBy(() -> parse("--topic-raw", "no spaces").raw.name(Map.of()))
                .hasMessageStartingWith("the raw topic (--topic-raw) 'no spaces' is not a legal Kafka topic name");
        assertThatThrownBy(() -> parse("--topic-tagged", "a/b").tagged.name(Map.of()))
                .hasMessageStartingWith("the tagged topic (--topic-tagged) 'a/b'");
        assertThatThrownBy(() -> parse("--topic-dlq", "").deadLetter.name(Map.of()))
                .hasMessage("the dead-letter topic (--topic-dlq) must not be blank");
    }

    @Test
    void aWrongPartitionCountNamesTheVariableOrTheFlag() {
        AllOfThem o = parse();

        assertThatThrownBy(() -> o.partitions.count(Map.of("ROLERADAR_TOPIC_PARTITIONS", "three")))
                .hasMessage("ROLERADAR_TOPIC_PARTITIONS 'three' is not a whole number");
        assertThatThrownBy(() -> o.partitions.count(Map.of("ROLERADAR_TOPIC_PARTITIONS", "0")))
                .hasMessage("ROLERADAR_TOPIC_PARTITIONS must be at least 1, got 0");
        assertThatThrownBy(() -> parse("--partitions", "0").partitions.count(Map.of()))
                .hasMessage("--partitions must be at least 1, got 0");
        assertThatThrownBy(() -> parse("--partitions", "many"))
                .isInstanceOf(CommandLine.ParameterException.class);
        assertThat(o.partitions.count(Map.of("ROLERADAR_TOPIC_PARTITIONS", " "))).as("a blank variable is unset")
                .isEqualTo(3);
    }

    @Test
    void theSharedKafkaOptionsHoldNoTopicOptions() {
        CommandLine kafka = new CommandLine(new KafkaOptions());

        assertThat(kafka.getCommandSpec().optionsMap().keySet())
                .contains("--bootstrap-server", "--kafka-timeout", "-X", "--metrics-port")
                .doesNotContain("--topic-raw", "--topic-tagged", "--topic-dlq", "--partitions");
    }

    @Test
    void theSharedKafkaOptionsDoNotReadTheTopicVariables() {
        KafkaOptions kafka = new KafkaOptions();
        new CommandLine(kafka).parseArgs();

        kafka.checkEnvironment(Map.of("ROLERADAR_TOPIC_RAW", "no spaces", "ROLERADAR_TOPIC_PARTITIONS", "three"));
    }
}
