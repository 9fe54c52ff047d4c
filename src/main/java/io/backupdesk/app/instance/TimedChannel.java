package io.backupdesk.app.instance;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;

/**
 * A socket channel whose connect, reads and writes all give up at one deadline. Channels have no read timeout of
 * their own, and without one a first instance that hangs would hang the second launch, and a peer that connects and
 * says nothing would stop the first instance from answering anyone else.
 */
final class TimedChannel implements AutoCloseable {
    private final SocketChannel channel;
    private final Selector selector;
    private final long deadline;

    private TimedChannel(SocketChannel channel, Duration timeout) throws IOException {
        this.channel = channel;
        this.deadline = System.nanoTime() + timeout.toNanos();
        channel.configureBlocking(false);
        this.selector = Selector.open();
    }

    /** Connects to a Unix domain socket or a TCP port. */
    static TimedChannel connect(SocketAddress address, Duration timeout) throws IOException {
        SocketChannel channel = address instanceof UnixDomainSocketAddress
                ? SocketChannel.open(StandardProtocolFamily.UNIX) : SocketChannel.open();
        TimedChannel timed = null;
        try {
            timed = new TimedChannel(channel, timeout);
            if (!channel.connect(address)) {
                timed.await(SelectionKey.OP_CONNECT);
                while (!channel.finishConnect()) {
                    timed.await(SelectionKey.OP_CONNECT);
                }
            }
            return timed;
        } catch (IOException | RuntimeException e) {
            if (timed != null) {
                timed.close();
            } else {
                channel.close();
            }
            throw e;
        }
    }

    /** Wraps a channel a server socket accepted. */
    static TimedChannel accepted(SocketChannel channel, Duration timeout) throws IOException {
        try {
            return new TimedChannel(channel, timeout);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Reads exactly {@code length} bytes. */
    ByteBuffer read(int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer);
            if (read < 0) {
                throw new EOFException("the other side closed the connection");
            }
            if (read == 0) {
                await(SelectionKey.OP_READ);
            }
        }
        return buffer.flip();
    }

    void write(ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                await(SelectionKey.OP_WRITE);
            }
        }
    }

    private void await(int operation) throws IOException {
        long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
        if (left <= 0) {
            throw new SocketTimeoutException("no answer in time");
        }
        SelectionKey key = channel.keyFor(selector);
        if (key == null) {
            channel.register(selector, operation);
        } else {
            key.interestOps(operation);
        }
        selector.select(left);
        selector.selectedKeys().clear();
    }

    @Override
    public void close() throws IOException {
        try {
            selector.close();
        } finally {
            channel.close();
        }
    }
}
