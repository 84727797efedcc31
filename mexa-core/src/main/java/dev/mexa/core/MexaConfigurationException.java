package dev.mexa.core;

/**
 * A {@link MexaException} for settings that cannot apply, to each other or to the input they name (a threshold for a
 * language the input lacks, too few sentences for a gate), found before anything heavy runs: no model was loaded.
 * A front end that tells configuration errors apart from failed runs (the JUnit extension's
 * {@code ExtensionConfigurationException}) maps this one onto its own.
 */
public class MexaConfigurationException extends MexaException {

    private static final long serialVersionUID = 1L;

    /** @param message the setting at fault, as both front ends spell it, and the fix */
    public MexaConfigurationException(String message) {
        super(message);
    }
}
