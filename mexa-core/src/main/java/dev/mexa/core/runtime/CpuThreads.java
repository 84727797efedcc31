package dev.mexa.core.runtime;

import dev.mexa.core.MexaLog;
import java.util.Locale;

/**
 * How many intra-op threads PyTorch uses on the CPU. libgomp, PyTorch's OpenMP runtime, reads {@value #WAIT_POLICY}
 * from the environment once, when the native library loads; by default its waiting threads spin, and on cores that
 * other processes also use (CI runners, Surefire forks, {@code mvn -T}) a spinning thread takes the time slice of
 * the thread it waits for: throughput collapses by an order of magnitude. So automatic threads ({@code threads} 0)
 * are one per available processor only when {@code OMP_WAIT_POLICY=PASSIVE} is in the environment, and one
 * otherwise (one thread never waits for another); a number set explicitly is used as given. The Maven plugin's forked
 * scorer ({@code dev.mexa.core.evaluate.fork.ScorerJvm}) starts with the passive policy unless the environment sets
 * one, so there automatic threads are every processor.
 */
public final class CpuThreads {

    /** The libgomp environment variable that decides whether waiting threads spin or sleep. */
    public static final String WAIT_POLICY = "OMP_WAIT_POLICY";

    private CpuThreads() {
    }

    /**
     * @param requested the {@code threads} setting, 0 for automatic
     * @param waitPolicy the environment's {@value #WAIT_POLICY}, or {@code null}
     * @param processors the available processors
     * @param log receives the line saying why automatic threads stay at one
     * @return the intra-op threads to use
     */
    public static int resolve(int requested, String waitPolicy, int processors, MexaLog log) {
        if (requested > 0) {
            return requested;
        }
        if (waitPolicy != null && waitPolicy.trim().toUpperCase(Locale.ROOT).equals("PASSIVE")) {
            return processors;
        }
        if (processors > 1) {
            log.info("PyTorch runs on 1 CPU thread: without OMP_WAIT_POLICY=PASSIVE in the environment its threads"
                    + " spin while waiting and stall on busy cores. Export OMP_WAIT_POLICY=PASSIVE (for the JUnit"
                    + " extension: Surefire's environmentVariables; the Maven plugin's forked scorer, fork"
                    + " (mexa.fork), sets it itself) to use all " + processors + " processors, or set threads"
                    + " (mexa.threads).");
        }
        return 1;
    }
}
