package io.py4jcodec.spec;

import io.py4jcodec.spec.conform.StdioServer;

/** Our text codec behind the stdio contract, run as a subprocess by {@link ConformanceTest}: the contract exercised for real. */
public final class TextCodecStdioMain {
    private TextCodecStdioMain() {
    }

    public static void main(String[] args) throws Exception {
        StdioServer.serve(TextCodecs.implementation(), System.in, System.out);
    }
}
