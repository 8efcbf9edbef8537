package io.py4jcodec.api.model;

/**
 * One frame of the protocol: a {@link Command} (a request, through its {@code e} line) or a
 * {@link ReturnMessage} (one answer line starting with {@code !}).
 */
public sealed interface Message permits Command, ReturnMessage {
}
