package io.py4jcodec.fuzz.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The reproducers FINDINGS.md cites, committed in {@code src/test/resources/findings/}. */
final class CommittedReproducers {
    private CommittedReproducers() {
    }

    /** The {@code .repro} files whose name starts with {@code prefix} and whose role is {@code role}, sorted. */
    static Stream<Path> of(String role, String prefix) throws IOException, URISyntaxException {
        Path dir = Path.of(CommittedReproducers.class.getResource("/findings").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".repro"))
                    .sorted().toList();
        }
        return files.stream().filter(p -> {
            try {
                return Reproducer.read(p).role().equals(role);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
