package dev.mexa.junit;

import java.lang.reflect.AnnotatedElement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Finds the extension's annotations along an extension context's chain: the test method, its class and the classes
 * enclosing a {@code @Nested} class.
 */
final class TestAnnotations {

    private TestAnnotations() {
    }

    /**
     * @param context any context of a test or container
     * @return the {@link MexaEvaluation} of the innermost class that has one
     */
    static Optional<MexaEvaluation> evaluation(ExtensionContext context) {
        for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
            Optional<MexaEvaluation> found = current.getTestClass()
                    .flatMap(type -> AnnotationSupport.findAnnotation(type, MexaEvaluation.class));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * @param context a context of a test, a class or a dynamic test
     * @return the context of the class that holds it
     */
    static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (!(current.getElement().orElse(null) instanceof Class)) {
            current = current.getParent().orElseThrow(() -> new IllegalStateException(
                    "No test class around " + context.getUniqueId()));
        }
        return current;
    }

    /**
     * @param context a context of a test or a class
     * @return its elements from the outermost class to the context's own element (a class or a method)
     */
    static Deque<AnnotatedElement> elements(ExtensionContext context) {
        Deque<AnnotatedElement> elements = new ArrayDeque<>();
        for (ExtensionContext current = context; current != null; current = current.getParent().orElse(null)) {
            current.getElement().ifPresent(elements::addFirst);
        }
        return elements;
    }
}
