package io.roleradar.cli;

import io.roleradar.kafka.Topics;
import picocli.CommandLine.Option;

import java.util.Map;

/**
 * {@code --partitions}, the partition count of a topic the command creates when it is missing, as
 * a picocli mixin of the commands that create topics ({@code ingest run}, {@code classifier run});
 * the others do not show it. The flag beats {@value Topics#PARTITIONS_ENV}.
 */
public final class PartitionsOption {
    static final String FLAG = "--partitions";

    @Option(names = FLAG, paramLabel = "N",
            description = "Partitions of a topic this command creates when it is missing. Env: "
                    + Topics.PARTITIONS_ENV + ". Default: " + Topics.DEFAULT_PARTITIONS)
    Integer partitions;

    /**
     * The flag, else {@value Topics#PARTITIONS_ENV}, else {@value Topics#DEFAULT_PARTITIONS}. A
     * command calls it with its other settings, so a wrong count is a usage error before it starts.
     *
     * @throws IllegalArgumentException naming the flag or the variable when the count is not a whole
     *                                  number of at least 1
     */
    public int count(Map<String, String> env) {
        if (partitions != null) {
            return atLeastOne(partitions, FLAG);
        }
        return atLeastOne(KafkaOptions.number(env, Topics.PARTITIONS_ENV, Topics.DEFAULT_PARTITIONS), Topics.PARTITIONS_ENV);
    }

    private static int atLeastOne(int n, String source) {
        if (n < 1) {
            throw new IllegalArgumentException(source + " must be at least 1, got " + n);
        }
        return n;
    }
}
