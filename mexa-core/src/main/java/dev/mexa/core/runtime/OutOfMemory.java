package dev.mexa.core.runtime;

import java.util.Locale;

/** Tells an engine's out-of-memory failure from its other failures, and words the error a run ends with. */
final class OutOfMemory {

    private OutOfMemory() {
    }

    /**
     * @param e a failure of the engine
     * @return whether it says that memory ran out (PyTorch's CPU allocator or CUDA)
     */
    static boolean isOutOfMemory(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("out of memory") || message.contains("can't allocate memory")
                || message.contains("not enough memory");
    }

    /**
     * @param sentences how many sentences the batch held
     * @param tokens its longest sentence's token count
     * @param source the corpus file the sentences come from, which names the language
     * @return the error: what ran out, where, and the settings to lower
     */
    static String message(int sentences, int tokens, String source) {
        return "Out of memory running the model over a batch of " + sentences + " sentence(s) of up to " + tokens
                + " tokens from " + source + (sentences > 1 ? ", and again over each half of it" : "")
                + ": lower batchSize (mexa.batchSize) or batchTokens (mexa.batchTokens), shorten the longest"
                + " sentences, or give the run more memory (-Xmx for the JVM's heap, a device with more memory).";
    }
}
