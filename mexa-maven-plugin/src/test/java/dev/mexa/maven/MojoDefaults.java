package dev.mexa.maven;

import java.io.InputStream;
import java.lang.reflect.Field;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.maven.plugin.logging.Log;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Goals configured as Maven configures them when the POM sets nothing: each parameter's {@code default-value} read
 * from the plugin descriptor that maven-plugin-plugin generates from the {@code @Parameter} annotations, so that the
 * tests run with the defaults users get, not with a copy of them.
 */
final class MojoDefaults {

    private static final String DESCRIPTOR = "META-INF/maven/plugin.xml";

    private MojoDefaults() {
    }

    /**
     * @param log where the goal logs
     * @return an evaluate goal with every default of its {@code @Parameter} annotations
     */
    static EvaluateMojo evaluateMojo(Log log) {
        EvaluateMojo mojo = new EvaluateMojo();
        mojo.setLog(log);
        applyDefaults(mojo, "evaluate");
        return mojo;
    }

    /**
     * @param log where the goal logs
     * @return a check goal with every default of its {@code @Parameter} annotations
     */
    static CheckMojo checkMojo(Log log) {
        CheckMojo mojo = new CheckMojo();
        mojo.setLog(log);
        applyDefaults(mojo, "check");
        return mojo;
    }

    private static void applyDefaults(Object mojo, String goal) {
        try (InputStream descriptor = MojoDefaults.class.getClassLoader().getResourceAsStream(DESCRIPTOR)) {
            if (descriptor == null) {
                throw new IllegalStateException(DESCRIPTOR + " is not on the test classpath: run the build through"
                        + " process-classes (maven-plugin-plugin's descriptor goal) first.");
            }
            NodeList mojos = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(descriptor)
                    .getElementsByTagName("mojo");
            for (int i = 0; i < mojos.getLength(); i++) {
                Element element = (Element) mojos.item(i);
                if (goal.equals(element.getElementsByTagName("goal").item(0).getTextContent())) {
                    Node configuration = element.getElementsByTagName("configuration").item(0);
                    NodeList parameters = configuration.getChildNodes();
                    for (int j = 0; j < parameters.getLength(); j++) {
                        if (parameters.item(j) instanceof Element parameter && parameter.hasAttribute("default-value")
                                && !parameter.getAttribute("default-value").startsWith("$")) {
                            set(mojo, parameter.getTagName(), parameter.getAttribute("default-value"));
                        }
                    }
                    return;
                }
            }
            throw new IllegalStateException("No goal " + goal + " in " + DESCRIPTOR);
        } catch (ReflectiveOperationException | java.io.IOException | javax.xml.parsers.ParserConfigurationException
                | org.xml.sax.SAXException e) {
            throw new IllegalStateException("Cannot read the defaults of " + goal + " from " + DESCRIPTOR, e);
        }
    }

    /** The field of a goal or of the class it extends ({@link GateMojo} holds the parameters goals share). */
    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            try {
                return current.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(name + " in " + type.getName() + " or its superclasses");
    }

    private static void set(Object mojo, String name, String value) throws ReflectiveOperationException {
        Field field = field(mojo.getClass(), name);
        field.setAccessible(true);
        Class<?> type = field.getType();
        if (type == int.class) {
            field.setInt(mojo, Integer.parseInt(value));
        } else if (type == boolean.class) {
            field.setBoolean(mojo, Boolean.parseBoolean(value));
        } else if (type == String.class) {
            field.set(mojo, value);
        } else {
            throw new IllegalStateException("Unsupported default of type " + type + " for " + name);
        }
    }
}
