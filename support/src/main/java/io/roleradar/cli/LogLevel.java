package io.roleradar.cli;

import java.util.Locale;
import java.util.Map;

/**
 * How much a roleradar command says on stderr: {@code --log-level LEVEL}, {@code -q/--quiet} (warn)
 * and {@code -v/--verbose} (debug), else env {@value #ENV}, else info.
 *
 * <p>slf4j-simple reads its level once, when the first logger is created, so the level must be a
 * system property before any class with a logger is touched: a {@code main} calls
 * {@link #applyFrom(String[], Map)} on its raw arguments first thing, before picocli (whose
 * options, {@link LoggingOptions}, then only document and validate them).
 */
public enum LogLevel {
    ERROR, WARN, INFO, DEBUG;

    /** The environment variable that sets the level when no flag does. */
    public static final String ENV = "ROLERADAR_LOG_LEVEL";
    /** The slf4j-simple property holding the level of every logger without one of its own. */
    static final String PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /**
     * The level {@code text} names, in any case.
     *
     * @throws IllegalArgumentException naming the accepted levels, not where the text came from
     */
    public static LogLevel parse(String text) {
        String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (LogLevel level : values()) {
            if (level.name().equals(t) || (level == WARN && t.equals("WARNING"))) {
                return level;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a level: use error, warn, info or debug");
    }

    /**
     * The level the environment sets, or null when {@value #ENV} is unset or blank.
     *
     * @throws IllegalArgumentException naming the variable and the accepted levels
     */
    public static LogLevel fromEnv(Map<String, String> env) {
        String text = env.get(ENV);
        try {
            return text == null || text.isBlank() ? null : parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + " " + e.getMessage());
        }
    }

    /**
     * The level the arguments ask for (the last of {@code --log-level}, {@code -q}, {@code -v} wins,
     * up to a {@code --} that ends the options), else the environment's, else {@link #INFO}. A value
     * that is not a level, in a flag or in the environment, is passed over here (this runs before
     * there is a command to report it): {@link LoggingOptions} makes it a usage error.
     */
    public static LogLevel from(String[] args, Map<String, String> env) {
        LogLevel level = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                break;
            }
            LogLevel named = switch (a) {
                case "-q", "--quiet" -> WARN;
                case "-v", "--verbose" -> DEBUG;
                case "--log-level" -> i + 1 < args.length ? orElse(args[++i], null) : null;
                default -> a.startsWith("--log-level=") ? orElse(a.substring("--log-level=".length()), null) : null;
            };
            if (named != null) {
                level = named;
            }
        }
        return level != null ? level : orElse(env.get(ENV), INFO);
    }

    /** Reads the level from the arguments and environment and sets it for every logger yet to be created. */
    public static LogLevel applyFrom(String[] args, Map<String, String> env) {
        LogLevel level = from(args, env);
        level.apply();
        return level;
    }

    /** Makes this the level of every logger created from now on. */
    public void apply() {
        System.setProperty(PROPERTY, name().toLowerCase(Locale.ROOT));
    }

    /** The level in force: the one applied, else info. */
    public static LogLevel current() {
        return orElse(System.getProperty(PROPERTY, "info"), INFO);
    }

    /** True when a message of {@code level} is shown at this level (progress lines are INFO). */
    public boolean shows(LogLevel level) {
        return level.ordinal() <= ordinal();
    }

    private static LogLevel orElse(String text, LogLevel fallback) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
