package io.roleradar.app.resilience;

import io.roleradar.app.RoleradarMain;
import io.roleradar.cli.ExitCodes;
import io.roleradar.kafka.TopicAdmin;
import io.roleradar.kafka.Topics;
import io.roleradar.testkit.TestKafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code roleradar classifier run} as its own process, stopped the ways a person and an
 * orchestrator stop it: SIGTERM (what Docker and Kubernetes send) exits 143, SIGINT (Ctrl-C) 130,
 * each after a clean stop; a drain that finished its work exits 0.
 */
class ClassifierSignalsIT {
    @Test
    @Timeout(120)
    void sigtermExits143AfterACleanStop(@TempDir Path work) throws Exception {
        Path log = work.resolve("classifier.log");
        Process p = ChildJvm.start(RoleradarMain.class.getName(), "256m", log, args("term", false));
        awaitRunning(p, log);

        p.destroy(); // SIGTERM

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(ChildJvm.tail(log, 3000)).isTrue();
        assertThat(p.exitValue()).as(ChildJvm.tail(log, 3000)).isEqualTo(ExitCodes.TERMINATED);
        assertThat(ChildJvm.tail(log, 3000)).contains("stopped (STOPPED)").doesNotContain("Exception");
    }

    @Test
    @Timeout(120)
    void sigintExits130AfterACleanStop(@TempDir Path work) throws Exception {
        Path log = work.resolve("classifier.log");
        Process p = ChildJvm.start(RoleradarMain.class.getName(), "256m", log, args("int", false));
        awaitRunning(p, log);

        assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor()).isZero();

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(ChildJvm.tail(log, 3000)).isTrue();
        assertThat(p.exitValue()).as(ChildJvm.tail(log, 3000)).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(ChildJvm.tail(log, 3000)).contains("stopped (STOPPED)");
    }

    @Test
    @Timeout(120)
    void aDrainThatFinishedItsWorkExitsZero(@TempDir Path work) throws Exception {
        Path log = work.resolve("classifier.log");
        Process p = ChildJvm.start(RoleradarMain.class.getName(), "256m", log, args("drain", true));

        assertThat(p.waitFor(90, TimeUnit.SECONDS)).as(ChildJvm.tail(log, 3000)).isTrue();
        assertThat(p.exitValue()).as(ChildJvm.tail(log, 3000)).isZero();
        assertThat(ChildJvm.tail(log, 3000)).contains("caught up");
    }

    private static List<String> args(String name, boolean drain) {
        Topics topics = new Topics(TestKafka.unique(name + ".raw"), TestKafka.unique(name + ".tagged"),
                TestKafka.unique(name + ".dlq"));
        TopicAdmin.ensureTopics(TestKafka.settings(), topics, 1);
        List<String> args = new ArrayList<>(List.of("classifier", "run", "--bootstrap-server", TestKafka.bootstrapServers(),
                "--kafka-timeout", "10s", "--topic-raw", topics.raw(), "--topic-tagged", topics.tagged(),
                "--topic-dlq", topics.deadLetter(), "--group", TestKafka.unique(name + "-group"),
                "--instance-id", name + "-1"));
        if (drain) {
            args.add("--drain");
        }
        return args;
    }

    /** Until the service logs that it reads the raw topic, so the signal stops a running service. */
    private static void awaitRunning(Process p, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!ChildJvm.tail(log, 20_000).contains(" reading ")) {
            assertThat(p.isAlive()).as(ChildJvm.tail(log, 3000)).isTrue();
            assertThat(System.nanoTime()).as("the classifier did not start: " + ChildJvm.tail(log, 3000)).isLessThan(deadline);
            Thread.sleep(200);
        }
        Thread.sleep(1500); // into its poll loop
    }
}
