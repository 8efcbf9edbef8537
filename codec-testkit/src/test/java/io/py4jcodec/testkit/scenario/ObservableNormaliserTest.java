package io.py4jcodec.testkit.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ObservableNormaliserTest {
    /** str(Py4JJavaError) as py4j 0.10.9.9's GatewayServer produced it on JDK 17 for throwWithCause. */
    private static final String PY4J_TRACE = "An error occurred while calling o12.throwWithCause.\n"
            + ": java.lang.RuntimeException: wrapped\n"
            + "\tat io.py4jcodec.testkit.scenario.ScenarioEntryPoint.throwWithCause(ScenarioEntryPoint.java:259)\n"
            + "\tat java.base/jdk.internal.reflect.NativeMethodAccessorImpl.invoke0(Native Method)\n"
            + "\tat java.base/java.lang.reflect.Method.invoke(Method.java:569)\n"
            + "\tat py4j.reflection.MethodInvoker.invoke(MethodInvoker.java:244)\n"
            + "\tat py4j.Gateway.invoke(Gateway.java:282)\n"
            + "\tat py4j.GatewayConnection.run(GatewayConnection.java:240)\n"
            + "\tat java.base/java.lang.Thread.run(Thread.java:840)\n"
            + "Caused by: java.io.IOException: checked failure\n"
            + "\tat io.py4jcodec.testkit.scenario.ScenarioEntryPoint.throwChecked(ScenarioEntryPoint.java:251)\n"
            + "\tat io.py4jcodec.testkit.scenario.ScenarioEntryPoint.throwWithCause(ScenarioEntryPoint.java:256)\n"
            + "\t... 11 more\n";

    @Test
    void keepsTheUsersFramesAndDropsTheGatewaysAndTheObjectId() {
        assertEquals("An error occurred while calling o#.throwWithCause.\n"
                + ": java.lang.RuntimeException: wrapped\n"
                + "\tat io.py4jcodec.testkit.scenario.ScenarioEntryPoint.throwWithCause(ScenarioEntryPoint.java:259)\n"
                + "Caused by: java.io.IOException: checked failure\n"
                + "\tat io.py4jcodec.testkit.scenario.ScenarioEntryPoint.throwChecked(ScenarioEntryPoint.java:251)\n"
                + "\tat io.py4jcodec.testkit.scenario.ScenarioEntryPoint.throwWithCause(ScenarioEntryPoint.java:256)\n"
                + "\t... more\n", ObservableNormaliser.normalise(PY4J_TRACE));
    }

    @Test
    void aGatewayReportingFewerInternalFramesNormalisesTheSame() {
        String fewer = PY4J_TRACE.replace("\tat py4j.Gateway.invoke(Gateway.java:282)\n", "")
                .replace("\tat py4j.GatewayConnection.run(GatewayConnection.java:240)\n",
                        "\tat io.netty.channel.nio.NioEventLoop.run(NioEventLoop.java:569)\n")
                .replace("... 11 more", "... 9 more").replace("o12", "o3");
        assertEquals(ObservableNormaliser.normalise(PY4J_TRACE), ObservableNormaliser.normalise(fewer));
    }

    @Test
    void identityHashesAndTheScriptsFolderGo() {
        assertEquals("java.lang.Object@# File \"py4j_scenarios.py\", line 171",
                ObservableNormaliser.normalise("java.lang.Object@52bdea06 File \"/tmp/py4j-scenarios97/py4j_scenarios.py\", line 171"));
    }

    @Test
    void valuesAreNotTouched() {
        for (String v : new String[] {"hello py", "o", "foo1", "a\tat b", "e@x", "1e+308", "[b, a]", "\\n literal"}) {
            assertEquals(v, ObservableNormaliser.normalise(v));
        }
    }
}
