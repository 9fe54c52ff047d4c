package io.backupdesk.offsite;

/**
 * The secrets of one destination, read from their owner-only file, never written anywhere else. Each field is null
 * where the destination does not use it. {@link #toString()} hides the values, so a log line never shows them.
 *
 * @param accessKeyId     S3: the access key id; null for the AWS environment variables and profile files
 * @param secretAccessKey S3: its secret
 * @param password        SFTP: the login password, or the passphrase of the identity file
 */
public record DestinationCredentials(String accessKeyId, String secretAccessKey, String password) {
    public static final DestinationCredentials NONE = new DestinationCredentials(null, null, null);

    @Override
    public String toString() {
        return "DestinationCredentials[accessKeyId=" + (accessKeyId == null ? "none" : "set")
                + ", secretAccessKey=" + (secretAccessKey == null ? "none" : "hidden")
                + ", password=" + (password == null ? "none" : "hidden") + "]";
    }
}
