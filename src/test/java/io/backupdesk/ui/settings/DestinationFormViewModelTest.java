package io.backupdesk.ui.settings;

import io.backupdesk.core.Destination;
import io.backupdesk.core.RetentionPolicy;
import io.backupdesk.offsite.DestinationCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The Add and Edit form of each destination kind: what each field says when wrong, and what the fields make. */
class DestinationFormViewModelTest {
    @TempDir
    Path dir;

    private static DestinationFormViewModel form(Destination.Kind kind) {
        return new DestinationFormViewModel(kind, Set.of("nas"));
    }

    @Test
    void aChosenFolderBecomesItsFileUrlAndAFolderHasNoSecrets() {
        DestinationFormViewModel form = form(Destination.Kind.FOLDER);
        form.nameProperty().set("usb-disk");

        form.folderChosen(dir);

        assertThat(form.urlProperty().get()).isEqualTo(dir.toUri().toString().replaceAll("/$", ""));
        assertThat(form.urlError().get()).isEmpty();
        assertThat(form.canSave().get()).isTrue();
        Destination made = form.destination();
        assertThat(made.kind()).isEqualTo(Destination.Kind.FOLDER);
        assertThat(Path.of(made.uri().getPath())).isEqualTo(dir);
        assertThat(made.retention().isNone()).as("a new destination keeps every copy").isTrue();
        assertThat(form.retentionNote().get()).isEqualTo("No rule is set: every copy is kept there.");
        assertThat(form.credentials()).isEmpty();
    }

    @Test
    void aFolderIsTypedAsItsFullPathOrItsUrlAndARelativeOneIsRefused() {
        DestinationFormViewModel form = form(Destination.Kind.FOLDER);
        form.nameProperty().set("usb-disk");

        form.urlProperty().set("mnt/usb");
        assertThat(form.urlError().get()).isEqualTo("A folder destination is a full path, e.g. /mnt/nas/backups, "
                + "or its URL, file:///mnt/nas/backups.");

        form.urlProperty().set(dir.toString());
        assertThat(form.urlError().get()).isEmpty();
        assertThat(form.destination().url()).isEqualTo(dir.toUri().toString().replaceAll("/$", ""));
    }

    @Test
    void aUrlOfAnotherKindOrOfNoKindIsNamedWithTheFormsOwnShape() {
        DestinationFormViewModel form = form(Destination.Kind.S3);
        form.nameProperty().set("offsite");

        form.urlProperty().set("sftp://backup@nas.example.com/backups");
        assertThat(form.urlError().get()).isEqualTo("An S3 destination's URL is s3://BUCKET or s3://BUCKET/PREFIX.");
        assertThat(form.canSave().get()).isFalse();

        form.urlProperty().set("s3:///prefix");
        assertThat(form.urlError().get()).isEqualTo("'s3:///prefix' names no bucket. An S3 destination's URL is "
                + "s3://BUCKET or s3://BUCKET/PREFIX.");

        form.urlProperty().set("s3://backups/desk-1");
        assertThat(form.urlError().get()).isEmpty();
        assertThat(form.canSave().get()).isTrue();
    }

    @Test
    void aNameIsCheckedByTheDestinationsOwnRuleAndMayNotBeTakenTwice() {
        DestinationFormViewModel form = form(Destination.Kind.FOLDER);
        form.urlProperty().set("file:///mnt/usb");
        assertThat(form.nameError().get()).as("nothing typed is not yet a mistake").isEmpty();
        assertThat(form.canSave().get()).isFalse();

        form.nameProperty().set("my nas");
        assertThat(form.nameError().get()).isEqualTo("'my nas' is not a valid destination name. Use up to 64 letters, "
                + "digits, '.', '_' or '-', starting with a letter or digit.");

        form.nameProperty().set("nas");
        assertThat(form.nameError().get()).isEqualTo("A destination named nas exists already.");
    }

    @Test
    void anS3FormCarriesItsEndpointRegionPathStyleChecksumsAndBothKeys() {
        DestinationFormViewModel form = form(Destination.Kind.S3);
        form.nameProperty().set("minio");
        form.urlProperty().set("s3://backups/desk-1");
        form.endpointProperty().set("minio.example.com:9000");
        assertThat(form.endpointError().get()).startsWith("A web address that starts with https://");
        form.endpointProperty().set("https://minio.example.com:9000");
        form.regionProperty().set("eu-central-1");
        form.pathStyleProperty().set(true);
        form.checksumsProperty().set(Destination.S3Checksums.MD5);
        form.accessKeyIdProperty().set("AKIAEXAMPLE");
        assertThat(form.keysError().get()).isEqualTo("Type both the access key id and its secret, or neither.");
        assertThat(form.canSave().get()).isFalse();
        form.secretAccessKeyProperty().set("wJalrXUtnFEMI/K7MDENG");

        assertThat(form.endpointError().get()).isEmpty();
        assertThat(form.keysError().get()).isEmpty();
        assertThat(form.canSave().get()).isTrue();
        Destination made = form.destination();
        assertThat(made.endpoint()).isEqualTo("https://minio.example.com:9000");
        assertThat(made.region()).isEqualTo("eu-central-1");
        assertThat(made.pathStyle()).isTrue();
        assertThat(made.s3Checksums()).isEqualTo(Destination.S3Checksums.MD5);
        assertThat(made.identityFile()).isNull();
        assertThat(form.credentials()).contains(new DestinationCredentials("AKIAEXAMPLE", "wJalrXUtnFEMI/K7MDENG", null));
    }

    @Test
    void anSftpFormWantsFullPathsAndKeepsThePasswordApartFromTheUrl() {
        DestinationFormViewModel form = form(Destination.Kind.SFTP);
        form.nameProperty().set("offsite-ssh");
        form.urlProperty().set("sftp://backup:secret@ssh.example.com/backups");
        assertThat(form.urlError().get()).startsWith("'sftp://backup:secret@ssh.example.com/backups' needs a user "
                + "and a host and no password.");
        form.urlProperty().set("sftp://backup@ssh.example.com:2222/backups");
        form.identityFileProperty().set("id_ed25519");
        assertThat(form.identityFileError().get()).isEqualTo("A full path, starting at the root of the disk.");
        form.identityFileChosen(dir.resolve("id_ed25519"));
        form.knownHostsChosen(dir.resolve("known_hosts"));
        form.passwordProperty().set("key passphrase");

        assertThat(form.canSave().get()).isTrue();
        Destination made = form.destination();
        assertThat(made.identityFile()).isEqualTo(dir.resolve("id_ed25519").toString());
        assertThat(made.knownHosts()).isEqualTo(dir.resolve("known_hosts").toString());
        assertThat(made.endpoint()).isNull();
        assertThat(form.credentials()).contains(new DestinationCredentials(null, null, "key passphrase"));
    }

    @Test
    void theRetentionRulesAndOnlyEncryptedAreCarriedAndAWrongRuleBlocksSaving() {
        DestinationFormViewModel form = form(Destination.Kind.FOLDER);
        form.nameProperty().set("usb-disk");
        form.urlProperty().set("file:///mnt/usb");
        form.requireEncryptionProperty().set(true);
        form.retention().keepLastProperty().set("0");
        assertThat(form.canSave().get()).isFalse();

        form.retention().keepLastProperty().set("3");
        form.retention().monthlyProperty().set("12");
        form.retention().maxAgeDaysProperty().set("400");

        assertThat(form.canSave().get()).isTrue();
        assertThat(form.destination().retention()).isEqualTo(new RetentionPolicy(3, null, null, 12,
                Duration.ofDays(400)));
        assertThat(form.destination().requireEncryption()).isTrue();
        assertThat(form.retentionNote().get()).isEmpty();
    }

    @Test
    void editingKeepsTheNameAndWhenItWasMadeAndEmptySecretsKeepThoseStored() {
        Instant made = Instant.parse("2026-04-01T10:00:00Z");
        Destination stored = new Destination("nas", "s3://backups", "https://nas.lan:9000", null, true,
                Destination.S3Checksums.SHA256, null, null, new RetentionPolicy(7, null, 4, null, null), false, made);
        DestinationFormViewModel form = form(Destination.Kind.S3);

        form.edit(stored, true);

        assertThat(form.existingProperty().get()).isTrue();
        assertThat(form.secretsStoredProperty().get()).isTrue();
        assertThat(form.nameError().get()).as("its own name is not taken").isEmpty();
        assertThat(form.title().get()).isEqualTo("Edit nas");
        assertThat(form.retention().keepLastProperty().get()).isEqualTo("7");
        assertThat(form.canSave().get()).isTrue();
        assertThat(form.destination()).isEqualTo(stored);
        assertThat(form.credentials()).isEqualTo(Optional.empty());
    }
}
