package io.roleradar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The shared options in a process of its own, whose environment a test sets (picocli reads the
 * real one): several command lines in one process, separated by {@code ;}, each a mixin's name
 * ({@code kafka}, {@code raw}, {@code tagged}, {@code dlq}, {@code partitions}) and its flags. A
 * command with only that mixin is run, so one wrong variable stops no other; each prints one line
 * to standard output: its values, or its usage error.
 */
public final class OptionsProcess {
    private OptionsProcess() {
    }

    @Command(name = "options")
    static final class Values implements Callable<Integer> {
        private final Object mixin;

        Values(Object mixin) {
            this.mixin = mixin;
        }

        @Override
        public Integer call() {
            System.out.println(describe(mixin));
            return ExitCodes.OK;
        }
    }

    private static String describe(Object mixin) {
        if (mixin instanceof KafkaOptions k) {
            return "kafka-timeout=" + Durations.format(k.kafkaTimeout()) + " metrics-port=" + k.metricsPort();
        }
        if (mixin instanceof PartitionsOption p) {
            return "partitions=" + p.count();
        }
        return mixin instanceof RawTopicOption r ? "topic-raw=" + r.name()
                : mixin instanceof TaggedTopicOption t ? "topic-tagged=" + t.name()
                : "topic-dlq=" + ((DeadLetterTopicOption) mixin).name();
    }

    public static void main(String[] args) {
        List<String> line = new ArrayList<>();
        for (int i = 0; i <= args.length; i++) {
            if (i < args.length && !args[i].equals(";")) {
                line.add(args[i]);
                continue;
            }
            Object mixin = switch (line.get(0)) {
                case "kafka" -> new KafkaOptions();
                case "raw" -> new RawTopicOption();
                case "tagged" -> new TaggedTopicOption();
                case "dlq" -> new DeadLetterTopicOption();
                case "partitions" -> new PartitionsOption();
                default -> throw new IllegalArgumentException(line.get(0));
            };
            CommandLine cli = CommandLines.create(new Values(mixin));
            cli.getCommandSpec().addMixin(line.get(0), CommandSpec.forAnnotatedObject(mixin));
            cli.setErr(new PrintWriter(System.out, true));
            cli.execute(line.subList(1, line.size()).toArray(String[]::new));
            line.clear();
        }
    }
}
