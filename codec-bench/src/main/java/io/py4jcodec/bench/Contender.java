package io.py4jcodec.bench;

import io.py4jcodec.api.model.Message;
import java.util.List;

/**
 * One implementation under test, set up for one workload. Inputs are prepared once, in the form
 * the implementation naturally starts from (the model for our codecs, Java objects for py4j);
 * the timed operations then encode or decode the whole workload.
 *
 * <p>{@link #decode()} keeps every decoded message in a reused array, so the decoding cannot be
 * optimised away and {@link #decodedModel()} can check, outside the timing, that the contender
 * really read everything: the consistency test compares that to the workload's model.
 */
public abstract class Contender {

    /** The contender's id in JMH parameters and in the report. */
    public abstract String name();

    /** Bytes this contender writes for the workload (what {@link #encode()} produces). */
    public abstract byte[] wire();

    /** Bytes this contender decodes in {@link #decode()}: what the real writing peer sends, in its encoding. */
    public abstract byte[] decodeInput();

    /** Encodes every message of the workload; returns the number of bytes written. */
    public abstract int encode();

    /** Decodes {@link #decodeInput()}; returns the array of decoded results (reused). */
    public abstract Object[] decode();

    /** Encodes every message, then decodes what was just written. */
    public abstract Object[] roundTrip();

    /** The last {@link #decode()} result converted to the model (not timed; for the consistency test). */
    public abstract List<Message> decodedModel();
}
