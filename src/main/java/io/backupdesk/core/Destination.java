package io.backupdesk.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A place off the desk that backups are copied to: an S3-compatible bucket, an SFTP server, or a second folder (a
 * NAS mount, another disk). Holds no secret: access keys and passwords live in an owner-only file of their own.
 *
 * @param url               {@code s3://BUCKET[/PREFIX]}, {@code sftp://USER@HOST[:PORT]/PATH} or {@code file:///PATH}
 * @param endpoint          S3 only: the server's address for stores other than AWS (MinIO, Ceph, R2…); null for AWS
 * @param region            S3 only: the signing region; null for the SDK's default chain, else us-east-1
 * @param pathStyle         S3 only: address the bucket in the path, as most self-hosted stores want
 * @param s3Checksums       S3 only: how uploads are confirmed; {@link S3Checksums#SHA256} unless a store rejects it
 * @param identityFile      SFTP only: the private key to log in with; null for a password
 * @param knownHosts        SFTP only: the known_hosts file the server's host key is checked against; null for the
 *                          destination's own file, filled when the user accepts a fingerprint
 * @param retention         how many copies the destination keeps; {@link RetentionPolicy#none()} keeps all
 * @param requireEncryption only encrypted backups are copied here
 */
public record Destination(String name, String url, String endpoint, String region, boolean pathStyle,
                          S3Checksums s3Checksums, String identityFile, String knownHosts, RetentionPolicy retention,
                          boolean requireEncryption, Instant createdAt) {
    /** Destination names appear in file names and on the command line. */
    private static final Pattern VALID_NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");

    public enum Kind { S3, SFTP, FOLDER }

    /**
     * How an S3 upload is confirmed by the server. {@code SHA256}: each part carries {@code x-amz-checksum-sha256},
     * which the server checks and returns. {@code MD5}: for stores that reject the newer checksum headers, each part
     * carries {@code Content-MD5} and the part's ETag (the server's MD5 of what it received) is compared.
     */
    public enum S3Checksums { SHA256, MD5 }

    public Destination {
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw BackupDeskException.configuration("'" + name + "' is not a valid destination name.",
                    "Use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit.");
        }
        kindOf(url);
        if (s3Checksums == null) {
            s3Checksums = S3Checksums.SHA256;
        }
        if (retention == null) {
            retention = RetentionPolicy.none();
        }
    }

    public Kind kind() {
        return kindOf(url);
    }

    /** The URL, parsed; its form was checked when the destination was made. */
    public URI uri() {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public Destination withKnownHosts(String file) {
        return new Destination(name, url, endpoint, region, pathStyle, s3Checksums, identityFile, file, retention,
                requireEncryption, createdAt);
    }

    /** The kind a destination URL names, or a configuration error saying which forms are accepted. */
    public static Kind kindOf(String url) {
        String forms = "Use s3://BUCKET[/PREFIX], sftp://USER@HOST[:PORT]/PATH or file:///PATH.";
        if (url == null || url.isBlank()) {
            throw BackupDeskException.configuration("A destination needs a URL.", forms);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw BackupDeskException.configuration("'" + url + "' is not a URL: " + e.getReason() + ".", forms);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "s3" -> {
                if (uri.getHost() == null || uri.getHost().isBlank()) {
                    throw BackupDeskException.configuration("'" + url + "' names no bucket.", forms);
                }
                if (uri.getUserInfo() != null) {
                    throw BackupDeskException.configuration("Credentials do not go in the URL of '" + url + "'.",
                            "Give them with --credentials-stdin or the AWS environment variables.");
                }
                return Kind.S3;
            }
            case "sftp" -> {
                if (uri.getHost() == null || uri.getUserInfo() == null || uri.getUserInfo().isBlank()
                        || uri.getUserInfo().contains(":")) {
                    throw BackupDeskException.configuration("'" + url + "' needs a user and a host and no password.",
                            "Use sftp://USER@HOST[:PORT]/PATH; give a password with --password-stdin.");
                }
                if (uri.getPath() == null || uri.getPath().isEmpty()) {
                    throw BackupDeskException.configuration("'" + url + "' names no folder on the server.", forms);
                }
                return Kind.SFTP;
            }
            case "file" -> {
                if (uri.getPath() == null || !uri.getPath().startsWith("/") || uri.getAuthority() != null) {
                    throw BackupDeskException.configuration("'" + url + "' is not an absolute local folder.",
                            "Use file:///PATH, e.g. file:///mnt/nas/backups.");
                }
                return Kind.FOLDER;
            }
            default -> throw BackupDeskException.configuration("Destinations of kind '" + scheme + "' are not known.",
                    forms);
        }
    }
}
