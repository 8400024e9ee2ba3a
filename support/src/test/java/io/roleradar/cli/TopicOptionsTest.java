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
 * default; a wrong value is refused as the command line is parsed. Variables as picocli reads them
 * (the real environment, and the variable named in the message: OptionsEnvironmentTest).
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

    private static AllOfThem parse(Map<String, String> env, String... args) {
        AllOfThem options = new AllOfThem();
        new CommandLine(options).setDefaultValueProvider(Variables.of(env)).parseArgs(args);
        return options;
    }

    @Test
    void withNeitherFlagNorVariableEachTakesItsDefault() {
        AllOfThem o = parse(Map.of());

        assertThat(o.raw.name()).isEqualTo("postings.raw");
        assertThat(o.tagged.name()).isEqualTo("postings.tagged");
        assertThat(o.deadLetter.name()).isEqualTo("postings.dlq");
        assertThat(o.partitions.count()).isEqualTo(3);
    }

    @Test
    void theVariableBeatsTheDefaultAndTheFlagBeatsTheVariable() {
        Map<String, String> env = Map.of("ROLERADAR_TOPIC_RAW", "env.raw", "ROLERADAR_TOPIC_TAGGED", "env.tagged",
                "ROLERADAR_TOPIC_DLQ", "env.dlq", "ROLERADAR_TOPIC_PARTITIONS", "6");

        AllOfThem fromEnv = parse(env);
        assertThat(fromEnv.raw.name()).isEqualTo("env.raw");
        assertThat(fromEnv.tagged.name()).isEqualTo("env.tagged");
        assertThat(fromEnv.deadLetter.name()).isEqualTo("env.dlq");
        assertThat(fromEnv.partitions.count()).isEqualTo(6);

        AllOfThem flags = parse(env, "--topic-raw", "flag.raw", "--topic-tagged", "flag.tagged", "--topic-dlq",
                "flag.dlq", "--partitions", "2");
        assertThat(flags.raw.name()).isEqualTo("flag.raw");
        assertThat(flags.tagged.name()).isEqualTo("flag.tagged");
        assertThat(flags.deadLetter.name()).isEqualTo("flag.dlq");
        assertThat(flags.partitions.count()).isEqualTo(2);
    }

    @Test
    void aWrongTopicNameInAVariableIsRefusedAsTheCommandLineIsParsed() {
        assertThatThrownBy(() -> parse(Map.of("ROLERADAR_TOPIC_RAW", "no spaces")))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--topic-raw': the topic 'no spaces' is not a legal Kafka topic "
                        + "name: use letters, digits, '.', '_' and '-'");
        assertThatThrownBy(() -> parse(Map.of("ROLERADAR_TOPIC_TAGGED", "a/b")))
                .hasMessageStartingWith("Invalid value for option '--topic-tagged': the topic 'a/b' is not a legal");
        assertThatThrownBy(() -> parse(Map.of("ROLERADAR_TOPIC_DLQ", " ")))
                .hasMessage("Invalid value for option '--topic-dlq': the topic must not be blank");
    }

    @Test
    void aWrongTopicNameGivenByFlagIsRefusedNamingTheFlag() {
        assertThatThrownBy(() -> parse(Map.of(), "--topic-raw", "no spaces"))
                .hasMessageStartingWith("Invalid value for option '--topic-raw': the topic 'no spaces' is not a legal");
        assertThatThrownBy(() -> parse(Map.of(), "--topic-tagged", "a/b"))
                .hasMessageStartingWith("Invalid value for option '--topic-tagged': the topic 'a/b'");
        assertThatThrownBy(() -> parse(Map.of(), "--topic-dlq", ""))
                .hasMessage("Invalid value for option '--topic-dlq': the topic must not be blank");
    }

    @Test
    void aWrongPartitionCountIsRefusedAsTheCommandLineIsParsed() {
        assertThatThrownBy(() -> parse(Map.of("ROLERADAR_TOPIC_PARTITIONS", "three")))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("Invalid value for option '--partitions': 'three' is not a whole number");
        assertThatThrownBy(() -> parse(Map.of("ROLERADAR_TOPIC_PARTITIONS", "0")))
                .hasMessage("Invalid value for option '--partitions': must be at least 1, got 0");
        assertThatThrownBy(() -> parse(Map.of(), "--partitions", "0"))
                .hasMessage("Invalid value for option '--partitions': must be at least 1, got 0");
        assertThatThrownBy(() -> parse(Map.of(), "--partitions", "many"))
                .hasMessage("Invalid value for option '--partitions': 'many' is not a whole number");
        assertThatThrownBy(() -> parse(Map.of("ROLERADAR_TOPIC_PARTITIONS", "")))
                .as("an empty variable is a value, and no count").hasMessageContaining("is not a whole number");
    }

    @Test
    void theSharedKafkaOptionsHoldNoTopicOptions() {
        CommandLine kafka = new CommandLine(new KafkaOptions());

        assertThat(kafka.getCommandSpec().optionsMap().keySet())
                .contains("--bootstrap-server", "--kafka-timeout", "-X", "--metrics-port")
                .doesNotContain("--topic-raw", "--topic-tagged", "--topic-dlq", "--partitions");
    }
}
