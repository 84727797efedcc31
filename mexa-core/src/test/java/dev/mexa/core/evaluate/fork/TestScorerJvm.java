package dev.mexa.core.evaluate.fork;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The scorer JVM the fork tests start: on this test JVM's class path. */
final class TestScorerJvm {

    private TestScorerJvm() {
    }

    /**
     * @param jvmArgs the scorer's JVM arguments, or null for none
     * @return a scorer JVM on this JVM's class path
     */
    static ScorerJvm onThisClassPath(String jvmArgs) {
        List<Path> classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(Path::of).toList();
        return new ScorerJvm(classpath, jvmArgs);
    }
}
