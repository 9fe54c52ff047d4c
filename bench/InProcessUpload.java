import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.offsite.DestinationCredentials;
import io.backupdesk.offsite.RemoteStore;
import io.backupdesk.offsite.S3Store;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One upload by S3Store, as a copy after a backup makes it: default part size and parallelism, confirmed by the server
 * in the given checksum mode. Credentials and region come from the AWS environment variables, through the SDK's
 * default chain, as for a destination that stores none. Used by bench/offsite.sh, which times the whole process and
 * reads its peak memory.
 *
 *   java -cp target/backupdesk.jar:CLASSES InProcessUpload ENDPOINT BUCKET FILE KEY SHA256 SHA256|MD5
 *
 * Prints "upload S s" on stdout: the upload alone, without the JVM's start.
 */
public final class InProcessUpload {
    public static void main(String[] args) {
        if (args.length != 6) {
            System.err.println("usage: ENDPOINT BUCKET FILE KEY SHA256 SHA256|MD5");
            System.exit(2);
        }
        Destination destination = new Destination("bench", "s3://" + args[1], args[0], null, true,
                Destination.S3Checksums.valueOf(args[5]), null, null, null, false, Instant.now());
        long start = System.nanoTime();
        try (S3Store store = new S3Store(destination, DestinationCredentials.NONE)) {
            RemoteStore.Confirmed confirmed = store.upload(Path.of(args[2]), args[3], args[4], sent -> { },
                    new Cancellation());
            System.err.println("confirmed: " + confirmed.how());
        }
        System.out.printf("upload %.3f s%n", (System.nanoTime() - start) / 1e9);
    }
}
