package dev.mexa.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Keeps the user documentation in step with the goals: every editable parameter of every goal in the generated
 * plugin descriptor appears, with its user property and its default, in the goal's reference page
 * {@code docs/plugin-<goal>.md} (the help goal's output), and every {@code mexa:evaluate} parameter in the
 * properties table of {@code docs/quality-gate.md}; the site snippet of {@code docs/html-report.md} is the one the
 * {@code site-report} integration test builds.
 */
class PluginDocsTest {

    private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
    private static final Path DOCS = Path.of("..", "docs");
    /** A parameter's first line in the help goal's output: its name, then its default, if any. */
    private static final Pattern PARAMETER_LINE = Pattern.compile("(?m)^    (\\w+)(?: \\(Default: (.*)\\))?$");
    private static final Pattern PROPERTY = Pattern.compile("^\\$\\{(.+)}$");
    private static final Path SITE_REPORT_IT = Path.of("..", "src-it", "projects", "site-report", "pom.xml");

    /**
     * One goal parameter as the descriptor declares it.
     *
     * @param name its name
     * @param property its user property, or null
     * @param defaultValue its default, or null
     */
    private record Parameter(String name, String property, String defaultValue) {
    }

    private static Map<String, List<Parameter>> goals() throws Exception {
        Element root = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(DESCRIPTOR.toFile())
                .getDocumentElement();
        Map<String, List<Parameter>> goals = new LinkedHashMap<>();
        NodeList mojos = root.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            String goal = child(mojo, "goal");
            if (!"help".equals(goal)) {
                goals.put(goal, editableParameters(mojo));
            }
        }
        return goals;
    }

    private static List<Parameter> editableParameters(Element mojo) {
        Element configuration = (Element) mojo.getElementsByTagName("configuration").item(0);
        List<Parameter> result = new ArrayList<>();
        NodeList parameters = ((Element) mojo.getElementsByTagName("parameters").item(0))
                .getElementsByTagName("parameter");
        for (int i = 0; i < parameters.getLength(); i++) {
            Element parameter = (Element) parameters.item(i);
            if ("true".equals(child(parameter, "editable"))) {
                String name = child(parameter, "name");
                Element configured = configuration == null ? null : directChild(configuration, name);
                String property = null;
                String defaultValue = null;
                if (configured != null) {
                    Matcher matcher = PROPERTY.matcher(configured.getTextContent().trim());
                    property = matcher.matches() ? matcher.group(1) : null;
                    defaultValue = configured.hasAttribute("default-value") ? configured.getAttribute("default-value")
                            : null;
                }
                result.add(new Parameter(name, property, defaultValue));
            }
        }
        return result;
    }

    private static Element directChild(Element element, String name) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child;
            }
        }
        return null;
    }

    private static String child(Element element, String name) {
        NodeList children = element.getElementsByTagName(name);
        return children.getLength() == 0 ? null : children.item(0).getTextContent().trim();
    }

    private static String doc(String name) throws IOException {
        return Files.readString(DOCS.resolve(name), StandardCharsets.UTF_8);
    }

    /** @return each documented parameter's block (its lines up to the next parameter), by name */
    private static Map<String, String> documentedParameters(String page) {
        String reference = page.substring(page.indexOf("  Available parameters:"));
        Map<String, String> blocks = new LinkedHashMap<>();
        Matcher matcher = PARAMETER_LINE.matcher(reference);
        List<Integer> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (matcher.find()) {
            starts.add(matcher.start());
            names.add(matcher.group(1));
        }
        starts.add(reference.indexOf("\n```", starts.isEmpty() ? 0 : starts.get(starts.size() - 1)));
        for (int i = 0; i < names.size(); i++) {
            blocks.put(names.get(i), reference.substring(starts.get(i), starts.get(i + 1)));
        }
        return blocks;
    }

    @Test
    void everyGoalHasAReferencePageWithEveryParameterItsPropertyAndDefault() throws Exception {
        Map<String, List<Parameter>> goals = goals();
        assertThat(goals).containsKeys("evaluate", "check", "report");

        goals.forEach((goal, parameters) -> {
            String page;
            try {
                page = doc("plugin-" + goal + ".md");
            } catch (IOException e) {
                throw new AssertionError("docs/plugin-" + goal + ".md is missing: generate it with the help goal"
                        + " (-Ddetail -Dgoal=" + goal + "), as docs/plugin-evaluate.md says", e);
            }
            assertThat(page).as("docs/plugin-%s.md", goal).contains("\nmexa:" + goal + "\n");
            Map<String, String> documented = documentedParameters(page);
            assertThat(documented.keySet()).as("parameters in docs/plugin-%s.md", goal)
                    .containsExactlyInAnyOrderElementsOf(parameters.stream().map(Parameter::name).toList());
            parameters.forEach(parameter -> {
                String block = documented.get(parameter.name()) + "\n";
                String first = block.lines().findFirst().orElseThrow();
                assertThat(first).as("%s of %s in docs/plugin-%s.md", parameter.name(), goal, goal)
                        .isEqualTo("    " + parameter.name()
                                + (parameter.defaultValue() == null ? "" : " (Default: " + parameter.defaultValue() + ")"));
                if (parameter.property() != null) {
                    assertThat(block).as("%s of %s in docs/plugin-%s.md", parameter.name(), goal, goal)
                            .contains("\n      User property: " + parameter.property() + "\n");
                } else {
                    assertThat(block).as("%s of %s in docs/plugin-%s.md", parameter.name(), goal, goal)
                            .doesNotContain("User property:");
                }
            });
        });
    }

    @Test
    void theQualityGateGuideTablesEveryEvaluateParameter() throws Exception {
        String guide = doc("quality-gate.md");

        assertThat(goals().get("evaluate")).extracting(Parameter::name)
                .allSatisfy(name -> assertThat(guide).contains("| `" + name + "` |"));
    }

    @Test
    void theSiteSnippetIsTheOneTheSiteReportTestBuilds() throws Exception {
        Matcher block = Pattern.compile("## In the Maven site.*?```xml\n(.*?)```", Pattern.DOTALL)
                .matcher(doc("html-report.md"));
        assertThat(block.find()).as("the xml snippet of html-report.md").isTrue();
        Element snippet = parse("<project>" + block.group(1) + "</project>");
        String version = child(parse(Files.readString(DESCRIPTOR)), "version");
        Element test = parse(Files.readString(SITE_REPORT_IT).replace("@project.version@", version));

        // the plugin versions the snippet pins (maven-site-plugin 3.21.0 and project-info-reports), then the reports
        for (String section : List.of("pluginManagement", "reporting")) {
            assertThat(outline(section(test, section))).as(section).isEqualTo(outline(section(snippet, section)));
        }
        assertThat(outline(section(snippet, "pluginManagement")))
                .contains("artifactId=maven-site-plugin version=3.21.0")
                .contains("artifactId=maven-project-info-reports-plugin version=");
    }

    private static Element parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new InputSource(new StringReader(xml)))
                .getDocumentElement();
    }

    private static Element section(Element project, String name) {
        return (Element) project.getElementsByTagName(name).item(0);
    }

    /**
     * @return the elements and their text, without comments and whitespace; the test project's
     *     {@code excludeDefaults} (which leaves the project-info reports out) aside
     */
    private static String outline(Node node) {
        StringBuilder outline = new StringBuilder();
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.ELEMENT_NODE && !child.getNodeName().equals("excludeDefaults")) {
                boolean leaf = ((Element) child).getElementsByTagName("*").getLength() == 0;
                outline.append(' ').append(child.getNodeName())
                        .append(leaf ? "=" + child.getTextContent().trim() : " {" + outline(child) + " }");
            }
        }
        return outline.toString();
    }
}
