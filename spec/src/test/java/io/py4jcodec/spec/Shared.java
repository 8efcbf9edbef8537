package io.py4jcodec.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The facts in {@code ../shared}: vectors and transcripts recorded from the real peers. */
final class Shared {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Shared() {
    }

    static Path root() {
        String prop = System.getProperty("py4jcodec.shared");
        Path p = prop != null ? Paths.get(prop) : Paths.get("..", "..", "shared");
        if (!Files.isDirectory(p.resolve("vectors"))) {
            p = Paths.get("..", "shared");
        }
        if (!Files.isDirectory(p.resolve("vectors"))) {
            throw new IllegalStateException("shared folder not found at " + p.toAbsolutePath() + " (set -Dpy4jcodec.shared=...)");
        }
        return p.normalize();
    }

    static JsonNode json(String relative) {
        try {
            return JSON.readTree(root().resolve(relative).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
