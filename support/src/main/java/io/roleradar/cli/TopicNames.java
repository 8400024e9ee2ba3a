package io.roleradar.cli;

import io.roleradar.kafka.Topics;

import java.util.Map;

/**
 * How the topic options ({@link RawTopicOption}, {@link TaggedTopicOption},
 * {@link DeadLetterTopicOption}) find their name: the flag, else the environment variable, else the
 * default; a name that Kafka would refuse is an {@link IllegalArgumentException} naming where it
 * came from, the flag or the variable. Commands resolve them with their other settings, so a wrong
 * name is a usage error before the command starts.
 */
final class TopicNames {
    private TopicNames() {
    }

    /**
     * @param flagValue the flag's value, or null when not given
     * @param what      what the topic is for, as the message names it ("raw topic")
     */
    static String resolve(String flagValue, String flag, Map<String, String> env, String variable, String fallback,
                          String what) {
        if (flagValue != null) {
            return Topics.checkName(flagValue, what + " (" + flag + ")");
        }
        String fromEnv = env.get(variable);
        if (fromEnv != null) {
            return Topics.checkName(fromEnv, what + " (" + variable + ")");
        }
        return fallback;
    }
}
