package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Destination;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/** Builds the SDK's client for one S3 destination; see decision 0034 for the choices. */
final class S3Clients {
    private S3Clients() { }

    static S3Client build(Destination destination, DestinationCredentials credentials, URI endpoint) {
        S3ClientBuilder builder = S3Client.builder()
                // the small blocking client: no Netty, no native CRT; it streams a body of known length
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60))
                        .build())
                .region(region(destination))
                .credentialsProvider(credentials(credentials))
                .forcePathStyle(destination.pathStyle())
                // A body with our checksum header goes out unsigned over plain HTTP as over HTTPS: the signed header,
                // which the server checks, protects it; the SDK would hash every part once more for the signature.
                .putAuthScheme(new S3Signing())
                // Any other body over plain HTTP is signed, but not in aws-chunked encoding, which copies every
                // 128 KiB chunk (the upload's garbage, and so its memory, doubled): by a hash of it before sending.
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                // HttpURLConnection has no write timeout: a server that stops reading would hold a part forever
                .overrideConfiguration(o -> o.apiCallAttemptTimeout(Duration.ofMinutes(15)));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        } else {
            builder.crossRegionAccessEnabled(true);
        }
        // We compute every checksum ourselves, from the same read as the whole file's SHA-256, and send it as a
        // header; left to itself the SDK would add one of its own (a CRC32 in an aws-chunked trailer by default).
        builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
        if (destination.s3Checksums() == Destination.S3Checksums.MD5) {
            builder.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    /** The endpoint of a store other than AWS, or null for AWS. */
    static URI endpoint(Destination destination) {
        String text = destination.endpoint();
        if (text == null || text.isBlank()) {
            return null;
        }
        String withScheme = text.contains("://") ? text.strip() : "https://" + text.strip();
        try {
            URI uri = new URI(withScheme);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new URISyntaxException(text, "not an http or https address");
            }
            if (uri.getUserInfo() != null) {
                throw BackupDeskException.configuration("The endpoint of destination '" + destination.name()
                        + "' carries credentials.", "Give only the address, e.g. https://s3.example.com:9000.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw BackupDeskException.configuration("'" + text + "' is not an endpoint address for destination '"
                    + destination.name() + "'.", "Use e.g. https://s3.example.com or http://127.0.0.1:9000.");
        }
    }

    /**
     * The destination's region, else the region of the AWS environment variables, system properties or profile
     * files, else us-east-1. Not the instance metadata service, which the SDK's default chain also asks: on a desk it
     * is not there, and asking waits for a timeout on every start.
     */
    static Region region(Destination destination) {
        if (destination.region() != null && !destination.region().isBlank()) {
            return Region.of(destination.region().strip());
        }
        try {
            return new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider())
                    .getRegion();
        } catch (SdkClientException none) {
            return Region.US_EAST_1;
        }
    }

    private static AwsCredentialsProvider credentials(DestinationCredentials credentials) {
        boolean id = credentials.accessKeyId() != null && !credentials.accessKeyId().isBlank();
        boolean secret = credentials.secretAccessKey() != null && !credentials.secretAccessKey().isEmpty();
        if (id && secret) {
            return StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(credentials.accessKeyId().strip(), credentials.secretAccessKey()));
        }
        if (id || secret) {
            throw BackupDeskException.configuration("An S3 destination needs both an access key id and its secret, "
                    + "or neither.", "Give both, or none to use the AWS environment variables or profile files.");
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
