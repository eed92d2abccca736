package io.gridpbx.sip.jain;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The nice value of the calling thread, set through {@code setpriority(2)} on its thread id: on Linux the
 * nice value is a per-thread attribute, which Java's thread priorities do not reach. Called with the
 * foreign function API; on other systems, or where the C library lacks the calls, nothing changes.
 *
 * <p>Lowering a thread's priority (a higher nice value) is always allowed; raising it (a value below the
 * process's) needs {@code CAP_SYS_NICE}, or an {@code RLIMIT_NICE} that permits it (systemd's
 * {@code LimitNICE=}).
 */
final class ThreadNice {

    private static final int PRIO_PROCESS = 0;
    private static final @Nullable MethodHandle GETTID;
    private static final @Nullable MethodHandle SETPRIORITY;

    static {
        MethodHandle gettid = null;
        MethodHandle setpriority = null;
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
            try {
                Linker linker = Linker.nativeLinker();
                SymbolLookup libc = linker.defaultLookup();
                var gettidSymbol = libc.find("gettid");
                var setprioritySymbol = libc.find("setpriority");
                if (gettidSymbol.isPresent() && setprioritySymbol.isPresent()) {
                    gettid = linker.downcallHandle(gettidSymbol.get(), FunctionDescriptor.of(JAVA_INT));
                    setpriority = linker.downcallHandle(setprioritySymbol.get(),
                            FunctionDescriptor.of(JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
                }
            } catch (RuntimeException | LinkageError unavailable) {
                // native access refused or no such calls: the thread keeps its priority
                gettid = null;
                setpriority = null;
            }
        }
        GETTID = gettid;
        SETPRIORITY = setpriority;
    }

    private ThreadNice() {
    }

    /** What became of a request to set the calling thread's nice value. */
    enum Outcome {
        SET,
        /** The system refused it: raising a priority needs CAP_SYS_NICE or RLIMIT_NICE. */
        REFUSED,
        /** Not Linux, or the C library lacks the calls. */
        UNSUPPORTED
    }

    /** Sets the calling thread's nice value (-20 to 19). */
    static Outcome setForCurrentThread(int nice) {
        if (nice < -20 || nice > 19) {
            throw new IllegalArgumentException("a nice value is from -20 to 19, not " + nice);
        }
        if (GETTID == null || SETPRIORITY == null) {
            return Outcome.UNSUPPORTED;
        }
        try {
            int tid = (int) GETTID.invokeExact();
            int result = (int) SETPRIORITY.invokeExact(PRIO_PROCESS, tid, nice);
            return result == 0 ? Outcome.SET : Outcome.REFUSED;
        } catch (Throwable failed) {
            return Outcome.UNSUPPORTED;
        }
    }

    /** The calling thread's id as the kernel knows it, or -1 where it cannot be read (for tests and logs). */
    static int currentThreadId() {
        if (GETTID == null) {
            return -1;
        }
        try {
            return (int) GETTID.invokeExact();
        } catch (Throwable failed) {
            return -1;
        }
    }
}
