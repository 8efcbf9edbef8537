package io.py4jcodec.proxy;

import io.py4jcodec.bench.gateway.GatewayBench;

/**
 * The proxy's overhead benchmark (run by hand, not a test): codec-bench's gateway benchmark with py4j's
 * GatewayServer directly and behind the proxy ({@link ProxiedPy4jGateway}: decoding, checking and
 * formatting every frame), alternating run by run: the real Python client's calls/s on one connection
 * (its inverse is the round trip, so the difference is the added latency per round trip) and the Java
 * load client's calls/s with p50/p99 latency per call. Arguments are passed on to {@link GatewayBench}.
 *
 * <pre>
 * java -Xms256m -Xmx256m -cp "$(cat cp.txt):codec-proxy/target/classes:codec-proxy/target/test-classes" \
 *      io.py4jcodec.proxy.ProxyBench --java-calls 200000 --connections 8 --runs 2 --out docs/results/proxy-overhead.md
 * </pre>
 */
public final class ProxyBench {
    private ProxyBench() {
    }

    public static void main(String[] args) {
        String[] all = new String[args.length + 2];
        all[0] = "--gateway";
        all[1] = "py4j," + ProxiedPy4jGateway.class.getName();
        System.arraycopy(args, 0, all, 2, args.length);
        GatewayBench.main(all);
    }
}
