package io.backupdesk.cli;

import io.backupdesk.backup.RetentionPlan;
import io.backupdesk.backup.SetRetention;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.Destination;
import io.backupdesk.jobs.DestinationsJob;
import io.backupdesk.offsite.DestinationCredentials;
import io.backupdesk.offsite.HostKeyOffer;
import io.backupdesk.offsite.RemoteRetention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code backupdesk destinations ...}: the places off the desk that backups are copied to. Secrets are read from
 * standard input or the AWS environment and kept in an owner-only file, never on the command line.
 */
@Command(name = "destinations", description = "Manage where backups are copied to: S3-compatible storage, SFTP, a folder.",
        footer = {"", "Copies to s3:// and sftp:// destinations must be encrypted unless --allow-unencrypted is given.",
                "S3 credentials: --credentials-stdin (ACCESS_KEY_ID:SECRET on the first line), else the AWS",
                "environment variables and profile files. SFTP host keys are checked against known_hosts: the",
                "first time, compare the fingerprint 'destinations trust NAME' shows and accept it."})
public final class DestinationsCommand {
    private static final String ROW = "%-16s  %-6s  %-44s  %-9s  %s%n";

    @ParentCommand
    BackupDeskCli root;

    @Command(name = "add", description = "Add a destination, or replace the one with the same name.")
    int add(@Parameters(paramLabel = "NAME") String name,
            @Option(names = "--url", required = true, paramLabel = "URL", description = "s3://BUCKET[/PREFIX],"
                    + " sftp://USER@HOST[:PORT]/PATH or file:///PATH") String url,
            @Option(names = "--endpoint", paramLabel = "URL", description = "S3: the server of a store other than"
                    + " AWS, e.g. https://minio.example:9000") String endpoint,
            @Option(names = "--region", paramLabel = "REGION", description = "S3: the region. Default: the AWS"
                    + " configuration's, else us-east-1.") String region,
            @Option(names = "--path-style", description = "S3: the bucket in the path, as most self-hosted stores"
                    + " want.") boolean pathStyle,
            @Option(names = "--s3-checksums", paramLabel = "sha256|md5", description = "S3: how uploads are"
                    + " confirmed; md5 for stores that reject the newer checksums. Default: sha256.") String checksums,
            @Option(names = "--credentials-stdin", description = "S3: read ACCESS_KEY_ID:SECRET from the first line"
                    + " of standard input.") boolean credentialsStdin,
            @Option(names = "--identity-file", paramLabel = "FILE", description = "SFTP: the private key to log in"
                    + " with.") Path identityFile,
            @Option(names = "--known-hosts", paramLabel = "FILE", description = "SFTP: check the server's host key"
                    + " against this file. Default: Backup Desk's own.") Path knownHosts,
            @Option(names = "--password-stdin", description = "SFTP: read the password (or the identity file's"
                    + " passphrase) from the first line of standard input.") boolean passwordStdin,
            @Mixin RetentionOptions retention,
            @Option(names = "--require-encryption", description = "Copy only encrypted backups here (the default for"
                    + " s3:// and sftp://).") boolean requireEncryption,
            @Option(names = "--allow-unencrypted", description = "Copy unencrypted backups here too.")
            boolean allowUnencrypted) throws IOException {
        if (requireEncryption && allowUnencrypted) {
            throw BackupDeskException.configuration("--require-encryption and --allow-unencrypted were both given.",
                    "Give one of them.");
        }
        if (credentialsStdin && passwordStdin) {
            throw BackupDeskException.configuration("--credentials-stdin and --password-stdin were both given.",
                    "S3 takes --credentials-stdin, SFTP --password-stdin.");
        }
        Destination.Kind kind = Destination.kindOf(url);
        boolean encryptedOnly = requireEncryption || !allowUnencrypted && kind != Destination.Kind.FOLDER;
        DestinationsJob job = root.engine().jobs().destinations();
        Optional<Destination> previous = job.find(name);
        Destination destination = new Destination(name, url.trim(), endpoint, region, pathStyle, checksums(checksums),
                identityFile == null ? null : identityFile.toAbsolutePath().toString(),
                knownHosts == null ? null : knownHosts.toAbsolutePath().toString(), retention.policy(), encryptedOnly,
                previous.map(Destination::createdAt).orElse(root.engine().clock().instant()));
        Optional<DestinationCredentials> secrets = credentialsStdin ? Optional.of(s3Credentials())
                : passwordStdin ? Optional.of(new DestinationCredentials(null, null,
                root.readSecretLine("--password-stdin", "the password"))) : Optional.empty();
        job.save(destination, secrets);
        root.out().println("Destination '" + name + "' " + (previous.isPresent() ? "replaced" : "saved") + ": " + url
                + (encryptedOnly ? "; only encrypted backups are copied there" : "")
                + (secrets.isPresent() ? "; its secret is stored in " + root.engine().offsite().secrets().path() : ""));
        if (kind == Destination.Kind.SFTP) {
            root.out().println("Check the server's host key with 'backupdesk destinations trust " + name + "'.");
        } else {
            root.out().println("Check it with 'backupdesk destinations test " + name + "'.");
        }
        return 0;
    }

    private DestinationCredentials s3Credentials() throws IOException {
        String line = root.readSecretLine("--credentials-stdin", "the credentials");
        int colon = line.indexOf(':');
        if (colon <= 0 || colon == line.length() - 1) {
            throw BackupDeskException.configuration("--credentials-stdin wants ACCESS_KEY_ID:SECRET on one line.",
                    "Pipe them in, e.g. printf '%s:%s\\n' \"$KEY_ID\" \"$SECRET\" | backupdesk destinations add ...");
        }
        return new DestinationCredentials(line.substring(0, colon), line.substring(colon + 1), null);
    }

    private static Destination.S3Checksums checksums(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Destination.S3Checksums.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BackupDeskException.configuration("--s3-checksums must be sha256 or md5, not '" + text + "'.",
                    "Use md5 only for a store that rejects the newer checksums.");
        }
    }

    @Command(name = "list", description = "List the destinations; never their secrets.")
    int list(@Option(names = "--json", description = "Print a JSON array.") boolean json) {
        DestinationsJob job = root.engine().jobs().destinations();
        List<Destination> all = job.list();
        if (json) {
            root.out().println(CliJson.writeList(all.stream().map(d -> json(d, job.hasSecrets(d.name()))).toList()));
            return 0;
        }
        if (all.isEmpty()) {
            root.out().println("No destinations. Add one with 'backupdesk destinations add NAME --url URL'.");
            return 0;
        }
        root.out().printf(ROW, "NAME", "KIND", "URL", "ENCRYPTED", "KEEPS");
        all.forEach(d -> root.out().printf(ROW, d.name(), d.kind().name().toLowerCase(Locale.ROOT), d.url(),
                d.requireEncryption() ? "only" : "any", d.retention().describe()));
        return 0;
    }

    @Command(name = "test", description = "Log in, write a small file, read it back and remove it.")
    int test(@Parameters(paramLabel = "NAME") String name) {
        root.out().println(root.engine().jobs().destinations().test(name));
        return 0;
    }

    @Command(name = "trust", description = "Show an SFTP server's host key and trust it once you have compared it.")
    int trust(@Parameters(paramLabel = "NAME") String name,
              @Option(names = "--fingerprint", paramLabel = "SHA256:...", description = "Trust the key only if it"
                      + " has this fingerprint (for scripts; compare it out of band).") String fingerprint) {
        DestinationsJob job = root.engine().jobs().destinations();
        Optional<HostKeyOffer> offer = job.untrustedHostKey(name);
        if (offer.isEmpty()) {
            root.out().println("The host key of " + name + " is trusted already.");
            return 0;
        }
        HostKeyOffer key = offer.get();
        root.out().println("The server " + key.host() + ":" + key.port() + " offers the " + key.type() + " key "
                + key.fingerprintSha256() + ".");
        if (fingerprint != null) {
            if (!fingerprint.trim().equals(key.fingerprintSha256())) {
                throw BackupDeskException.configuration("The server's key is " + key.fingerprintSha256() + ", not "
                        + fingerprint.trim() + "; it was not trusted.", "Ask the server's administrator for its key's"
                        + " fingerprint (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) and compare again.");
            }
        } else {
            Console console = System.console();
            if (console == null) {
                throw BackupDeskException.configuration("No terminal to confirm the key on; it was not trusted.",
                        "Compare the fingerprint with the server's and give it with --fingerprint.");
            }
            String answer = console.readLine("Is this the server's key? Type yes to trust it: ");
            if (answer == null || !answer.trim().equalsIgnoreCase("yes")) {
                root.out().println("Not trusted; nothing was changed.");
                return 1;
            }
        }
        job.trust(name, key);
        root.out().println("Trusted. Check the destination with 'backupdesk destinations test " + name + "'.");
        return 0;
    }

    @Command(name = "prune", description = "Apply the destination's retention to the backups there now. The newest"
            + " verified, pinned backups and those of a database whose latest run failed are never deleted.")
    int prune(@Parameters(paramLabel = "NAME") String name,
              @Option(names = "--dry-run", description = "Say what would be deleted; delete nothing.") boolean dryRun) {
        Cancellation cancel = new Cancellation();
        RemoteRetention.Pruned pruned = CancelOnInterrupt.run(cancel,
                () -> root.engine().jobs().remote().prune(name, dryRun, cancel));
        if (pruned.plans().isEmpty() && pruned.setPlans().isEmpty()) {
            root.out().println("The destination " + name + " keeps every backup (it has no retention rules).");
            return 0;
        }
        for (RetentionPlan plan : pruned.plans()) {
            root.out().println(plan.profile() + " / " + plan.database() + ":");
            plan.decisions().forEach(d -> root.out().println("  " + (d.delete() ? (dryRun ? "would delete " : "deleted ")
                    : "kept ") + d.entry().record().id() + "  " + Format.time(d.entry().record().createdAt()) + "  "
                    + d.reason()));
        }
        for (SetRetention.Plan plan : pruned.setPlans()) {
            root.out().println(plan.profile() + " / sets:");
            plan.decisions().forEach(d -> root.out().println("  " + (d.delete() ? (dryRun ? "would delete " : "deleted ")
                    : "kept ") + "set " + d.set().set().id() + "  " + Format.time(d.set().set().createdAt()) + "  "
                    + d.reason()));
        }
        pruned.failures().forEach(f -> root.err().println("error: could not delete " + f));
        return pruned.failures().isEmpty() ? 0 : 1;
    }

    @Command(name = "remove", description = "Remove a destination and its secret. Copies already there stay there.")
    int remove(@Parameters(paramLabel = "NAME") String name) {
        Destination removed = root.engine().jobs().destinations().remove(name);
        root.out().println("Destination '" + name + "' removed; the copies at " + removed.url() + " stay there.");
        return 0;
    }

    private static Map<String, Object> json(Destination d, boolean secretsStored) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
        m.put("url", d.url());
        m.put("endpoint", d.endpoint());
        m.put("region", d.region());
        m.put("pathStyle", d.pathStyle());
        m.put("s3Checksums", d.s3Checksums().name().toLowerCase(Locale.ROOT));
        m.put("identityFile", d.identityFile());
        m.put("knownHosts", d.knownHosts());
        m.put("retention", d.retention());
        m.put("requireEncryption", d.requireEncryption());
        m.put("secretsStored", secretsStored);
        m.put("createdAt", d.createdAt());
        return m;
    }
}
