/**
 * The forked scorer: {@link dev.mexa.core.evaluate.fork.ForkedExecutor} checks a request in the build's JVM, without
 * starting the PyTorch engine there, then embeds and scores it in a child JVM started by
 * {@link dev.mexa.core.evaluate.fork.ScorerJvm} with its own environment, heap and threads, and reads back the
 * ungated report that {@link dev.mexa.core.evaluate.fork.ScorerMain} writes. A native abort of the engine ends the
 * child, not the build.
 */
package dev.mexa.core.evaluate.fork;
