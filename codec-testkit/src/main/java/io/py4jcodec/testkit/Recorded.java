package io.py4jcodec.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The vectors and transcripts recorded from the real py4j 0.10.9.9 peers, kept in the repository
 * under {@code spec/recorded/} (its README says where they came from).
 *
 * <p>The folder is the system property {@code py4jcodec.recorded} (the root pom sets it for every
 * module's tests), else the first {@code spec/recorded} found from the working directory upwards, so
 * a test started from an IDE in a module directory finds it too. Nothing outside the repository is
 * read: a clone alone has everything the tests check against.
 *
 * <pre>{@code
 * for (JsonNode r : Recorded.json("vectors/java_encode.json")) { ... }
 * Path t = Recorded.path("transcripts/gateway-primitives.json");
 * }</pre>
 */
public final class Recorded {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Recorded() {
    }

    /** The {@code spec/recorded} folder; fails with the places looked at when it is missing. */
    public static Path root() {
        String prop = System.getProperty("py4jcodec.recorded");
        if (prop != null && !prop.isEmpty()) {
            Path p = Path.of(prop);
            if (Files.isDirectory(p.resolve("vectors"))) {
                return p.toAbsolutePath().normalize();
            }
            throw new IllegalStateException("py4jcodec.recorded=" + prop + " has no vectors/ folder");
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("spec").resolve("recorded");
            if (Files.isDirectory(p.resolve("vectors"))) {
                return p.normalize();
            }
        }
        throw new IllegalStateException("spec/recorded not found from " + Path.of("").toAbsolutePath()
                + " upwards (set -Dpy4jcodec.recorded=/path/to/checkout/spec/recorded)");
    }

    /** A file under the folder, e.g. {@code transcripts/gateway-memory.json}; fails when it does not exist. */
    public static Path path(String relative) {
        Path p = root().resolve(relative);
        if (!Files.exists(p)) {
            throw new IllegalStateException("recorded file missing: " + p);
        }
        return p;
    }

    /** A JSON file under the folder, parsed, e.g. {@code vectors/java_encode.json}. */
    public static JsonNode json(String relative) {
        try {
            return JSON.readTree(path(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
