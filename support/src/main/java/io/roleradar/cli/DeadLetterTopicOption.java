package io.roleradar.cli;

import io.roleradar.kafka.Topics;
import picocli.CommandLine.Option;

/**
 * {@code --topic-dlq}, the dead-letter topic, as a picocli mixin of the command that writes it
 * ({@code classifier run}); a command that does not use the topic does not show the flag. The flag
 * beats {@value Topics#DEAD_LETTER_ENV}, which beats {@value Topics#DEFAULT_DEAD_LETTER}.
 */
public final class DeadLetterTopicOption {
    @Option(names = "--topic-dlq", paramLabel = "TOPIC", converter = TopicNameConverter.class,
            defaultValue = "${env:" + Topics.DEAD_LETTER_ENV + ":-" + Topics.DEFAULT_DEAD_LETTER + "}",
            description = "Dead-letter topic: the records that cannot be read, with the reason. Env: "
                    + Topics.DEAD_LETTER_ENV + ". Default: " + Topics.DEFAULT_DEAD_LETTER)
    String topic;

    public String name() {
        return topic;
    }
}
