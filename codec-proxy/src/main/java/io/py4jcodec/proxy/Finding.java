package io.py4jcodec.proxy;

import io.py4jcodec.api.Reason;

/**
 * One thing {@code --check} found: a frame a strict reader rejects, or that the receiving real peer
 * reads differently from what its writer meant (spec/PROTOCOL.md's invalid and implementation-defined
 * classes), at {@code offset}: the byte of that connection and direction where the problem is.
 *
 * @param conn      the connection id, {@code c1}...
 * @param direction which way the bytes went
 * @param offset    the byte offset within that direction's stream
 * @param reason    the strict reader's reason
 * @param framingLost true when the reader could not tell where the next frame starts: checking of
 *                  that direction stops there (the relay goes on)
 * @param detail    what was wrong, as the reader says it
 */
public record Finding(String conn, Direction direction, long offset, Reason reason, boolean framingLost, String detail) {
}
