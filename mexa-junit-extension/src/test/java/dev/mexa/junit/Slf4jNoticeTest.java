package dev.mexa.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Slf4jNoticeTest {

    @TempDir
    Path dir;

    @Test
    void withoutABindingSlf4jReportsErrorsOnly() {
        Properties properties = new Properties();
        Slf4jNotice.quietWithoutBinding(new URLClassLoader(new URL[0], null), properties);
        assertThat(properties).containsEntry(Slf4jNotice.VERBOSITY, "ERROR");
    }

    @Test
    void theUsersBindingAndSettingsAreLeftAlone() throws IOException {
        Path services = dir.resolve("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
        Files.createDirectories(services.getParent());
        Files.writeString(services, "org.slf4j.simple.SimpleServiceProvider\n");
        Properties bound = new Properties();
        Slf4jNotice.quietWithoutBinding(new URLClassLoader(new URL[] {dir.toUri().toURL()}, null), bound);
        assertThat(bound).isEmpty();

        Properties chosen = new Properties();
        chosen.setProperty(Slf4jNotice.VERBOSITY, "DEBUG");
        Slf4jNotice.quietWithoutBinding(new URLClassLoader(new URL[0], null), chosen);
        assertThat(chosen).containsEntry(Slf4jNotice.VERBOSITY, "DEBUG");
    }
}
