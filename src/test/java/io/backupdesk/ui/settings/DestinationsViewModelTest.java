package io.backupdesk.ui.settings;

import io.backupdesk.core.Destination;
import io.backupdesk.offsite.DestinationCredentials;
import io.backupdesk.offsite.HostKeyOffer;
import io.backupdesk.ui.Question;
import io.backupdesk.ui.SyncTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Destinations section over the real destinations job in a temporary folder: a folder destination really
 * tested, secrets kept when their fields stay empty, and an SFTP server's first host key shown and trusted before
 * anything is sent (the server's key is scripted here, and the server itself is never reached).
 */
class DestinationsViewModelTest {
    /** A host that is never reached: the name cannot resolve, so a test fails at once wherever it runs. */
    private static final String HOST = "ssh.invalid";
    private static final HostKeyOffer KEY = new HostKeyOffer(HOST, 22, "ssh-ed25519",
            "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s", HOST + " ssh-ed25519 AAAAC3Nza");

    @TempDir
    Path dir;
    private FolderDestinations destinations;
    private DestinationsViewModel model;

    @BeforeEach
    void setUp() {
        destinations = new FolderDestinations(dir.resolve("config"));
        model = new DestinationsViewModel(destinations, new SyncTaskRunner());
        model.load();
    }

    private DestinationFormViewModel folderForm(String name, Path folder) {
        DestinationFormViewModel form = model.newForm(Destination.Kind.FOLDER);
        form.nameProperty().set(name);
        form.folderChosen(folder);
        return form;
    }

    private DestinationFormViewModel sftpForm() {
        DestinationFormViewModel form = model.newForm(Destination.Kind.SFTP);
        form.nameProperty().set("offsite-ssh");
        form.urlProperty().set("sftp://backup@" + HOST + "/srv/backups");
        form.passwordProperty().set("hunter2");
        return form;
    }

    @Test
    void aFolderDestinationIsSavedTestedForRealAndListed() throws Exception {
        Path nas = Files.createDirectories(dir.resolve("nas"));
        DestinationFormViewModel form = folderForm("nas", nas);

        model.saveAndTest(form);

        assertThat(form.outcomeOkProperty().get()).isTrue();
        assertThat(form.outcomeProperty().get()).startsWith("Saved. Wrote, read back and removed a test file at file:");
        assertThat(form.doneProperty().get()).as("the dialog stays open to show what was found").isFalse();
        assertThat(form.existingProperty().get()).as("saved: its name is now fixed").isTrue();
        assertThat(form.title().get()).isEqualTo("Edit nas");
        assertThat(model.rows()).extracting(DestinationRowViewModel::name).containsExactly("nas");
        DestinationRowViewModel row = model.rows().get(0);
        assertThat(row.kindText()).isEqualTo("Folder");
        assertThat(row.retentionText()).isEqualTo("Keeps every copy");
        assertThat(row.secretsText()).isEmpty();

        model.test(row);

        assertThat(model.failedProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("nas: Wrote, read back and removed a test file");
    }

    @Test
    void aFolderThatIsNotThereFailsItsTestWithWhatToDo() {
        DestinationFormViewModel form = folderForm("gone", dir.resolve("not-mounted"));

        model.saveAndTest(form);

        assertThat(form.outcomeOkProperty().get()).isFalse();
        assertThat(form.outcomeProperty().get()).isNotEmpty().contains("not-mounted");
        assertThat(model.rows()).extracting(DestinationRowViewModel::name).containsExactly("gone");
    }

    @Test
    void savingWithTheSecretFieldsEmptyKeepsTheStoredSecrets() {
        DestinationFormViewModel form = model.newForm(Destination.Kind.S3);
        form.nameProperty().set("offsite");
        form.urlProperty().set("s3://backups/desk-1");
        form.accessKeyIdProperty().set("AKIAEXAMPLE");
        form.secretAccessKeyProperty().set("wJalrXUtnFEMI/K7MDENG");
        model.save(form);
        assertThat(form.doneProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("Destination offsite saved.");
        DestinationCredentials stored = destinations.secrets.of("offsite");
        assertThat(stored.accessKeyId()).isEqualTo("AKIAEXAMPLE");

        DestinationFormViewModel edit = model.editForm(model.rows().get(0));
        assertThat(edit.accessKeyIdProperty().get()).as("no secret is shown again").isEmpty();
        assertThat(edit.secretsStoredProperty().get()).isTrue();
        edit.regionProperty().set("eu-central-1");
        model.save(edit);

        assertThat(destinations.store.require("offsite").region()).isEqualTo("eu-central-1");
        assertThat(destinations.secrets.of("offsite")).isEqualTo(stored);
        assertThat(model.rows().get(0).secretsText()).isEqualTo("Access keys stored");
    }

    @Test
    void theFirstConnectionShowsTheServersKeyAndTestsOnlyOnceItIsTrusted() {
        destinations.offered = KEY;
        DestinationFormViewModel form = sftpForm();

        model.saveAndTest(form);

        assertThat(form.offerProperty().get()).isEqualTo(KEY);
        assertThat(DestinationsViewModel.offerText(KEY)).isEqualTo("First connection to ssh.invalid:22. "
                + "The server offers this ssh-ed25519 key:");
        assertThat(destinations.tests).as("nothing is sent before the key is trusted").isZero();
        assertThat(form.canSave().get()).as("the question is answered first").isFalse();
        assertThat(destinations.store.find("offsite-ssh")).as("saved, with its password").isPresent();
        assertThat(destinations.secrets.of("offsite-ssh").password()).isEqualTo("hunter2");

        model.trust(form);

        assertThat(destinations.trusted).containsExactly(KEY);
        assertThat(form.offerProperty().get()).isNull();
        assertThat(destinations.tests).isEqualTo(1);
        // the server is never reached (and the SSH client may not be built in): the test's failure is shown
        assertThat(form.outcomeOkProperty().get()).isFalse();
        assertThat(form.outcomeProperty().get()).startsWith("Saved, but the test failed: ");

        model.saveAndTest(form);
        assertThat(form.offerProperty().get()).as("a trusted key is not asked about again").isNull();
        assertThat(destinations.tests).isEqualTo(2);
    }

    @Test
    void aKeyThatIsNotTrustedStopsTheTestAndSavingSaysCopiesFailUntilItIs() {
        destinations.offered = KEY;
        DestinationFormViewModel testing = sftpForm();
        model.saveAndTest(testing);

        model.refuse(testing);

        assertThat(destinations.trusted).isEmpty();
        assertThat(destinations.tests).isZero();
        assertThat(testing.outcomeProperty().get()).isEqualTo("Not tested: the server's host key was not trusted, "
                + "so nothing was sent to it.");

        DestinationFormViewModel saving = model.editForm(model.rows().get(0));
        model.save(saving);
        assertThat(saving.offerProperty().get()).isEqualTo(KEY);
        assertThat(saving.doneProperty().get()).isFalse();
        model.refuse(saving);
        assertThat(saving.doneProperty().get()).isTrue();
        assertThat(model.warnedProperty().get()).as("saved, but not all is done").isTrue();
        assertThat(model.messageProperty().get()).isEqualTo("Destination offsite-ssh saved, but its server's host key "
                + "is not trusted: copies to it fail until a test trusts it.");
    }

    @Test
    void aTestFromTheListAsksAboutAnUntrustedKeyInTheSection() {
        model.save(sftpForm());
        destinations.offered = KEY;
        DestinationRowViewModel row = model.rows().get(0);

        model.test(row);

        assertThat(model.offerProperty().get()).isEqualTo(KEY);
        assertThat(destinations.tests).isZero();
        model.trustOffered();
        assertThat(destinations.trusted).containsExactly(KEY);
        assertThat(destinations.tests).isEqualTo(1);
        assertThat(model.failedProperty().get()).isTrue();
        assertThat(model.messageProperty().get()).startsWith("offsite-ssh failed the test: ");
    }

    @Test
    void removingSaysTheCopiesAlreadyThereStay() throws Exception {
        model.save(folderForm("nas", Files.createDirectories(dir.resolve("nas"))));
        DestinationRowViewModel row = model.rows().get(0);

        Question question = model.removeQuestion(row);
        model.remove(row);

        assertThat(question.text()).contains("The copies already there stay there");
        assertThat(question.action()).isEqualTo("Remove nas");
        assertThat(model.rows()).isEmpty();
        assertThat(destinations.store.list()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Destination nas removed; the copies already there stay "
                + "there.");
    }

    @Test
    void aRowSaysItsRulesWhetherItTakesOnlyEncryptedBackupsAndItsSecretsInWords() {
        DestinationFormViewModel form = model.newForm(Destination.Kind.SFTP);
        form.nameProperty().set("vault");
        form.urlProperty().set("sftp://backup@vault.example.com/backups");
        form.identityFileChosen(dir.resolve("id_ed25519"));
        form.requireEncryptionProperty().set(true);
        form.retention().keepLastProperty().set("7");
        form.retention().weeklyProperty().set("4");
        form.retention().maxAgeDaysProperty().set("90");
        model.save(form);

        DestinationRowViewModel row = model.rows().get(0);
        assertThat(row.kindText()).isEqualTo("SFTP");
        assertThat(row.onlyEncrypted()).isTrue();
        assertThat(row.retentionText()).isEqualTo("Keeps the last 7, 4 weekly; none older than 90 days");
        assertThat(row.secretsText()).isEqualTo("Logs in with its identity file; no passphrase stored");
    }
}
