package io.py4jcodec.testkit.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain class the scenario script constructs through {@code gateway.jvm}: constructors and their
 * overloads, instance and static fields, static methods, a nested class, a throwing constructor.
 */
public class ScenarioFixture {
    /** A static final field, read as {@code jvm.….ScenarioFixture.CONSTANT}. */
    public static final String CONSTANT = "constant\nvalue";
    /** A static field the script reads (never written, so repeated runs see the same value). */
    public static int STATIC_NUMBER = 42;

    /** A public instance field, for {@code get_field} / {@code set_field}. */
    public int number;
    /** A public instance field of a reference type. */
    public String label;
    private final List<String> log = new ArrayList<>();

    public ScenarioFixture() {
        this("none", -1);
    }

    public ScenarioFixture(String label) {
        this(label, 0);
    }

    public ScenarioFixture(int number) {
        this("int", number);
    }

    public ScenarioFixture(String label, int number) {
        this.label = label;
        this.number = number;
    }

    /** Fails when asked to, so Python sees a Java exception from a constructor. */
    public ScenarioFixture(boolean fail) {
        if (fail) {
            throw new IllegalArgumentException("constructor refused: fail=true");
        }
        this.label = "ok";
    }

    public static String staticHello(String who) {
        return "hello " + who;
    }

    public static int staticAdd(int a, int b) {
        return a + b;
    }

    public static void staticThrow() {
        throw new UnsupportedOperationException("static failure");
    }

    public String describe() {
        return label + "/" + number;
    }

    public ScenarioFixture record(String entry) {
        log.add(entry);
        return this;
    }

    public List<String> log() {
        return log;
    }

    @Override
    public String toString() {
        return "ScenarioFixture(" + label + ", " + number + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScenarioFixture f && f.number == number && java.util.Objects.equals(f.label, label);
    }

    @Override
    public int hashCode() {
        return 31 * number + java.util.Objects.hashCode(label);
    }

    /** A nested class, reached from Python as {@code jvm.….ScenarioFixture.Inner}. */
    public static class Inner {
        public final String value;

        public Inner(String value) {
            this.value = value;
        }

        public String value() {
            return "inner:" + value;
        }
    }
}
