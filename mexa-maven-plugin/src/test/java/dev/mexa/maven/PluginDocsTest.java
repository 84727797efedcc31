package dev.mexa.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Keeps the user documentation in step with the goal: every editable parameter of the generated plugin descriptor
 * appears in {@code docs/plugin-evaluate.md} (the generated reference) and in the properties table of
 * {@code docs/quality-gate.md}.
 */
class PluginDocsTest {

    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Path DOCS = Path.of("..", "docs");

    private static List<String> evaluateParameters() throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile())
                .getDocumentElement();
        NodeList mojos = root.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            if ("evaluate".equals(child(mojo, "goal"))) {
                return editableParameters(mojo);
            }
        }
        throw new AssertionError("no evaluate goal in " + DESCRIPTOR);
    }

    private static List<String> editableParameters(Element mojo) {
        List<String> names = new ArrayList<>();
        NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0))
                .getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element parameter = (Element) parameters.item(i);
            if ("true".equals(child(parameter, "editable"))) {
                names.add(child(parameter, "name"));
            }
        }
        return names;
    }

    private static String child(Element element, String name) {
        NodeList children = element.getElementsByTagName(name);
        return children.getLength() == 0 ? null : children.item(0).getTextContent().trim();
    }

    private static String doc(String name) throws IOException {
        return Files.readString(DOCS.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void theGeneratedReferenceListsEveryParameter() throws Exception {
        String reference = doc("plugin-evaluate.md");

        assertThat(evaluateParameters()).isNotEmpty()
                .allSatisfy(name -> assertThat(reference).containsPattern("\n    " + name + "( \\(|\n)"));
    }

    @Test
    void theQualityGateGuideTablesEveryParameter() throws Exception {
        String guide = doc("quality-gate.md");

        assertThat(evaluateParameters()).allSatisfy(name -> assertThat(guide).contains("| `" + name + "` |"));
    }
}
