package io.roleradar.cli;

import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/**
 * Stands in for the environment picocli reads, which a running JVM cannot change: an option whose
 * declared default is {@code ${env:X...}} takes {@code env}'s X, when {@code env} holds one; else its
 * declared default (the real environment, where tests set none of these variables). For tests of
 * what picocli does with a variable's value; that it names the variable in a usage error takes a
 * process of its own ({@link OptionsEnvironmentTest}).
 */
final class Variables {
    private Variables() {
    }

    static IDefaultValueProvider of(Map<String, String> env) {
        return arg -> {
            String variable = arg instanceof OptionSpec option ? CommandLines.variable(option) : null;
            return variable == null ? null : env.get(variable);
        };
    }
}
