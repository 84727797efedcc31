package dev.mexa.core.runtime;

import dev.mexa.core.MexaException;
import java.util.Locale;

/** Where the model runs: {@code auto} (a GPU when DJL sees one, else the CPU), {@code cpu} or {@code gpu}. */
public enum ComputeDevice {
    /** A GPU when one is visible to the engine, else the CPU. */
    AUTO,
    /** The CPU. */
    CPU,
    /** The first GPU; an error when none is visible. */
    GPU;

    /**
     * @param value {@code auto}, {@code cpu} or {@code gpu}, any case
     * @return the choice
     */
    public static ComputeDevice parse(String value) {
        for (ComputeDevice device : values()) {
            if (device.name().equalsIgnoreCase(value == null ? "auto" : value.trim())) {
                return device;
            }
        }
        throw new MexaException("Unknown device '" + value + "': set device (mexa.device) to auto, cpu or gpu.");
    }

    /** @return the lower-case name used in configuration */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
