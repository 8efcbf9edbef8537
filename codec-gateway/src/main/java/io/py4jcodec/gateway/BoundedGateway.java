package io.py4jcodec.gateway;

import io.py4jcodec.api.Limits;
import io.py4jcodec.text.format.DecimalText;
import java.math.BigDecimal;
import py4j.Gateway;
import py4j.Py4JException;
import py4j.Py4JPythonClient;
import py4j.ReturnObject;

/**
 * py4j's {@link Gateway}, refusing to write out a decimal whose plain text would not fit a line.
 *
 * <p>py4j turns a returned {@code BigDecimal} into its answer part with {@code toPlainString()}
 * inside {@code getReturnObject}, which {@code invoke} calls before our encoder sees the value. So a
 * Python client that passes {@code Decimal("1E+2000000000")} (a 15-byte line on the wire) to any method
 * that returns its argument makes py4j's own GatewayServer build two billion characters, or die of
 * {@code OutOfMemoryError} trying (FINDINGS 29). Here the length is found first
 * ({@link DecimalText#javaLength}) and a decimal past {@link Limits#maxLineBytes()} is a
 * {@link Py4JException}: the caller gets an error answer naming the setting, and the connection
 * stays in sync.
 */
final class BoundedGateway extends Gateway {
    private final long maxDecimalLength;
    private final int maxLineBytes;

    BoundedGateway(Object entryPoint, Py4JPythonClient client, Limits limits) {
        super(entryPoint, client);
        this.maxLineBytes = limits.maxLineBytes();
        this.maxDecimalLength = DecimalText.maxJavaLength(maxLineBytes);
    }

    @Override
    public ReturnObject getReturnObject(Object object) {
        if (object instanceof BigDecimal d) {
            long length = DecimalText.javaLength(d);
            if (length > maxDecimalLength) {
                throw new Py4JException("py4j-codec gateway: a decimal written plain, characters: " + length
                        + " (expected: <= " + maxDecimalLength + ", maxLineBytes " + maxLineBytes
                        + "); raise it with GatewayConfig.builder().limits(Limits.builder().maxLineBytes(...).build())");
            }
        }
        return super.getReturnObject(object);
    }
}
