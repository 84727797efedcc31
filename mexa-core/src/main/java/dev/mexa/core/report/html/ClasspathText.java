package dev.mexa.core.report.html;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads the text resources the HTML report is made of (style sheet, script, language tables) from the classpath. */
final class ClasspathText {

    private ClasspathText() {
    }

    /**
     * @param name a resource name relative to this package
     * @return its content, read as UTF-8
     * @throws MexaException when the resource is missing from the jar
     */
    static String read(String name) {
        try (InputStream in = ClasspathText.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new MexaException("Resource " + name + " is missing from mexa-core: the jar is incomplete.");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MexaException("Cannot read resource " + name + " from mexa-core: " + e.getMessage(), e);
        }
    }
}
