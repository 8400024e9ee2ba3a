package io.roleradar.cli;

import io.roleradar.kafka.Topics;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The picocli converter of every topic flag ({@link RawTopicOption} and its siblings): a name Kafka
 * would refuse is a usage error as the command line is parsed, naming the flag, or the variable
 * when the name came from it ({@link CommandLines}).
 */
public final class TopicNameConverter implements ITypeConverter<String> {
    @Override
    public String convert(String name) {
        try {
            return Topics.checkName(name, "topic");
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
