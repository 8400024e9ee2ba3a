package io.roleradar.cli;

import io.roleradar.kafka.Topics;
import picocli.CommandLine.Option;

import java.util.Map;

/**
 * {@code --topic-tagged}, the topic of tagged postings, as a picocli mixin of the commands that
 * write or read it ({@code classifier run}, {@code reporter run}, {@code reporter follow}); a
 * command that does not use the topic does not show the flag. The flag beats {@value Topics#TAGGED_ENV}.
 */
public final class TaggedTopicOption {
    static final String FLAG = "--topic-tagged";

    @Option(names = FLAG, paramLabel = "TOPIC",
            description = "Topic of tagged postings. Env: " + Topics.TAGGED_ENV + ". Default: " + Topics.DEFAULT_TAGGED)
    String topic;

    /** The flag, else {@value Topics#TAGGED_ENV}, else {@value Topics#DEFAULT_TAGGED}; see {@link TopicNames}. */
    public String name(Map<String, String> env) {
        return TopicNames.resolve(topic, FLAG, env, Topics.TAGGED_ENV, Topics.DEFAULT_TAGGED, "tagged topic");
    }
}
