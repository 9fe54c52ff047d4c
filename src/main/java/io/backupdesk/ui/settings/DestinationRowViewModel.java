package io.backupdesk.ui.settings;

import io.backupdesk.core.Destination;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.ui.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One destination of the Destinations section as it is shown: no secret, only whether one is stored. */
public final class DestinationRowViewModel {
    private final Destination destination;
    private final boolean hasSecrets;

    DestinationRowViewModel(Destination destination, boolean hasSecrets) {
        this.destination = destination;
        this.hasSecrets = hasSecrets;
    }

    public Destination destination() {
        return destination;
    }

    public String name() {
        return destination.name();
    }

    public Destination.Kind kind() {
        return destination.kind();
    }

    /** "S3", "SFTP", "Folder". */
    public String kindText() {
        return Messages.get("destinations.kind." + destination.kind().name().toLowerCase(Locale.ROOT) + ".title");
    }

    public String url() {
        return destination.url();
    }

    public boolean onlyEncrypted() {
        return destination.requireEncryption();
    }

    public boolean hasSecrets() {
        return hasSecrets;
    }

    /**
     * Whether secrets are stored, in words; empty for a folder, which has none to store. An S3 destination without
     * keys uses the AWS environment, which the text says rather than call it a lack.
     */
    public String secretsText() {
        return switch (destination.kind()) {
            case FOLDER -> "";
            case S3 -> Messages.get(hasSecrets ? "destinations.secrets.s3.stored" : "destinations.secrets.s3.none");
            case SFTP -> Messages.get(hasSecrets ? "destinations.secrets.sftp.stored"
                    : destination.identityFile() == null ? "destinations.secrets.sftp.none"
                    : "destinations.secrets.sftp.keyOnly");
        };
    }

    /** "Keeps every copy", or the rules: "Keeps the last 7, 4 weekly, 12 monthly; none older than 365 days". */
    public String retentionText() {
        return retention(destination.retention());
    }

    static String retention(RetentionPolicy policy) {
        if (policy.isNone()) {
            return Messages.get("destinations.retention.all");
        }
        List<String> rules = new ArrayList<>();
        if (policy.keepLast() != null) {
            rules.add(Messages.get("destinations.retention.last", policy.keepLast()));
        }
        add(rules, policy.daily(), "destinations.retention.daily");
        add(rules, policy.weekly(), "destinations.retention.weekly");
        add(rules, policy.monthly(), "destinations.retention.monthly");
        String kept = rules.isEmpty() ? "" : Messages.get("destinations.retention.keeps", String.join(", ", rules));
        if (policy.maxAge() == null) {
            return kept;
        }
        long days = (policy.maxAge().toHours() + 23) / 24;
        return kept.isEmpty() ? Messages.get("destinations.retention.maxAgeOnly", days)
                : kept + "; " + Messages.get("destinations.retention.maxAge", days);
    }

    private static void add(List<String> rules, Integer count, String key) {
        if (count != null && count > 0) {
            rules.add(Messages.get(key, count));
        }
    }
}
