package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;
import org.apache.sshd.common.digest.BuiltinDigests;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The server's host key checked as OpenSSH's {@code StrictHostKeyChecking yes} does: the key must be in the
 * known_hosts file for this host (plain or hashed names, {@code [host]:port} off port 22); a new one is refused, and
 * one that differs from the key on record for its type is refused loudly. Nothing is ever written to the file here:
 * accepting a key is the user's decision ({@link KnownHostsFile#add}).
 * <p>
 * Used for one connection: it keeps what it saw, so that a refused key/exchange becomes the right message.
 */
final class HostKeyCheck implements ServerKeyVerifier {
    enum Verdict { NOT_SEEN, KNOWN, UNKNOWN, CHANGED, REVOKED }

    private record Known(String marker, PublicKey key) { }

    private final SftpAddress address;
    private final Path file;
    private final List<Known> known;
    private volatile Verdict verdict = Verdict.NOT_SEEN;
    private volatile PublicKey offered;
    private volatile PublicKey recorded;

    private HostKeyCheck(SftpAddress address, Path file, List<Known> known) {
        this.address = address;
        this.file = file;
        this.known = known;
    }

    /** Checks against the file's entries for this host; a missing file knows no host. */
    static HostKeyCheck against(Path file, SftpAddress address) {
        return new HostKeyCheck(address, file, entriesFor(file, address));
    }

    /** Accepts no key, only keeps the one offered: for showing a fingerprint before the first connection. */
    static HostKeyCheck scanning(SftpAddress address) {
        return new HostKeyCheck(address, null, List.of());
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        offered = key;
        if (known.stream().anyMatch(k -> "revoked".equals(k.marker()) && KeyUtils.compareKeys(k.key(), key))) {
            verdict = Verdict.REVOKED;
            return false;
        }
        List<Known> plain = known.stream().filter(k -> k.marker() == null).toList();
        if (plain.stream().anyMatch(k -> KeyUtils.compareKeys(k.key(), key))) {
            verdict = Verdict.KNOWN;
            return true;
        }
        String type = KeyUtils.getKeyType(key);
        Optional<Known> sameType = plain.stream().filter(k -> type.equals(KeyUtils.getKeyType(k.key()))).findFirst();
        if (sameType.isPresent()) {
            recorded = sameType.get().key();
            verdict = Verdict.CHANGED;
        } else {
            verdict = Verdict.UNKNOWN;
        }
        return false;
    }

    /** Whether a connection would accept this key: on record for the host and not revoked. */
    boolean trusts(HostKey key) {
        String[] fields = key.knownHostsLine().strip().split("\\s+");
        if (fields.length < 3) {
            return false;
        }
        try {
            PublicKey offeredKey = PublicKeyEntry.parsePublicKeyEntry(fields[1] + " " + fields[2])
                    .resolvePublicKey(null, Map.of(), PublicKeyEntryResolver.IGNORING);
            return offeredKey != null && verifyServerKey(null, null, offeredKey);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    Verdict verdict() {
        return verdict;
    }

    /** The key types on record for this host, so the key exchange can ask for those first as OpenSSH does. */
    Set<String> knownKeyTypes() {
        Set<String> types = new LinkedHashSet<>();
        for (Known k : known) {
            if (k.marker() == null) {
                types.add(KeyUtils.getKeyType(k.key()));
            }
        }
        return types;
    }

    /** The key the server offered; empty when the exchange never got that far. */
    Optional<HostKey> offeredKey() {
        PublicKey key = offered;
        return key == null ? Optional.empty() : Optional.of(describe(key));
    }

    private HostKey describe(PublicKey key) {
        return new HostKey(KeyUtils.getKeyType(key), fingerprint(key),
                address.knownHostsName() + " " + PublicKeyEntry.toString(key));
    }

    private static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    /** The refusal, when the key was refused; CONFIGURATION: what the user must do is decide about the key. */
    Optional<BackupDeskException> refusal(String destination) {
        PublicKey key = offered;
        String server = address.host() + " port " + address.port();
        return switch (verdict) {
            case NOT_SEEN, KNOWN -> Optional.empty();
            case UNKNOWN -> {
                HostKey offeredKey = describe(key);
                Set<String> others = knownKeyTypes();
                String otherTypes = others.isEmpty() ? ""
                        : " It knows other key types for this server (" + String.join(", ", others)
                                + "), which the server no longer offers.";
                yield Optional.of(BackupDeskException.configuration("The SFTP server of " + destination + " (" + server
                        + ") is not known yet: it offers the " + offeredKey.type() + " host key "
                        + offeredKey.fingerprintSha256() + ", which is not in " + file + "." + otherTypes,
                        "Compare that fingerprint with the one the server's administrator gives you (on the server: "
                                + "ssh-keygen -lf /etc/ssh/ssh_host_" + shortType(offeredKey.type())
                                + "_key.pub), then accept it for this destination."));
            }
            case CHANGED -> Optional.of(BackupDeskException.configuration("WARNING: the host key of the SFTP server of "
                    + destination + " (" + server + ") has CHANGED: it now offers the " + KeyUtils.getKeyType(key)
                    + " key " + fingerprint(key) + ", but " + file + " records " + fingerprint(recorded)
                    + ". Someone may be intercepting the connection (a man-in-the-middle attack), or the server was"
                    + " reinstalled. Nothing was sent to it.",
                    "Do not accept the new key until the server's administrator confirms its fingerprint; then remove"
                            + " the old line for " + address.knownHostsName() + " from " + file
                            + " and accept the new key."));
            case REVOKED -> Optional.of(BackupDeskException.configuration("The SFTP server of " + destination + " ("
                    + server + ") offers the host key " + fingerprint(key) + ", which " + file
                    + " marks as revoked. Nothing was sent to it.",
                    "Ask the server's administrator why the server still uses a revoked key."));
        };
    }

    private static String shortType(String type) {
        if (type.startsWith("ecdsa")) {
            return "ecdsa";
        }
        return type.startsWith("ssh-") ? type.substring(4) : type;
    }

    /**
     * OpenSSH matches an entry's patterns against "[host]:port" off port 22, so a wildcard ({@code @revoked *})
     * covers every port; MINA matches the host and the port apart, so such a pattern would miss other ports.
     */
    private static boolean matches(KnownHostEntry entry, SftpAddress address) {
        return entry.isHostMatch(address.host(), address.port()) || address.port() != SftpAddress.DEFAULT_PORT
                && entry.isHostMatch(address.knownHostsName(), SftpAddress.DEFAULT_PORT);
    }

    private static List<Known> entriesFor(Path file, SftpAddress address) {
        List<KnownHostEntry> entries;
        try {
            entries = Files.exists(file) ? KnownHostEntry.readKnownHostEntries(file) : List.of();
        } catch (NoSuchFileException e) {
            entries = List.of();
        } catch (IOException | RuntimeException e) {
            throw new BackupDeskException(ErrorKind.CONFIGURATION, "The known hosts file " + file
                    + " cannot be read: " + e.getMessage() + ".",
                    "Fix or remove the damaged line; each line is a host, a key type and a key.", List.of(), e);
        }
        List<Known> known = new ArrayList<>();
        for (KnownHostEntry entry : entries) {
            AuthorizedKeyEntry keyEntry = entry.getKeyEntry();
            if (keyEntry == null || !matches(entry, address)) {
                continue;
            }
            try {
                PublicKey key = keyEntry.resolvePublicKey(null, PublicKeyEntryResolver.IGNORING);
                if (key != null) {
                    known.add(new Known(entry.getMarker(), key));
                }
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                // a key type this client cannot read cannot match what it negotiates either, as with OpenSSH
            }
        }
        return List.copyOf(known);
    }
}
