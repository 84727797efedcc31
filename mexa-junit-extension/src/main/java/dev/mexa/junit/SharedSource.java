package dev.mexa.junit;

import dev.mexa.core.evaluate.EvaluationExecutor;
import dev.mexa.core.evaluate.EvaluationInput;
import dev.mexa.core.evaluate.SharedInputExecutor;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link EvaluationInput} shared by every test class of a JVM run, through mexa-core's
 * {@link SharedInputExecutor}: opened on first use and kept until the root extension context closes this resource,
 * each distinct configuration evaluated once, failures remembered.
 *
 * <p>Implements both {@link AutoCloseable} (closed by JUnit 5.13 and later) and the older
 * {@link ExtensionContext.Store.CloseableResource} (JUnit 5.10 to 5.12); either way it releases the source once.
 */
@SuppressWarnings("deprecation") // CloseableResource keeps JUnit 5.10 to 5.12 closing the source
final class SharedSource implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final EvaluationInput input;
    private final SharedInputExecutor executor;
    private final JulMexaLog log = new JulMexaLog();

    /** @param input the model or embeddings, opened on first use */
    SharedSource(EvaluationInput input) {
        this.input = input;
        this.executor = new SharedInputExecutor(input);
    }

    /** @return the executor every request of this input runs on: the seam where another (a forked one) plugs in */
    EvaluationExecutor executor() {
        return executor;
    }

    /** Releases the model or files, once; later calls do nothing. */
    @Override
    public void close() {
        boolean opened = executor.opened();
        executor.close();
        if (opened) {
            log.fine("Released MEXA " + input.description());
        }
    }
}
