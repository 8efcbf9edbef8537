package io.py4jcodec.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM (no parent, so nothing keeps it in step by itself) names every module, at the reactor's version. */
class BomTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void bomListsEveryModuleAtTheReactorVersion() throws IOException {
        String root = Files.readString(ROOT.resolve("pom.xml"));
        String bom = Files.readString(ROOT.resolve("bom/pom.xml"));
        TreeSet<String> modules = new TreeSet<>();
        for (String dir : all(root, "<module>([^<]+)</module>")) {
            if (!dir.equals("bom")) {
                modules.add(first(Files.readString(ROOT.resolve(dir).resolve("pom.xml")), "</parent>\\s*<artifactId>([^<]+)</artifactId>"));
            }
        }
        assertEquals(modules, new TreeSet<>(all(bom, "<artifactId>(?!py4j-codec-bom)([^<]+)</artifactId>")));
        assertEquals(first(root, "<artifactId>py4j-codec-parent</artifactId>\\s*<version>([^<]+)</version>"),
                first(bom, "<artifactId>py4j-codec-bom</artifactId>\\s*<version>([^<]+)</version>"));
    }

    private static List<String> all(String xml, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(xml);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String first(String xml, String regex) {
        Matcher m = Pattern.compile(regex).matcher(xml);
        if (!m.find()) {
            throw new AssertionError("no " + regex);
        }
        return m.group(1);
    }
}
