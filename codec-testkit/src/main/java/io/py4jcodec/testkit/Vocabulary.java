package io.py4jcodec.testkit;

import java.util.List;

/**
 * The names generated commands use. Against a live gateway, names that exist (the entry point
 * {@code t}, the default JVM view {@code j}, {@code java.lang.String}) reach deeper code than random
 * ones; random names are mixed in so unknown ids and classes are exercised too.
 *
 * @param objectIds  object ids to target (more may be learned from answers at run time)
 * @param classNames fully qualified class names
 * @param methods    method and field names
 */
public record Vocabulary(List<String> objectIds, List<String> classNames, List<String> methods) {

    public Vocabulary {
        objectIds = List.copyOf(objectIds);
        classNames = List.copyOf(classNames);
        methods = List.copyOf(methods);
    }

    /** Names every JVM and py4j gateway has, plus the methods of the fixture entry points used in our tests. */
    public static final Vocabulary DEFAULT = new Vocabulary(
            List.of("t", "j", "o0", "o1", "o2", "o10", "p0", "p1"),
            List.of("java.lang.String", "java.util.ArrayList", "java.lang.Math", "java.lang.System",
                    "java.lang.Integer", "java.util.HashMap", "java.lang.StringBuilder", "int", "java.lang.Object"),
            List.of("toString", "hashCode", "equals", "valueOf", "size", "add", "get", "max", "abs", "length",
                    "echo", "concat", "append", "MAX_VALUE", "out", "getClass", "compare", "apply", "run"));

    /** An id: a known one, or a made-up one. */
    public String objectId(Entropy e) {
        return e.oneIn(4) ? "o" + e.choose(100_000) : objectIds.get(e.choose(objectIds.size()));
    }

    /** A class name: a known one, or a made-up one. */
    public String className(Entropy e) {
        return e.oneIn(5) ? "java.lang." + Generators.name(e) : classNames.get(e.choose(classNames.size()));
    }

    /** A method or field name. */
    public String method(Entropy e) {
        return e.oneIn(5) ? Generators.name(e) : methods.get(e.choose(methods.size()));
    }
}
