package io.backupdesk.ui;

import io.backupdesk.core.Destination;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Copy to": where the backups go, in words, and what the choice warns about or refuses. */
class CopyChoiceViewModelTest {
    private static final Destination NAS = destination("nas", "file:///mnt/nas/backups", false);
    private static final Destination S3 = destination("offsite-s3", "s3://backups/desk-1", false);
    private static final Destination VAULT = destination("vault", "sftp://backup@vault.example.com/srv", true);
    private static final List<Destination> KEPT = List.of(NAS, S3, VAULT);

    private static Destination destination(String name, String url, boolean onlyEncrypted) {
        return new Destination(name, url, null, null, false, null, null, null, null, onlyEncrypted,
                Instant.parse("2026-05-01T08:00:00Z"));
    }

    private static void tick(CopyChoiceViewModel choice, String name) {
        choice.destinations().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow()
                .chosenProperty().set(true);
    }

    @Test
    void theSummarySaysWhereTheBackupsGoInWords() {
        CopyChoiceViewModel choice = new CopyChoiceViewModel(false);
        choice.load(KEPT, List.of());
        assertThat(choice.summary().get()).isEqualTo("Stays on this desk");
        assertThat(choice.destinations()).extracting(DestinationOption::label).containsExactly("nas (folder)",
                "offsite-s3 (S3)", "vault (SFTP, only encrypted backups)");

        tick(choice, "nas");
        tick(choice, "offsite-s3");

        assertThat(choice.summary().get()).isEqualTo("Copied to nas and offsite-s3 after the backup is verified");
        assertThat(choice.copyTo()).containsExactly("nas", "offsite-s3");
        assertThat(choice.valid().get()).isTrue();
    }

    @Test
    void aRunWithNothingChosenGoesWhereItsConnectionSays() {
        CopyChoiceViewModel choice = new CopyChoiceViewModel(true);
        choice.load(KEPT, List.of());

        choice.connectionDestinationsProperty().set(List.of("nas"));

        assertThat(choice.summary().get()).isEqualTo("Copied to nas after the backup is verified, as the connection "
                + "says");
        assertThat(choice.copyTo()).as("nothing of its own is stored").isEmpty();
        tick(choice, "offsite-s3");
        assertThat(choice.summary().get()).isEqualTo("Copied to offsite-s3 after the backup is verified");
    }

    @Test
    void aDestinationThatTakesOnlyEncryptedBackupsIsWarnedAboutWhileTheBackupIsNotEncrypted() {
        CopyChoiceViewModel choice = new CopyChoiceViewModel(true);
        choice.load(KEPT, List.of("vault", "nas"));
        assertThat(choice.warning().get()).isEqualTo("vault takes only encrypted backups, and these backups will not "
                + "be encrypted: the copy there will fail. Choose keys to encrypt to, or another destination.");
        assertThat(choice.valid().get()).as("a warning, not a refusal: the backup itself is made").isTrue();

        choice.encryptedProperty().set(true);
        assertThat(choice.warning().get()).isEmpty();

        choice.encryptedProperty().set(false);
        choice.destinations().forEach(d -> d.chosenProperty().set(false));
        choice.connectionDestinationsProperty().set(List.of("vault"));
        assertThat(choice.warning().get()).as("the connection's destinations count for a run that chose none")
                .startsWith("vault takes only encrypted backups");
    }

    @Test
    void aDestinationNoLongerKeptStaysTickedAndMustBeUntickedOnPurpose() {
        CopyChoiceViewModel choice = new CopyChoiceViewModel(false);
        choice.load(List.of(NAS), List.of("nas", "old-nas"));

        assertThat(choice.destinations()).extracting(DestinationOption::label).containsExactly("nas (folder)",
                "old-nas (no longer a destination)");
        assertThat(choice.error().get()).isEqualTo("old-nas is no longer a destination: untick it, or add it again "
                + "in Settings.");
        assertThat(choice.valid().get()).isFalse();

        choice.destinations().get(1).chosenProperty().set(false);

        assertThat(choice.valid().get()).isTrue();
        assertThat(choice.copyTo()).containsExactly("nas");
    }

    @Test
    void readingTheDestinationsAgainKeepsWhatIsTicked() {
        CopyChoiceViewModel choice = new CopyChoiceViewModel(false);
        choice.load(List.of(NAS), List.of("nas"));

        choice.refresh(KEPT);

        assertThat(choice.destinations()).hasSize(3);
        assertThat(choice.copyTo()).containsExactly("nas");
    }
}
