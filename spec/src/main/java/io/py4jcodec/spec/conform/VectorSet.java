package io.py4jcodec.spec.conform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The conformance vectors: from a {@code vectors/} folder, or the copy built into this jar.
 * The folder holds {@code valid/}, {@code invalid/}, {@code implementation-defined/} and
 * {@code live/}, each with one JSON file per category; {@code index.json} lists them.
 */
public final class VectorSet {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCE_ROOT = "/io/py4jcodec/spec/vectors/";

    private VectorSet() {
    }

    /** The vectors built into the jar. */
    public static List<Vector> embedded() {
        JsonNode index = resource("index.json");
        List<Vector> out = new ArrayList<>();
        for (JsonNode f : index.path("files")) {
            String path = f.asText();
            add(out, path, resource(path));
        }
        return out;
    }

    /** The vectors under a folder laid out like {@code spec/vectors}. */
    public static List<Vector> load(Path dir) {
        List<Vector> out = new ArrayList<>();
        for (Vector.Kind k : Vector.Kind.values()) {
            Path sub = dir.resolve(k.folder());
            if (!Files.isDirectory(sub)) {
                continue;
            }
            try (Stream<Path> files = Files.list(sub)) {
                for (Path p : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                    add(out, k.folder() + "/" + p.getFileName(), JSON.readTree(p.toFile()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    private static void add(List<Vector> out, String path, JsonNode file) {
        String folder = path.substring(0, path.indexOf('/'));
        Vector.Kind kind = null;
        for (Vector.Kind k : Vector.Kind.values()) {
            if (k.folder().equals(folder)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("not a vector folder: " + path);
        }
        String category = file.path("category").asText();
        for (JsonNode c : file.path("cases")) {
            out.add(new Vector(kind, category, c));
        }
    }

    private static JsonNode resource(String path) {
        try (InputStream in = VectorSet.class.getResourceAsStream(RESOURCE_ROOT + path)) {
            if (in == null) {
                throw new IllegalStateException("vector resource missing: " + RESOURCE_ROOT + path);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
