package dev.mexa.core;

/** Where mexa-core reports progress and warnings; the Maven plugin maps it onto the build log. */
public interface MexaLog {

    /** @param message a progress or result line */
    void info(String message);

    /** @param message something the user should look at */
    void warn(String message);

    /** @return a log that drops everything */
    static MexaLog silent() {
        return new MexaLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
            }
        };
    }
}
