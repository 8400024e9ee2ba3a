package io.roleradar.cli;

import io.roleradar.kafka.Topics;
import picocli.CommandLine.Option;

import java.util.Map;

/**
 * {@code --topic-raw}, the topic of raw postings, as a picocli mixin of the commands that write or
 * read it ({@code ingest run}, {@code classifier run}); a command that does not use the topic does
 * not show the flag. The flag beats {@value Topics#RAW_ENV}.
 */
public final class RawTopicOption {
    static final String FLAG = "--topic-raw";

    @Option(names = FLAG, paramLabel = "TOPIC",
            description = "Topic of raw postings. Env: " + Topics.RAW_ENV + ". Default: " + Topics.DEFAULT_RAW)
    String topic;

    /** The flag, else {@value Topics#RAW_ENV}, else {@value Topics#DEFAULT_RAW}; see {@link TopicNames}. */
    public String name(Map<String, String> env) {
        return TopicNames.resolve(topic, FLAG, env, Topics.RAW_ENV, Topics.DEFAULT_RAW, "raw topic");
    }
}
