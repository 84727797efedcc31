package dev.mexa.junit;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;

/** Runs example test classes on the Jupiter engine with TestKit and reads the outcome of each test by name. */
final class TestKitRuns {

    /** The tag of example classes, excluded from the module's own Surefire run. */
    static final String EXAMPLE_TAG = "testkit-example";

    private TestKitRuns() {
    }

    /**
     * @param classes example test classes
     * @return the events of one engine run over them
     */
    static EngineExecutionResults run(Class<?>... classes) {
        return engine(classes).execute();
    }

    /**
     * @param classes example test classes
     * @return the events of one engine run over them with classes executed concurrently on four threads
     */
    static EngineExecutionResults runConcurrently(Class<?>... classes) {
        return engine(classes)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .execute();
    }

    private static EngineTestKit.Builder engine(Class<?>... classes) {
        return EngineTestKit.engine("junit-jupiter").selectors(Arrays.stream(classes)
                .map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new));
    }

    /**
     * @param events events of tests or containers
     * @return display name (without parentheses) to outcome, for those that finished
     */
    static Map<String, TestExecutionResult.Status> statuses(Events events) {
        return events.finished().stream().collect(Collectors.toMap(TestKitRuns::name,
                event -> result(event).getStatus()));
    }

    /**
     * @param events events of tests or containers
     * @param name a display name without parentheses (a class's simple name)
     * @return the message of the failure it finished with
     */
    static String failureMessage(Events events, String name) {
        return events.finished().stream().filter(event -> name(event).equals(name)).findFirst()
                .flatMap(event -> result(event).getThrowable()).map(Throwable::getMessage)
                .orElseThrow(() -> new AssertionError("no failure of " + name));
    }

    /**
     * @param events events of tests or containers
     * @param name a display name without parentheses (a class's simple name)
     * @return the reason it was skipped
     */
    static String skipReason(Events events, String name) {
        return events.skipped().stream().filter(event -> name(event).equals(name)).findFirst()
                .flatMap(event -> event.getPayload(String.class))
                .orElseThrow(() -> new AssertionError("no skipped " + name));
    }

    /**
     * @param results an engine run
     * @return every published report entry's key-value pairs, in order
     */
    static List<Map<String, String>> reportEntries(EngineExecutionResults results) {
        return results.allEvents().stream().filter(event -> event.getType() == EventType.REPORTING_ENTRY_PUBLISHED)
                .map(event -> event.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();
    }

    private static String name(Event event) {
        String name = event.getTestDescriptor().getDisplayName();
        int parenthesis = name.indexOf('(');
        String withoutParameters = parenthesis < 0 ? name : name.substring(0, parenthesis);
        return withoutParameters.substring(withoutParameters.lastIndexOf('$') + 1);
    }

    private static TestExecutionResult result(Event event) {
        return event.getPayload(TestExecutionResult.class).orElseThrow();
    }
}
