package io.roleradar.testkit;

import io.roleradar.cli.CommandLines;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/**
 * Stands in for the environment picocli reads, which a running JVM cannot change: an option whose
 * declared default is {@code ${env:X...}} takes {@code env}'s X, when {@code env} holds one; else its
 * declared default (the real environment, where tests set none of these variables). Install it
 * with {@code commandLine.setDefaultValueProvider(Variables.of(env))}. For tests of what a command
 * does with a variable's value; that a usage error names the variable takes a process of its own,
 * whose environment the test sets. (support's tests have their own copy: they cannot use this kit.)
 */
public final class Variables {
    private Variables() {
    }

    public static IDefaultValueProvider of(Map<String, String> env) {
        return arg -> {
            String variable = arg instanceof OptionSpec option ? CommandLines.variable(option) : null;
            return variable == null ? null : env.get(variable);
        };
    }
}
