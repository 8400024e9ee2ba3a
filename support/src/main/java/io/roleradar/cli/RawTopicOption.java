package io.roleradar.cli;

import io.roleradar.kafka.Topics;
import picocli.CommandLine.Option;

/**
 * {@code --topic-raw}, the topic of raw postings, as a picocli mixin of the commands that write or
 * read it ({@code ingest run}, {@code classifier run}); a command that does not use the topic does
 * not show the flag. The flag beats {@value Topics#RAW_ENV}, which beats {@value Topics#DEFAULT_RAW}.
 */
public final class RawTopicOption {
    @Option(names = "--topic-raw", paramLabel = "TOPIC", converter = TopicNameConverter.class,
            defaultValue = "${env:" + Topics.RAW_ENV + ":-" + Topics.DEFAULT_RAW + "}",
            description = "Topic of raw postings. Env: " + Topics.RAW_ENV + ". Default: " + Topics.DEFAULT_RAW)
    String topic;

    public String name() {
        return topic;
    }
}
