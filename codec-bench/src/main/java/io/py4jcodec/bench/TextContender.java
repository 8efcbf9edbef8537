package io.py4jcodec.bench;

import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.text.TextCodec;
import io.py4jcodec.text.TextDecoder;
import io.py4jcodec.text.TextEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * codec-text, used as a server would: one encoder writing into one reused buffer; one decoder
 * reading frames in place from the received bytes. Encoding writes what the workload's writer
 * writes (Python for commands, Java for answers); decoding reads as its reader reads.
 */
public final class TextContender extends Contender {
    private final Message[] messages;
    private final byte[] text;
    private final UnsafeBuffer in;
    private final TextEncoder encoder;
    private final TextDecoder decoder;
    private final ExpandableArrayBuffer out;
    private final UnsafeBuffer outView = new UnsafeBuffer(new byte[0]);
    private final Object[] decoded;

    public TextContender(Workload w) {
        this.messages = w.messages().toArray(new Message[0]);
        this.text = w.text();
        this.in = new UnsafeBuffer(text);
        this.encoder = TextCodec.of(w.direction().writer()).newEncoder();
        this.decoder = TextCodec.of(w.direction().reader()).newDecoder();
        this.out = new ExpandableArrayBuffer(Math.max(64, text.length * 2));
        this.decoded = new Object[messages.length];
    }

    @Override
    public String name() {
        return "text";
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
        return text;
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
        return decode(in, text.length);
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
        for (Object o : Arrays.asList(decoded)) {
            out.add((Message) o);
        }
        return out;
    }
}
