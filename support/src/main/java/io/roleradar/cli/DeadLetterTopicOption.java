package io.roleradar.cli;

import io.roleradar.kafka.Topics;
import picocli.CommandLine.Option;

import java.util.Map;

/**
 * {@code --topic-dlq}, the dead-letter topic, as a picocli mixin of the command that writes it
 * ({@code classifier run}); a command that does not use the topic does not show the flag. The flag
 * beats {@value Topics#DEAD_LETTER_ENV}.
 */
public final class DeadLetterTopicOption {
    static final String FLAG = "--topic-dlq";

    @Option(names = FLAG, paramLabel = "TOPIC",
            description = "Dead-letter topic: the records that cannot be read, with the reason. Env: "
                    + Topics.DEAD_LETTER_ENV + ". Default: " + Topics.DEFAULT_DEAD_LETTER)
    String topic;

    /** The flag, else {@value Topics#DEAD_LETTER_ENV}, else {@value Topics#DEFAULT_DEAD_LETTER}; see {@link TopicNames}. */
    public String name(Map<String, String> env) {
        return TopicNames.resolve(topic, FLAG, env, Topics.DEAD_LETTER_ENV, Topics.DEFAULT_DEAD_LETTER,
                "dead-letter topic");
    }
}
