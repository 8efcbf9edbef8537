package io.py4jcodec.bench;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.py4jcodec.api.MessageDecoder;
import io.py4jcodec.api.model.Message;
import io.py4jcodec.binary.BinaryCodec;
import io.py4jcodec.binary.MessagesEncoder;
import io.py4jcodec.proto.Frame;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * protobuf-java at its cheapest, on the same bytes as codec-binary: decoding is the generated
 * parser alone ({@code Frame.parseFrom} per length-delimited frame, into generated messages, no
 * model); encoding serialises messages built beforehand ({@code writeTo} of prebuilt frames).
 * What a protobuf user pays on top (building messages from their own objects, mapping parsed
 * messages back) is in {@code pb-generated}.
 */
public final class ProtobufParseContender extends Contender {
    private final Frame[] frames;
    private final byte[] wire;
    private final byte[] out;
    private final Frame[] decoded;

    public ProtobufParseContender(Workload w) {
        frames = new Frame[w.messages().size()];
        int size = 0;
        for (int i = 0; i < frames.length; i++) {
            frames[i] = MessagesEncoder.toFrame(w.messages().get(i));
            size += CodedOutputStream.computeUInt32SizeNoTag(frames[i].getSerializedSize()) + frames[i].getSerializedSize();
        }
        out = new byte[size];
        decoded = new Frame[frames.length];
        encode();
        wire = out.clone();
    }

    @Override
    public String name() {
        return "pb-parse";
    }

    @Override
    public byte[] wire() {
        return out.clone();
    }

    @Override
    public byte[] decodeInput() {
        return wire;
    }

    @Override
    public int encode() {
        try {
            CodedOutputStream o = CodedOutputStream.newInstance(out);
            for (Frame f : frames) {
                o.writeUInt32NoTag(f.getSerializedSize());
                f.writeTo(o);
            }
            return o.getTotalBytesWritten();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object[] decode() {
        return decode(wire);
    }

    Object[] decode(byte[] bytes) {
        try {
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            for (int i = 0; i < decoded.length; i++) {
                int limit = in.pushLimit(in.readRawVarint32());
                decoded[i] = Frame.parseFrom(in);
                in.popLimit(limit);
            }
            return decoded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object[] roundTrip() {
        encode();
        return decode(out);
    }

    /** The parsed messages, mapped to the model by codec-binary's own reader (not timed). */
    @Override
    public List<Message> decodedModel() {
        MessageDecoder dec = BinaryCodec.builder(io.py4jcodec.api.Side.JAVA)
                .decoder(BinaryCodec.Implementation.MESSAGES).build().newDecoder();
        List<Message> model = new ArrayList<>();
        for (Frame f : decoded) {
            byte[] body = f.toByteArray();
            byte[] frame = new byte[CodedOutputStream.computeUInt32SizeNoTag(body.length) + body.length];
            try {
                CodedOutputStream o = CodedOutputStream.newInstance(frame);
                o.writeUInt32NoTag(body.length);
                o.writeRawBytes(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (dec.decode(frame, 0, frame.length) != frame.length) {
                throw new IllegalStateException("frame not read whole");
            }
            model.add(dec.message());
        }
        return model;
    }
}
