package io.py4jcodec.text.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Access to the facts in {@code ../shared}: vectors and transcripts recorded from the real peers. */
public final class Shared {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Shared() {
    }

    /** The shared folder: system property {@code py4jcodec.shared} (set by the build), else {@code ../../shared}. */
    public static Path root() {
        String prop = System.getProperty("py4jcodec.shared");
        Path p = prop != null ? Paths.get(prop) : Paths.get("..", "..", "shared");
        if (!Files.isDirectory(p)) {
            p = Paths.get("..", "shared");
        }
        if (!Files.isDirectory(p.resolve("vectors"))) {
            throw new IllegalStateException("shared folder not found at " + p.toAbsolutePath()
                    + " (set -Dpy4jcodec.shared=...)");
        }
        return p.normalize();
    }

    /** A JSON file under the shared folder, e.g. {@code vectors/java_encode.json}. */
    public static JsonNode json(String relative) {
        try {
            return JSON.readTree(root().resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
