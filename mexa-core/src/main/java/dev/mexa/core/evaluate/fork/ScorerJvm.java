package dev.mexa.core.evaluate.fork;

import dev.mexa.core.runtime.CpuThreads;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a scorer JVM is started: this JVM's {@code java}, the user's JVM arguments, the given class path, this JVM's
 * DJL system properties ({@code ai.djl.*}, so that engine settings given to the build reach the scorer) and this
 * environment with {@value CpuThreads#WAIT_POLICY}{@code =PASSIVE} unless the environment sets it itself: libgomp
 * reads it when the native library loads, and with it the scorer's automatic threads are every available processor
 * without stalling on cores that other processes use ({@link CpuThreads}).
 */
public final class ScorerJvm {

    /** The wait policy a scorer gets when the environment has none. */
    static final String PASSIVE = "PASSIVE";

    private final List<Path> classpath;
    private final List<String> jvmArgs;

    /**
     * @param classpath the scorer's class path: mexa-core, its engine and its native library choice
     * @param jvmArgs JVM arguments separated by whitespace (e.g. {@code -Xmx8g}), or null or blank for none
     */
    public ScorerJvm(List<Path> classpath, String jvmArgs) {
        this.classpath = List.copyOf(classpath);
        this.jvmArgs = jvmArgs == null || jvmArgs.isBlank() ? List.of()
                : Arrays.asList(jvmArgs.trim().split("\\s+"));
    }

    /** @return the JVM arguments, as the message of a failed scorer repeats them */
    List<String> jvmArgs() {
        return jvmArgs;
    }

    /**
     * @param mainClass the class whose {@code main} runs
     * @param args its arguments
     * @return a process builder for the scorer JVM, its environment set
     */
    public ProcessBuilder processBuilder(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        new TreeMap<>(System.getProperties()).forEach((name, value) -> {
            if (name.toString().startsWith("ai.djl.")) {
                command.add("-D" + name + "=" + value);
            }
        });
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
        command.add(mainClass);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        environment(builder.environment());
        return builder;
    }

    /** @param environment a child's environment, a copy of this one: gets the passive wait policy unless set */
    static void environment(Map<String, String> environment) {
        environment.putIfAbsent(CpuThreads.WAIT_POLICY, PASSIVE);
    }
}
