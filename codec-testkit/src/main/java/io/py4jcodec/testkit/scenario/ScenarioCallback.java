package io.py4jcodec.testkit.scenario;

/**
 * The Java interface the scenario script's Python objects implement ({@code class Java: implements =
 * ["io.py4jcodec.testkit.scenario.ScenarioCallback"]}); the entry point calls them back from Java.
 */
public interface ScenarioCallback {
    /** Answers {@code arg} as the Python side chooses (the script answers {@code "py:" + arg}). */
    String call(String arg);

    /** Python answers by calling back into {@link ScenarioEntryPoint#bounce} with the same depth: nesting. */
    String bounce(int depth);

    /** Python describes what it received ({@code type name + ":" + repr}), to show Java-to-Python conversions. */
    String accept(Object value);

    /** Python answers a value of the kind named, to show Python-to-Java conversions of callback answers. */
    Object produce(String kind);
}
