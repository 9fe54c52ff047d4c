package io.backupdesk.backup;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** SHA-256 of files and of directory-format archives. */
public final class Sha256 {
    private static final int BUFFER = 1 << 20;

    private Sha256() { }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static String ofFile(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest);
    }

    /** SHA-256 of every file in the folder, by file name, sorted. */
    public static Map<String, String> ofFolderFiles(Path folder) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(file)) {
                    hashes.put(file.getFileName().toString(), ofFile(file));
                }
            }
        }
        return hashes;
    }

    /** One digest over the per-file hashes, in sha256sum's "hash  name" line format, so a folder has one checksum. */
    public static String ofManifest(Map<String, String> fileHashes) {
        MessageDigest digest = newDigest();
        new TreeMap<>(fileHashes).forEach((name, hash) ->
                digest.update((hash + "  " + name + "\n").getBytes(StandardCharsets.UTF_8)));
        return hex(digest);
    }
}
