package io.roleradar.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/**
 * The picocli converter of every duration flag ({@code converter = DurationConverter.class}): the
 * forms of {@link Durations}, checked while the command line is parsed, so a wrong value is a
 * usage error (exit 2) in one line rather than a failure, or a stack trace, once the command runs.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            // picocli prints a TypeConversionException's message after the option's name; any other
            // exception it wraps in "cannot convert ... (java.lang.IllegalArgumentException: ...)".
            throw new TypeConversionException(e.getMessage());
        }
    }
}
