package io.backupdesk.app.instance;

import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The bytes of a hand-over from a second launch to the running instance. A request is its length, then the token and
 * the arguments, each string as its length and its UTF-8 bytes; the answer is one byte. Lengths are checked before
 * anything is allocated, because anyone on the machine may connect to a loopback port.
 */
final class HandOverWire {
    static final byte DELIVERED = 1;
    static final byte REFUSED = 2;
    /** Far above any real command line. */
    static final int MAX_REQUEST_BYTES = 256 * 1024;

    /** What a second launch sends: the token from the endpoint file, and its arguments. */
    record Request(String token, List<String> arguments) {
        Request {
            arguments = List.copyOf(arguments);
        }
    }

    private HandOverWire() { }

    static void send(TimedChannel channel, Request request) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        parts.add(request.token().getBytes(StandardCharsets.UTF_8));
        request.arguments().forEach(a -> parts.add(a.getBytes(StandardCharsets.UTF_8)));
        int length = Integer.BYTES + parts.stream().mapToInt(p -> Integer.BYTES + p.length).sum();
        if (length > MAX_REQUEST_BYTES) {
            throw new ProtocolException("the arguments are too long to hand over (" + length + " bytes)");
        }
        ByteBuffer buffer = ByteBuffer.allocate(Integer.BYTES + length);
        buffer.putInt(length).putInt(parts.size() - 1);
        for (byte[] part : parts) {
            buffer.putInt(part.length).put(part);
        }
        channel.write(buffer.flip());
    }

    static Request receive(TimedChannel channel) throws IOException {
        int length = channel.read(Integer.BYTES).getInt();
        if (length < Integer.BYTES || length > MAX_REQUEST_BYTES) {
            throw new ProtocolException("a hand-over of " + length + " bytes");
        }
        ByteBuffer body = channel.read(length);
        int count = body.getInt();
        if (count < 0 || count > length / Integer.BYTES) {
            throw new ProtocolException("a hand-over of " + count + " arguments");
        }
        String token = string(body);
        List<String> arguments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            arguments.add(string(body));
        }
        return new Request(token, arguments);
    }

    static void answer(TimedChannel channel, byte answer) throws IOException {
        channel.write(ByteBuffer.wrap(new byte[] {answer}));
    }

    static byte answerOf(TimedChannel channel) throws IOException {
        return channel.read(1).get();
    }

    private static String string(ByteBuffer body) throws ProtocolException {
        int size = body.remaining() >= Integer.BYTES ? body.getInt() : -1;
        if (size < 0 || size > body.remaining()) {
            throw new ProtocolException("a malformed hand-over");
        }
        byte[] bytes = new byte[size];
        body.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
