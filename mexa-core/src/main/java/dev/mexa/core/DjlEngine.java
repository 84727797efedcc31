package dev.mexa.core;

/**
 * The DJL engine every NDArray of mexa-core belongs to. Named explicitly wherever a manager is created, so that other
 * DJL engines on a user's class path (the tokenizers jar registers one) never receive mexa-core's arrays.
 */
public final class DjlEngine {

    /** DJL's name of the PyTorch engine. */
    public static final String NAME = "PyTorch";

    private DjlEngine() {
    }
}
