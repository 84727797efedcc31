package dev.mexa.core.runtime.model;

import ai.djl.ndarray.NDArray;

/** The feed-forward block of a decoder layer. */
@FunctionalInterface
interface Mlp {

    /**
     * @param x {@code [B, T, hidden]}
     * @return {@code [B, T, hidden]}
     */
    NDArray apply(NDArray x);

    /**
     * The gated MLP of Llama and its descendants: {@code down(act(gate(x)) * up(x))} (SwiGLU with SiLU, GeGLU with
     * GELU).
     *
     * @param gate hidden to intermediate
     * @param up hidden to intermediate
     * @param down intermediate to hidden
     * @param activation applied to the gate
     * @return the block
     */
    static Mlp gated(Linear gate, Linear up, Linear down, Activation activation) {
        return x -> down.apply(activation.apply(gate.apply(x)).mul(up.apply(x)));
    }

    /**
     * The plain MLP of GPT-2: {@code proj(act(fc(x)))}.
     *
     * @param fc hidden to intermediate
     * @param proj intermediate to hidden
     * @param activation applied in between
     * @return the block
     */
    static Mlp plain(Linear fc, Linear proj, Activation activation) {
        return x -> proj.apply(activation.apply(fc.apply(x)));
    }
}
