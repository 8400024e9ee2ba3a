package io.roleradar.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Option;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the environment picocli reads, which a running JVM cannot change: an option whose
 * declared default is {@code ${env:X...}} takes {@code env}'s X, when {@code env} holds one; else its
 * declared default (the real environment, where tests set none of these variables). For tests of
 * what picocli does with a variable's value; that it names the variable in a usage error takes a
 * process of its own ({@link OptionsEnvironmentTest}).
 */
final class Variables {
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:(\\w+)");

    private Variables() {
    }

    static IDefaultValueProvider of(Map<String, String> env) {
        return arg -> {
            Option option = arg.userObject() instanceof Field field ? field.getAnnotation(Option.class) : null;
            Matcher variable = ENV_DEFAULT.matcher(option == null ? "" : option.defaultValue());
            return variable.find() ? env.get(variable.group(1)) : null;
        };
    }
}
