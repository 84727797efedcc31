package dev.mexa.maven;

import java.io.File;
import org.apache.maven.project.MavenProject;

/** Resolves where reports go: the configured directory, else the project's build directory, else ./target. */
final class OutputDirectories {

    private OutputDirectories() {
    }

    /**
     * @param configured the {@code outputDirectory} parameter, or {@code null}
     * @param project the current project; a stub without a POM file when the goal runs outside a project
     * @return the directory for MEXA reports
     */
    static File resolve(File configured, MavenProject project) {
        if (configured != null) {
            return configured;
        }
        if (project != null && project.getFile() != null) {
            return new File(project.getBuild().getDirectory(), "mexa");
        }
        return new File("target", "mexa").getAbsoluteFile();
    }
}
