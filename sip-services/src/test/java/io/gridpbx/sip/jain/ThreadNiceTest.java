package io.gridpbx.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadNiceTest {

    @Test
    void aThreadSetsItsOwnNiceValue_andNoOtherThreadsChanges() throws Exception {
        assumeTrue(linux(), "thread nice values are Linux's");
        AtomicReference<ThreadNice.Outcome> outcome = new AtomicReference<>();
        AtomicInteger tid = new AtomicInteger();
        Thread thread = Thread.ofPlatform().start(() -> {
            tid.set(ThreadNice.currentThreadId());
            outcome.set(ThreadNice.setForCurrentThread(5)); // lowering a priority is always allowed
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException done) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            while (outcome.get() == null) {
                Thread.onSpinWait();
            }
            assertThat(outcome.get()).isEqualTo(ThreadNice.Outcome.SET);
            assertThat(niceOf(tid.get())).isEqualTo(5);
            assertThat(niceOf(ThreadNice.currentThreadId())).as("the test's own thread").isNotEqualTo(5);
        } finally {
            thread.interrupt();
            thread.join();
        }
    }

    @Test
    void aValueOutsideTheKernelsRangeIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ThreadNice.setForCurrentThread(20));
        assertThatIllegalArgumentException().isThrownBy(() -> ThreadNice.setForCurrentThread(-21));
    }

    static boolean linux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
    }

    /** Field 19 of /proc/self/task/TID/stat, counted after the command name (which may hold spaces). */
    static int niceOf(int tid) throws IOException {
        String stat = Files.readString(Path.of("/proc/self/task/" + tid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }
}
