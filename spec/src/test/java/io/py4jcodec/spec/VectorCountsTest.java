package io.py4jcodec.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The vector counts PROTOCOL.md states are the counts of the checked-in files. */
class VectorCountsTest {
    @Test
    void protocolMdStatesTheCountsOfTheCheckedInVectors() throws IOException {
        Path spec = Path.of("").toAbsolutePath();
        if (!Files.isDirectory(spec.resolve("vectors"))) {
            spec = spec.resolve("spec");
        }
        Map<String, Integer> files = new TreeMap<>();
        Map<String, Integer> kinds = new TreeMap<>();
        for (File kindDir : spec.resolve("vectors").toFile().listFiles(File::isDirectory)) {
            for (File f : kindDir.listFiles((d, n) -> n.endsWith(".json"))) {
                JsonNode root = new ObjectMapper().readTree(f);
                int n = root.get("cases").size();
                files.put(kindDir.getName() + "/" + f.getName().replace(".json", ""), n);
                kinds.merge(kindDir.getName(), n, Integer::sum);
            }
        }
        String md = Files.readString(spec.resolve("PROTOCOL.md"));
        int at = md.indexOf("Counts in this release:");
        assertTrue(at >= 0, "PROTOCOL.md states the counts");
        String counts = md.substring(at, md.indexOf("\n\n", at)).replace('\n', ' ');
        // "valid 1139 (values-java 118, ...); invalid 79 (...); implementation-defined 71 (...); live 24."
        Matcher kind = Pattern.compile("(valid|invalid|implementation-defined|live) (\\d+)(?: \\(([^)]*)\\))?").matcher(counts);
        Map<String, Integer> stated = new TreeMap<>();
        Map<String, Integer> statedKinds = new TreeMap<>();
        while (kind.find()) {
            statedKinds.put(kind.group(1), Integer.parseInt(kind.group(2)));
            if (kind.group(3) == null) {
                stated.put(kind.group(1) + "/" + files.keySet().stream().filter(k -> k.startsWith(kind.group(1) + "/"))
                        .findFirst().orElse("?").split("/")[1], Integer.parseInt(kind.group(2)));
                continue;
            }
            for (String part : kind.group(3).split(",")) {
                String[] nv = part.trim().split(" ");
                stated.put(kind.group(1) + "/" + nv[0], Integer.parseInt(nv[1]));
            }
        }
        assertEquals(kinds, statedKinds, "per kind, in PROTOCOL.md §14");
        assertEquals(files, stated, "per category, in PROTOCOL.md §14");
    }
}
