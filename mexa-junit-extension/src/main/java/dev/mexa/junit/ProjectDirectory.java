package dev.mexa.junit;

import java.nio.file.Path;

/**
 * The directory that {@link MexaEvaluation} paths and the reports are relative to: the {@code basedir} system
 * property Maven Surefire sets, else the working directory.
 */
final class ProjectDirectory {

    private ProjectDirectory() {
    }

    /** @return the project directory, absolute */
    static Path get() {
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
    }

    /**
     * @param path a path as written in an annotation
     * @return it resolved against the project directory, absolute and normalized
     */
    static Path resolve(String path) {
        return get().resolve(path.trim()).toAbsolutePath().normalize();
    }
}
