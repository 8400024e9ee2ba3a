package io.roleradar.cli;

import io.roleradar.kafka.Topics;
import picocli.CommandLine.Option;

/**
 * {@code --topic-tagged}, the topic of tagged postings, as a picocli mixin of the commands that
 * write or read it ({@code classifier run}, {@code reporter run}, {@code reporter follow}); a
 * command that does not use the topic does not show the flag. The flag beats
 * {@value Topics#TAGGED_ENV}, which beats {@value Topics#DEFAULT_TAGGED}.
 */
public final class TaggedTopicOption {
    @Option(names = "--topic-tagged", paramLabel = "TOPIC", converter = TopicNameConverter.class,
            defaultValue = "${env:" + Topics.TAGGED_ENV + ":-" + Topics.DEFAULT_TAGGED + "}",
            description = "Topic of tagged postings. Env: " + Topics.TAGGED_ENV + ". Default: " + Topics.DEFAULT_TAGGED)
    String topic;

    public String name() {
        return topic;
    }
}
