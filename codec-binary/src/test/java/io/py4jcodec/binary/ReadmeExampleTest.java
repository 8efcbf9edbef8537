package io.py4jcodec.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.py4jcodec.api.Side;
import io.py4jcodec.api.model.CallCommand;
import io.py4jcodec.text.TextCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the binary section of the README true: the byte counts it quotes are what the codecs write. */
class ReadmeExampleTest {
    @Test
    void theQuotedSizesAreTheWrittenSizes() throws Exception {
        CallCommand call = new CallCommand("o12", "count", List.of());
        int binary = BinaryCodec.of(Side.PYTHON).newEncoder().encode(call).length;
        int text = TextCodec.of(Side.PYTHON).newEncoder().encode(call).length;
        String readme = Files.readString(Path.of("..", "README.md"));
        String quoted = "// " + binary + " bytes; text: " + text;
        assertEquals(true, readme.contains(quoted), "README quotes \"" + quoted + "\"");
    }
}
