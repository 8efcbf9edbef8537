package io.py4jcodec.api.model;

import java.util.List;
import java.util.Objects;

/**
 * {@code f<id>;<iface>;<iface>...}: a Python object passed to Java as a proxy implementing Java
 * interfaces. Python writes it (a fresh {@code p<n>} id each time it sends an object); Java never
 * does: a proxy going back to Python is a {@code r} reference.
 *
 * <p>Wire: {@code fp0;java.lang.Runnable;java.util.concurrent.Callable}. Neither the id nor the
 * interface names are escaped; an id or name holding {@code ;} or a line break cannot be written.
 *
 * @param id         the proxy id in Python's pool ({@code p0}, {@code p1}, ...)
 * @param interfaces fully qualified Java interface names, in order (Java requires at least one)
 */
public record PythonProxyValue(String id, List<String> interfaces) implements Value {
    public PythonProxyValue {
        Objects.requireNonNull(id, "id");
        interfaces = List.copyOf(interfaces);
    }

    @Override
    public char prefix() {
        return 'f';
    }
}
