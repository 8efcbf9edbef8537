package io.py4jcodec.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The checked-in {@code spec/vectors} are exactly what the generator makes from the real peers today.
 * With {@code -Dpy4jcodec.regen=true} it rewrites them instead (the one regeneration command).
 */
class VectorsTest {

    static Path vectorsDir() {
        String prop = System.getProperty("py4jcodec.vectors");
        return prop != null ? Paths.get(prop) : Paths.get("vectors");
    }

    @Test
    void checkedInVectorsMatchTheGenerator() throws Exception {
        Map<String, String> generated = VectorGenerator.generate();
        Path dir = vectorsDir();
        if (Boolean.getBoolean("py4jcodec.regen")) {
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.filter(p -> p.toString().endsWith(".json")).toList()) {
                    Files.delete(p);
                }
            }
            VectorGenerator.write(dir, generated);
        }
        List<String> drift = new ArrayList<>();
        for (Map.Entry<String, String> e : generated.entrySet()) {
            Path p = dir.resolve(e.getKey());
            String onDisk = Files.isRegularFile(p) ? Files.readString(p, StandardCharsets.UTF_8) : null;
            if (!e.getValue().equals(onDisk)) {
                drift.add(e.getKey() + (onDisk == null ? " (missing)" : " (differs)"));
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .filter(rel -> !generated.containsKey(rel))
                    .forEach(rel -> drift.add(rel + " (not generated any more)"));
        }
        assertTrue(drift.isEmpty(), "spec/vectors drifted from the generator: " + drift
                + "; regenerate with: mvn -q -pl spec -am test -Dtest=VectorsTest -Dsurefire.failIfNoSpecifiedTests=false -Dpy4jcodec.regen=true");
        assertEquals(generated.keySet().size(), generated.size());
    }
}
