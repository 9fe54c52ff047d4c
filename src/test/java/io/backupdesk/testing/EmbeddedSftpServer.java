package io.backupdesk.testing;

import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpFileSystemAccessor;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemProxy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.Channel;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.security.KeyPair;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SFTP server in the test's own JVM (Apache MINA SSHD with its SFTP subsystem) for the failures the real OpenSSH
 * server cannot be made to show on cue: the connection dropped in the middle of a file, a disk that fills up, and a
 * password login (OpenSSH checks passwords against the system's accounts). Serves a folder as "/", one user with a
 * password, on a free loopback port, with an EC host key of its own.
 */
public final class EmbeddedSftpServer implements AutoCloseable {
    private final SshServer server;
    private final Path root;
    private final KeyPair hostKey;
    private final AtomicLong written = new AtomicLong();
    private volatile long dropAt = -1;
    private volatile long fullAt = -1;
    private volatile long hookAt = -1;
    private volatile Runnable hook;

    private EmbeddedSftpServer(SshServer server, Path root, KeyPair hostKey) {
        this.server = server;
        this.root = root;
        this.hostKey = hostKey;
    }

    /** Serves {@code dir}/root as "/" to {@code user} with {@code password}. */
    public static EmbeddedSftpServer start(Path dir, String user, String password) throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        SimpleGeneratorHostKeyProvider keys = new SimpleGeneratorHostKeyProvider(dir.resolve("host-key"));
        keys.setAlgorithm(KeyUtils.EC_ALGORITHM);
        KeyPair hostKey = keys.loadKeys(null).iterator().next();
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(keys);
        server.setPasswordAuthenticator((name, given, session) -> user.equals(name) && password.equals(given));
        server.setFileSystemFactory(new VirtualFileSystemFactory(root));
        EmbeddedSftpServer embedded = new EmbeddedSftpServer(server, root, hostKey);
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory.Builder()
                .withFileSystemAccessor(embedded.new FaultyAccessor()).build()));
        server.start();
        return embedded;
    }

    public int port() {
        return server.getPort();
    }

    /** The folder served as "/". */
    public Path root() {
        return root;
    }

    /** {@code sftp://USER@127.0.0.1:PORT/PATH}, the path below the served folder. */
    public String url(String user, String path) {
        return "sftp://" + user + "@127.0.0.1:" + port() + path;
    }

    /** The line that accepts this server's host key. */
    public String knownHostsLine() {
        return "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey.getPublic());
    }

    /** Bytes clients wrote into files since the start or the last {@link #clearFaults()}. */
    public long bytesWritten() {
        return written.get();
    }

    /** The next writes drop the client's connection once {@code bytes} more have reached the file. */
    public void dropConnectionAfter(long bytes) {
        dropAt = written.get() + bytes;
    }

    /** The next writes fail as on a full disk (SSH_FX_NO_SPACE_ON_FILESYSTEM) once {@code bytes} more were written. */
    public void fillUpAfter(long bytes) {
        fullAt = written.get() + bytes;
    }

    /** Runs {@code action} once, on the server's thread, when {@code bytes} more have reached files. */
    public void whenWritten(long bytes, Runnable action) {
        hook = action;
        hookAt = written.get() + bytes;
    }

    /** No more faults; the byte count starts again from 0. */
    public void clearFaults() {
        dropAt = -1;
        fullAt = -1;
        hookAt = -1;
        hook = null;
        written.set(0);
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }

    /** Opens files through {@link FaultyChannel}, which counts what is written and fails on cue. */
    private final class FaultyAccessor implements SftpFileSystemAccessor {
        @Override
        public SeekableByteChannel openFile(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file,
                                            String handle, Set<? extends OpenOption> options,
                                            FileAttribute<?>... attrs) throws IOException {
            FileChannel channel = FileChannel.open(file, options, attrs);
            return options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND)
                    ? new FaultyChannel(channel, subsystem.getServerSession()) : channel;
        }

        @Override
        public void syncFileData(SftpSubsystemProxy subsystem, FileHandle fileHandle, Path file, String handle,
                                 Channel channel) throws IOException {
            ((FileChannel) channel).force(true);
        }
    }

    private final class FaultyChannel extends FileChannel {
        private final FileChannel file;
        private final ServerSession session;

        FaultyChannel(FileChannel file, ServerSession session) {
            this.file = file;
            this.session = session;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return write(src, -1);
        }

        @Override
        public int write(ByteBuffer src, long position) throws IOException {
            if (!session.isOpen()) {
                // requests of a dropped session still queued: they must not write after the test cleared the faults
                throw new IOException("the session was dropped");
            }
            long before = written.get();
            long drop = dropAt;
            long full = fullAt;
            long limit = Math.min(drop < 0 ? Long.MAX_VALUE : drop, full < 0 ? Long.MAX_VALUE : full);
            if (before + src.remaining() <= limit) {
                return count(src, position);
            }
            ByteBuffer allowed = src.slice().limit((int) Math.max(0, limit - before));
            count(allowed, position);
            if (limit == full) {
                throw new SftpException(SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM, "No space left on device");
            }
            session.close(true);
            throw new IOException("the test dropped the connection");
        }

        private int count(ByteBuffer src, long position) throws IOException {
            int n = position < 0 ? file.write(src) : file.write(src, position);
            long total = written.addAndGet(n);
            Runnable action = hook;
            if (action != null && hookAt >= 0 && total >= hookAt) {
                hook = null;
                action.run();
            }
            return n;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return file.read(dsts, offset, length);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            long total = 0;
            for (int i = offset; i < offset + length; i++) {
                total += write(srcs[i]);
            }
            return total;
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            file.force(metaData);
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return file.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
            throw new IOException("not used by the SFTP server");
        }

        @Override
        public int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            return file.map(mode, position, size);
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return file.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
