package io.roleradar.cli;

import io.roleradar.kafka.Topics;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --partitions}, the partition count of a topic the command creates when it is missing, as
 * a picocli mixin of the commands that create topics ({@code ingest run}, {@code classifier run});
 * the others do not show it. The flag beats {@value Topics#PARTITIONS_ENV}, which beats
 * {@value Topics#DEFAULT_PARTITIONS}; a count below 1 is a usage error as the command line is parsed.
 */
public final class PartitionsOption {
    @Option(names = "--partitions", paramLabel = "N", converter = AtLeastOne.class,
            defaultValue = "${env:" + Topics.PARTITIONS_ENV + ":-" + Topics.DEFAULT_PARTITIONS + "}",
            description = "Partitions of a topic this command creates when it is missing. Env: "
                    + Topics.PARTITIONS_ENV + ". Default: " + Topics.DEFAULT_PARTITIONS)
    int partitions;

    public int count() {
        return partitions;
    }

    /** A whole number of at least 1, in the words the message after the option's name needs. */
    static final class AtLeastOne implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String text) {
            int n;
            try {
                n = Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + text + "' is not a whole number");
            }
            if (n < 1) {
                throw new TypeConversionException("must be at least 1, got " + n);
            }
            return n;
        }
    }
}
