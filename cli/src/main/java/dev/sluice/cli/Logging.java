package dev.sluice.cli;

/**
 * Binds slf4j-simple through its system properties, which it reads once, when the first logger
 * is created: quiet (WARN) by default, DEBUG with {@code --debug}, on stderr so stdout stays the
 * command's output. A {@code -D} given to the JVM wins over these defaults.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    static void configure(boolean debug) {
        if (debug) {
            System.setProperty(PREFIX + "defaultLogLevel", "debug");
        } else {
            setIfAbsent("defaultLogLevel", "warn");
        }
        setIfAbsent("logFile", "System.err");
        setIfAbsent("showDateTime", "true");
        setIfAbsent("dateTimeFormat", "HH:mm:ss");
        setIfAbsent("showThreadName", String.valueOf(debug));
        setIfAbsent("showShortLogName", "true");
        setIfAbsent("levelInBrackets", "true");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
