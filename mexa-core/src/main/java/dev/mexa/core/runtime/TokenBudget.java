package dev.mexa.core.runtime;

import ai.djl.Device;
import ai.djl.util.cuda.CudaUtils;
import dev.mexa.core.runtime.checkpoint.ModelConfig;
import java.lang.management.MemoryUsage;

/**
 * The automatic token budget of a batch ({@code batchTokens} 0): as many padded tokens as keep one forward pass's
 * activations near {@value #CPU_ACTIVATION_BYTES} bytes on the CPU (enough for full-speed matrix products, small
 * next to the weights; with 64 MiB rather than 128 MiB bench/run.sh's first run took 172 s instead of 183 s and the
 * 8B-shaped proxy's peak memory fell, see docs/performance.md), or a quarter of the free memory on a GPU. A layer's
 * activations are estimated at {@value #FLOATS_PER_HIDDEN} float32 values per token and unit of hidden width
 * (residual, norms, projections and the MLP's wider intermediates).
 */
final class TokenBudget {

    static final long CPU_ACTIVATION_BYTES = 64L << 20;
    static final int FLOATS_PER_HIDDEN = 16;
    static final int MIN_TOKENS = 256;
    static final int MAX_TOKENS = 16384;

    private TokenBudget() {
    }

    /**
     * @param config the model's figures
     * @param device where it runs
     * @return the most padded tokens per batch
     */
    static int tokens(ModelConfig config, Device device) {
        long perToken = 4L * FLOATS_PER_HIDDEN * config.hidden();
        long bytes = CPU_ACTIVATION_BYTES;
        if (device.isGpu()) {
            MemoryUsage memory = CudaUtils.getGpuMemory(device);
            bytes = Math.max(bytes, (memory.getMax() - memory.getCommitted()) / 4);
        }
        return (int) Math.max(MIN_TOKENS, Math.min(MAX_TOKENS, bytes / perToken));
    }
}
