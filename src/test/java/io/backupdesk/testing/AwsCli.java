package io.backupdesk.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real AWS command line ({@code aws}, version 1 or 2), pointed at an {@link S3ProxyServer}: what another tool
 * sees of what we wrote. Its own configuration and credentials files are not read.
 */
public final class AwsCli {
    /** What a run printed; {@code sha256} is of its standard output, which may be a whole object. */
    public record Result(int exit, String sha256, long bytes, String out, String err) {
        public boolean ok() {
            return exit == 0;
        }
    }

    private final S3ProxyServer server;

    public AwsCli(S3ProxyServer server) {
        this.server = server;
    }

    /** Runs {@code aws --endpoint-url ENDPOINT ARGS...}, within a minute. */
    public Result run(String... args) {
        List<String> command = new ArrayList<>(List.of("aws", "--endpoint-url", server.endpoint()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().putAll(server.awsEnvironment());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            StringBuilder head = new StringBuilder();
            long bytes = 0;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = process.getInputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    sha256.update(buffer, 0, n);
                    if (head.length() < 64 * 1024) {
                        head.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                    bytes += n;
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("aws did not finish within a minute: " + command);
            }
            return new Result(process.exitValue(), HexFormat.of().formatHex(sha256.digest()), bytes, head.toString(),
                    err.join());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("could not run " + command + "; is the AWS command line installed?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every key in the bucket, as {@code s3api list-objects-v2} lists them, but for the "folder/" keys by which
     * S3Proxy's filesystem store shows its folders.
     */
    public List<String> keys(String bucket) {
        return words(run("s3api", "list-objects-v2", "--bucket", bucket, "--output", "text",
                "--query", "Contents[].Key")).stream().filter(key -> !key.endsWith("/")).toList();
    }

    /** The multipart uploads of the bucket not completed nor aborted, as {@code s3api list-multipart-uploads} lists. */
    public List<String> unfinishedUploads(String bucket) {
        return words(run("s3api", "list-multipart-uploads", "--bucket", bucket, "--output", "text",
                "--query", "Uploads[].Key"));
    }

    /** The words of a listing in text form; the keys of our tests have no spaces. */
    private static List<String> words(Result r) {
        if (!r.ok()) {
            throw new IllegalStateException("aws failed: " + r.err());
        }
        List<String> keys = new ArrayList<>();
        for (String word : r.out().strip().split("\\s+")) {
            if (!word.isEmpty() && !word.equals("None")) {
                keys.add(word);
            }
        }
        return keys;
    }

    private static String text(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
