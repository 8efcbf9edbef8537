package io.py4jcodec.fuzz.live;

import java.util.ArrayList;
import java.util.List;

/** The entry point ({@code t}) the real py4j servers expose in our campaigns: a few methods of each shape. */
public class FixtureEntryPoint {
    public Object echo(Object o) {
        return o;
    }

    public int add(int a, int b) {
        return a + b;
    }

    public String concat(String a, String b) {
        return a + b;
    }

    public List<Object> list() {
        return new ArrayList<>(List.of(1, "a", 2.5));
    }

    public int[] array() {
        return new int[] {1, 2, 3};
    }

    public byte[] bytes(byte[] b) {
        return b;
    }

    public double half(double d) {
        return d / 2;
    }

    public void fail() {
        throw new IllegalStateException("fixture failure");
    }
}
