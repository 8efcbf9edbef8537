package io.py4jcodec.bench;

import io.py4jcodec.api.Codec;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.MessageEncoder;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.binary.BinaryCodec;
import io.py4jcodec.text.TextCodec;
import java.util.ArrayList;
import java.util.List;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * A codec of this project used as a server would: one encoder writing every message into one
 * reused buffer; one decoder reading frames in place from the received bytes into the model.
 * For codec-text, encoding writes what the workload's writer writes (Python for commands, Java for
 * answers) and decoding reads as its reader reads; the binary codec has one encoding for both.
 */
public final class CodecContender extends Contender {
    private final String name;
    private final Message[] messages;
    private final byte[] input;
    private final UnsafeBuffer in;
    private final MessageEncoder encoder;
    private final MessageDecoder decoder;
    private final ExpandableArrayBuffer out;
    private final UnsafeBuffer outView = new UnsafeBuffer(new byte[0]);
    private final Object[] decoded;

    /** codec-text. */
    static CodecContender text(Workload w) {
        return new CodecContender("text", w, TextCodec.of(w.direction().writer()), TextCodec.of(w.direction().reader()), w.text());
    }

    /** codec-binary with one implementation each way. */
    static CodecContender binary(String name, BinaryCodec.Implementation impl, Workload w) {
        BinaryCodec writer = BinaryCodec.builder(w.direction().writer()).encoder(impl).decoder(impl).build();
        BinaryCodec reader = BinaryCodec.builder(w.direction().reader()).encoder(impl).decoder(impl).build();
        return new CodecContender(name, w, writer, reader, null);
    }

    private CodecContender(String name, Workload w, Codec writer, Codec reader, byte[] input) {
        this.name = name;
        this.messages = w.messages().toArray(new Message[0]);
        this.encoder = writer.newEncoder();
        this.decoder = reader.newDecoder();
        this.out = new ExpandableArrayBuffer(Math.max(64, w.text().length * 2));
        this.decoded = new Object[messages.length];
        this.input = input != null ? input : wire();
        this.in = new UnsafeBuffer(this.input);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public byte[] wire() {
        int n = encode();
        byte[] b = new byte[n];
        out.getBytes(0, b);
        return b;
    }

    @Override
    public byte[] decodeInput() {
        return input;
    }

    @Override
    public int encode() {
        int p = 0;
        for (Message m : messages) {
            p += encoder.encode(m, out, p);
        }
        return p;
    }

    @Override
    public Object[] decode() {
        return decode(in, input.length);
    }

    private Object[] decode(UnsafeBuffer buf, int length) {
        decoder.reset();
        int off = 0;
        for (int i = 0; i < decoded.length; i++) {
            int n = decoder.decode(buf, off, length - off);
            if (n == MessageDecoder.NEED_MORE) {
                throw new IllegalStateException("truncated at " + off);
            }
            decoded[i] = decoder.message();
            off += n;
        }
        return decoded;
    }

    @Override
    public Object[] roundTrip() {
        int n = encode();
        outView.wrap(out.byteArray(), 0, n);
        return decode(outView, n);
    }

    @Override
    public List<Message> decodedModel() {
        List<Message> out = new ArrayList<>();
        for (Object o : decoded) {
            out.add((Message) o);
        }
        return out;
    }
}
