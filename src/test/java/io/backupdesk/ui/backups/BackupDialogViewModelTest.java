package io.backupdesk.ui.backups;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.Cancellation;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.Destination;
import io.backupdesk.core.DumpScope;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.Progress;
import io.backupdesk.core.SslMode;
import io.backupdesk.crypto.AgeIdentity;
import io.backupdesk.crypto.StoredKey;
import io.backupdesk.pg.TableInfo;
import io.backupdesk.ui.Notifier;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "back up now" form: the options it makes and how a run's failure reaches the user. The engine is answered by
 * hand here; the real backup from this dialog runs in the end-to-end desktop test against the test server.
 */
class BackupDialogViewModelTest {
    private static final ConnectionProfile PROD = new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER, null);
    private static final ConnectionProfile DEV = new ConnectionProfile("dev", "localhost", 5432, "sales", "me", SslMode.PREFER, null);

    private final SyncTaskRunner runner = new SyncTaskRunner();
    private final List<BackupOptions> ran = new ArrayList<>();
    private final List<Optional<String>> passwords = new ArrayList<>();
    private final LinkedList<RuntimeException> failures = new LinkedList<>();
    private final List<String> errorsShown = new ArrayList<>();
    private final List<String> outcomes = new ArrayList<>();
    private BackupRecord made;
    private Optional<String> answer = Optional.empty();
    private BackupDialogViewModel model;
    private List<StoredKey> keys = List.of();
    private List<Destination> destinations = List.of();
    private final List<ConnectionProfile> profiles = new ArrayList<>(List.of(DEV, PROD));

    @BeforeEach
    void setUp() {
        model = new BackupDialogViewModel(new BackupOperations() {
            @Override
            public List<ConnectionProfile> profiles() {
                return profiles;
            }

            @Override
            public BackupOptions defaults() {
                return BackupOptions.defaults();
            }

            @Override
            public List<StoredKey> keys() {
                return keys;
            }

            @Override
            public List<Destination> destinations() {
                return destinations;
            }

            @Override
            public List<TableInfo> tables(ConnectionProfile profile, Optional<String> password) {
                return List.of(new TableInfo(1, "sales", "orders", 8192, 10), new TableInfo(2, "sales", "lines", 8192, 10),
                        new TableInfo(3, "audit", "log", 8192, 10));
            }

            @Override
            public BackupRecord backup(ConnectionProfile profile, BackupOptions options, Optional<String> password,
                                       Progress progress, Cancellation cancel) {
                ran.add(options);
                passwords.add(password);
                if (!failures.isEmpty()) {
                    throw failures.removeFirst();
                }
                return made;
            }
        }, runner, new Notifier() {
            @Override
            public void error(String title, Throwable failure) {
                errorsShown.add(title + ": " + failure.getMessage());
            }

            @Override
            public void done(String outcome) {
                outcomes.add(outcome);
            }

            @Override
            public Optional<String> askPassword(ConnectionProfile profile) {
                return answer;
            }
        });
    }

    @Test
    void theFormOpensOnTheAskedProfileWithTheFastDefaults() {
        model.open("prod");

        assertThat(model.profileProperty().get()).isEqualTo(PROD);
        assertThat(model.start()).isTrue();
        assertThat(ran).singleElement().satisfies(o -> {
            assertThat(o.format()).isEqualTo(BackupFormat.CUSTOM);
            assertThat(o.compression().level()).isEqualTo(1);
            assertThat(o.scope()).isEqualTo(DumpScope.ALL);
            assertThat(o.schemas()).isEmpty();
            assertThat(o.tables()).isEmpty();
        });
        assertThat(runner.titles).contains("Backing up prod/sales");
    }

    @Test
    void aFinishedBackupTellsWhatItMadeWhereItWasStarted() {
        made = BackupRecord.builder().id("b1").profile("prod").host("db1").port(5432).database("sales")
                .serverVersion("15.4").pgDumpVersion("15.4").format(BackupFormat.CUSTOM).compression("gzip:1")
                .options(BackupOptions.defaults()).fileName("sales.dump").sizeBytes(2_411_724)
                .databaseSizeBytes(9_000_000).sha256("0".repeat(64))
                .createdAt(java.time.Instant.parse("2026-05-04T02:30:00Z")).durationMillis(4_200)
                .status(io.backupdesk.core.BackupStatus.OK)
                .verification(new io.backupdesk.core.Verification(io.backupdesk.core.BackupStatus.VERIFIED,
                        java.time.Instant.parse("2026-05-04T02:30:05Z"), null))
                .origin(BackupRecord.ORIGIN_MANUAL).build();
        model.open("prod");

        model.start();

        assertThat(outcomes).as("issue 19: a finished backup said nothing")
                .containsExactly("prod/sales: 2.3 MB, verified in 4.2 s");
    }

    @Test
    void aFailedBackupIsToldInTheStatusBarTooOnceItsDialogIsClosed() {
        failures.add(new io.backupdesk.core.BackupDeskException(io.backupdesk.core.ErrorKind.CONNECTION,
                "could not connect to server: Connection refused", "Check that the server runs."));
        model.open("prod");

        model.start();

        assertThat(errorsShown).singleElement().asString().startsWith("The backup of prod/sales failed");
        assertThat(outcomes).as("issue 19: the status bar said Ready").containsExactly(
                "prod/sales failed: could not connect to server: Connection refused Check that the server runs.");
    }

    @Test
    void chosenSchemasTablesFormatLevelJobsContentGlobalsAndLabelReachTheBackup() {
        model.open(null);
        model.loadTables();
        model.scope().stream().filter(i -> i.name().equals("audit")).forEach(i -> i.chosenProperty().set(true));
        model.scope().stream().filter(i -> i.name().equals("sales.orders")).forEach(i -> i.chosenProperty().set(true));
        model.form().formatProperty().set(BackupFormat.DIRECTORY);
        model.form().compressionProperty().set("6");
        model.form().jobsProperty().set(3);
        model.form().contentProperty().set(DumpScope.DATA_ONLY);
        model.form().globalsProperty().set(true);
        model.labelProperty().set(" before-release ");

        assertThat(model.scopeSummary()).isEqualTo("1 schema and 1 table.");
        model.start();

        assertThat(ran).singleElement().satisfies(o -> {
            assertThat(o.schemas()).containsExactly("audit");
            assertThat(o.tables()).containsExactly("sales.orders");
            assertThat(o.format()).isEqualTo(BackupFormat.DIRECTORY);
            assertThat(o.compression().level()).isEqualTo(6);
            assertThat(o.jobs()).isEqualTo(3);
            assertThat(o.scope()).isEqualTo(DumpScope.DATA_ONLY);
            assertThat(o.globals()).isTrue();
            assertThat(o.label()).isEqualTo("before-release");
        });
    }

    @Test
    void jobsApplyToTheDirectoryFormatOnlyAndATooLongLabelKeepsStartDisabled() {
        model.open(null);
        model.form().jobsProperty().set(4);

        assertThat(model.form().jobsApply().get()).isFalse();
        model.start();
        assertThat(ran.get(0).jobs()).isEqualTo(1);

        model.labelProperty().set("x".repeat(41));
        assertThat(model.labelError().get()).isEqualTo("At most 40 characters.");
        assertThat(model.canStart().get()).isFalse();
    }

    @Test
    void theBackupShowsItsConnectionsKeysByDefaultAndTakesOthersWhenChosen() {
        keys = List.of(new StoredKey("ops-key", List.of(AgeIdentity.generate().recipient()), true, false, ""),
                new StoredKey("offsite", List.of(AgeIdentity.generate().recipient()), false, false, ""));
        profiles.add(new ConnectionProfile("secure", "db3", 5432, "vault", "dba", SslMode.PREFER, null,
                List.of("ops-key")));
        model.open("secure");
        assertThat(model.encryption().summary().get()).startsWith("Encrypted to the connection's keys: ops-key (age1");
        model.profileProperty().set(PROD);
        assertThat(model.encryption().summary().get()).isEqualTo("Not encrypted");
        model.start();

        model.profileProperty().set(profiles.get(2));
        model.encryption().keys().get(1).chosenProperty().set(true);
        model.start();

        assertThat(ran).extracting(BackupOptions::encryptTo).containsExactly(List.of(), List.of("offsite"));
    }

    @Test
    void theBackupGoesWhereItsConnectionSaysUnlessOtherDestinationsAreChosen() {
        destinations = List.of(new Destination("nas", "file:///mnt/nas", null, null, false, null, null, null, null,
                false, null), new Destination("vault", "file:///mnt/vault", null, null, false, null, null, null, null,
                true, null));
        profiles.add(new ConnectionProfile("copied", "db3", 5432, "crm", "dba", SslMode.PREFER, null, List.of(),
                List.of("nas")));
        model.open("copied");
        assertThat(model.copies().summary().get()).isEqualTo("Copied to nas after the backup is verified, as the "
                + "connection says");
        model.start();

        model.copies().destinations().get(1).chosenProperty().set(true);
        assertThat(model.copies().warning().get()).startsWith("vault takes only encrypted backups");
        assertThat(model.canStart().get()).isTrue();
        model.start();

        assertThat(ran).extracting(BackupOptions::copyTo).containsExactly(List.of(), List.of("vault"));
    }

    @Test
    void aDirectoryBackupThatWouldBeEncryptedCannotStartAndSaysWhy() {
        profiles.add(new ConnectionProfile("secure", "db3", 5432, "vault", "dba", SslMode.PREFER, null,
                List.of(AgeIdentity.generate().recipient().publicKey())));
        model.open("secure");

        model.form().formatProperty().set(BackupFormat.DIRECTORY);

        assertThat(model.encryption().error().get()).startsWith("This connection's backups are encrypted, and the"
                + " directory format cannot be encrypted in this version");
        assertThat(model.canStart().get()).isFalse();
        model.form().formatProperty().set(BackupFormat.TAR);
        assertThat(model.canStart().get()).isTrue();
    }

    @Test
    void aPasswordTheServerAsksForIsAskedAndTheRunTriedAgainWithIt() {
        model.open("prod");
        failures.add(new BackupDeskException(ErrorKind.PASSWORD_REQUIRED, "prod needs a password.", "", List.of(), null));
        answer = Optional.of("typed-now");

        model.start();

        assertThat(passwords).containsExactly(Optional.empty(), Optional.of("typed-now"));
        assertThat(errorsShown).isEmpty();
    }

    @Test
    void aFailedRunIsToldWithItsMessageButACancelIsNot() {
        model.open("prod");
        failures.add(new BackupDeskException(ErrorKind.DISK_FULL, "The backup folder is full.", "Free space.", List.of(), null));
        failures.add(BackupDeskException.cancelled());

        model.start();
        model.start();

        assertThat(errorsShown).containsExactly("The backup of prod/sales failed: The backup folder is full.");
    }
}
