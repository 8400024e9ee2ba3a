package io.roleradar.testkit;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Option;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the environment picocli reads, which a running JVM cannot change: an option whose
 * declared default is {@code ${env:X...}} takes {@code env}'s X, when {@code env} holds one; else its
 * declared default (the real environment, where tests set none of these variables). Install it
 * with {@code commandLine.setDefaultValueProvider(Variables.of(env))}. For tests of what a command
 * does with a variable's value; that a usage error names the variable takes a process of its own,
 * whose environment the test sets. (support's tests have their own copy: they cannot use this kit.)
 */
public final class Variables {
    private static final Pattern ENV_DEFAULT = Pattern.compile("\\$\\{env:(\\w+)");

    private Variables() {
    }

    public static IDefaultValueProvider of(Map<String, String> env) {
        return arg -> {
            Option option = arg.userObject() instanceof Field field ? field.getAnnotation(Option.class) : null;
            Matcher variable = ENV_DEFAULT.matcher(option == null ? "" : option.defaultValue());
            return variable.find() ? env.get(variable.group(1)) : null;
        };
    }
}
