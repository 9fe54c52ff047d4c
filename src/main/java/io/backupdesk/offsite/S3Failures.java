package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Destination;
import io.backupdesk.core.ErrorKind;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns what the AWS SDK throws into the failures a DBA acts on, each naming the destination (its URL and endpoint,
 * never a secret) and saying what to do. The server's own words go into the details, with any secret of the
 * destination blotted out in case a server ever echoes one.
 */
final class S3Failures {
    private static final Set<String> AUTHENTICATION = Set.of("InvalidAccessKeyId", "SignatureDoesNotMatch",
            "InvalidToken", "ExpiredToken", "TokenRefreshRequired", "InvalidSecurity", "InvalidClientTokenId",
            "MissingSecurityHeader");
    private static final Set<String> PERMISSION = Set.of("AccessDenied", "AllAccessDisabled", "AccountProblem",
            "InvalidObjectState", "Forbidden");
    private static final Set<String> WRONG_REGION = Set.of("PermanentRedirect", "AuthorizationHeaderMalformed",
            "IllegalLocationConstraintException", "InvalidRegion", "Redirect", "TemporaryRedirect");
    private static final Set<String> FULL = Set.of("EntityTooLarge", "QuotaExceeded", "XMinioStorageFull",
            "InsufficientStorage", "StorageFull", "XMinioAdminBucketQuotaExceeded", "ServiceQuotaExceeded");
    private static final Set<String> DAMAGED = Set.of("BadDigest", "InvalidDigest", "InvalidChecksum",
            "XAmzContentSHA256Mismatch");
    private static final Set<String> BUSY = Set.of("SlowDown", "ServiceUnavailable", "InternalError",
            "RequestTimeout", "RequestTimeTooSkewed", "OperationAborted");

    private final String where;
    private final Destination.S3Checksums checksums;
    private final List<String> secrets;

    S3Failures(String where, Destination.S3Checksums checksums, DestinationCredentials credentials) {
        this.where = where;
        this.checksums = checksums;
        List<String> hidden = new ArrayList<>();
        if (credentials.secretAccessKey() != null && !credentials.secretAccessKey().isEmpty()) {
            hidden.add(credentials.secretAccessKey());
        }
        if (credentials.accessKeyId() != null && !credentials.accessKeyId().isEmpty()) {
            hidden.add(credentials.accessKeyId());
        }
        this.secrets = List.copyOf(hidden);
    }

    Destination.S3Checksums checksums() {
        return checksums;
    }

    /**
     * The failure of {@code doing} ("Could not upload x.dump to", "Could not list") at this destination.
     *
     * @param doing the start of the sentence, completed with the destination and the reason
     */
    BackupDeskException map(String doing, Throwable e) {
        BackupDeskException ours = ours(e);
        if (ours != null) {
            return ours;
        }
        if (e instanceof AwsServiceException service) {
            return service(doing, service);
        }
        if (e instanceof SdkClientException || e instanceof IOException) {
            return client(doing, e);
        }
        return failure(ErrorKind.IO, doing, "an unexpected error: " + scrub(String.valueOf(e.getMessage())),
                "See the log for details, and try again.", e);
    }

    /** A failure of our own making, with this destination in the message. */
    BackupDeskException failure(ErrorKind kind, String doing, String reason, String hint, Throwable cause) {
        List<String> details = cause == null ? List.of() : details(cause);
        return new BackupDeskException(kind, doing + " " + where + ": " + reason + ".", hint, details, null);
    }

    private BackupDeskException service(String doing, AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "" : details.errorCode();
        int status = e.statusCode();
        if (FULL.contains(code) || status == 507 || status == 413) {
            return failure(ErrorKind.DISK_FULL, doing, "the destination has no room for it ("
                            + (code.isEmpty() ? String.valueOf(status) : code) + ")",
                    "Free space or raise the quota at the destination, or make the retention keep fewer copies.", e);
        }
        if (AUTHENTICATION.contains(code) || status == 401) {
            return failure(ErrorKind.AUTHENTICATION, doing, "the server did not accept the access key (" + code + ")",
                    "Check the destination's access key id and secret; they must belong to this server or account.", e);
        }
        if (code.equals("NoSuchBucket")) {
            return failure(ErrorKind.CONFIGURATION, doing, "the bucket does not exist",
                    "Check the bucket name in the URL, and the endpoint; create the bucket first if it is new.", e);
        }
        if (WRONG_REGION.contains(code) || status == 301) {
            return failure(ErrorKind.CONFIGURATION, doing, "the bucket is in another region than the one signed for ("
                            + code + ")", "Set the destination's region to the bucket's region.", e);
        }
        if (PERMISSION.contains(code) || status == 403) {
            return failure(ErrorKind.PERMISSION_DENIED, doing, "access was denied (" + (code.isEmpty() ? "403" : code)
                    + ")", "Check that the key may list, read, write and delete objects in this bucket and prefix.", e);
        }
        if (code.equals("NotImplemented") || status == 501) {
            return failure(ErrorKind.CONFIGURATION, doing, "the server does not support a request it was sent ("
                    + (code.isEmpty() ? "501" : code) + ")", checksums == Destination.S3Checksums.SHA256
                    ? "This store may not know SHA-256 checksums: set the destination's checksums to MD5."
                    : "Check that the endpoint is an S3-compatible store.", e);
        }
        if (DAMAGED.contains(code)) {
            return failure(ErrorKind.IO, doing, "the server received other bytes than were sent (" + code + ")",
                    "Try again; if it happens again, check the network path (a proxy that alters uploads).", e);
        }
        if (BUSY.contains(code) || status >= 500) {
            return failure(ErrorKind.CONNECTION, doing, "the server failed or is busy ("
                            + (code.isEmpty() ? String.valueOf(status) : code) + ")", "Try again later.", e);
        }
        if (status == 404) {
            return failure(ErrorKind.CONFIGURATION, doing, "it is not there (" + (code.isEmpty() ? "404" : code)
                    + ")", "Check the bucket and prefix of the destination.", e);
        }
        return failure(ErrorKind.IO, doing, "the server refused it (" + (code.isEmpty() ? String.valueOf(status) : code)
                + ")", "See the details; check the destination's settings.", e);
    }

    private BackupDeskException client(String doing, Throwable e) {
        String text = String.valueOf(e.getMessage());
        if (text.contains("Unable to load credentials")) {
            return failure(ErrorKind.AUTHENTICATION, doing, "no access key was given and none was found",
                    "Give the destination an access key id and secret, or set AWS_ACCESS_KEY_ID and "
                            + "AWS_SECRET_ACCESS_KEY, or an AWS profile.", e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return failure(ErrorKind.CONNECTION, doing, "the server's name could not be resolved",
                        "Check the endpoint (or the bucket name, with virtual-host addressing) and the network.", e);
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException) {
                return failure(ErrorKind.CONNECTION, doing, "the server did not answer in time",
                        "Check that the server is up and reachable, then try again.", e);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return failure(ErrorKind.CONNECTION, doing, "the server could not be reached",
                        "Check the endpoint, that the server is running, and the network; then try again.", e);
            }
            if (t instanceof SocketException || t instanceof IOException) {
                return failure(ErrorKind.CONNECTION, doing, "the connection to the server was lost",
                        "Check that the server is up and the network holds, then try again.", e);
            }
        }
        return failure(ErrorKind.IO, doing, scrub(text), "See the log for details, and try again.", e);
    }

    private static BackupDeskException ours(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BackupDeskException b) {
                return b;
            }
        }
        return null;
    }

    /** The server's or the library's own words, for a "Details" view, without secrets. */
    private List<String> details(Throwable e) {
        List<String> lines = new ArrayList<>();
        for (Throwable t = e; t != null && lines.size() < 4; t = t.getCause()) {
            String line = t instanceof AwsServiceException s && s.awsErrorDetails() != null
                    ? s.awsErrorDetails().errorCode() + ": " + s.awsErrorDetails().errorMessage()
                    + " (HTTP " + s.statusCode() + ")"
                    : t.getClass().getSimpleName() + ": " + t.getMessage();
            lines.add(scrub(line));
        }
        return lines;
    }

    String scrub(String text) {
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, "***");
        }
        return out.length() > 500 ? out.substring(0, 500) + "…" : out;
    }
}
