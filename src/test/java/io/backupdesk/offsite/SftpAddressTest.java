package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.backupdesk.offsite.SftpTesting.destination;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SftpAddressTest {
    @Test
    void readsUserHostPortAndAnAbsoluteFolder() {
        SftpAddress address = SftpAddress.of(destination("sftp://backup@NAS.example.org:2222/srv/backups/", null));

        assertThat(address).isEqualTo(new SftpAddress("backup", "nas.example.org", 2222, "/srv/backups"));
        assertThat(address.knownHostsName()).isEqualTo("[nas.example.org]:2222");
        assertThat(address.pathOf("prod/sales/sales_20240101.dump"))
                .isEqualTo("/srv/backups/prod/sales/sales_20240101.dump");
    }

    @Test
    void portTwentyTwoIsTheDefaultAndNamesTheBareHostInKnownHosts() {
        SftpAddress address = SftpAddress.of(destination("sftp://u@host/b", null));

        assertThat(address.port()).isEqualTo(22);
        assertThat(address.knownHostsName()).isEqualTo("host");
    }

    @Test
    void aTildeFolderIsRelativeToTheHomeFolder() {
        assertThat(SftpAddress.of(destination("sftp://u@h/~/backups", null)).pathOf("a/b"))
                .isEqualTo("backups/a/b");
        assertThat(SftpAddress.of(destination("sftp://u@h/~", null)).pathOf("a/b")).isEqualTo("a/b");
        assertThat(SftpAddress.of(destination("sftp://u@h/", null)).pathOf("a/b")).isEqualTo("/a/b");
    }

    @Test
    void anIpv6HostLosesItsBrackets() {
        SftpAddress address = SftpAddress.of(destination("sftp://u@[::1]:2200/b", null));

        assertThat(address.host()).isEqualTo("::1");
        assertThat(address.knownHostsName()).isEqualTo("[::1]:2200");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/etc/passwd", "../outside", "a/../../b", "a//b", "a/", "a/./b", "a\\b", "a/b\nc"})
    void refusesKeysThatLeaveTheFolder(String key) {
        SftpAddress address = SftpAddress.of(destination("sftp://u@h/b", null));

        assertThatThrownBy(() -> address.pathOf(key)).isInstanceOfSatisfying(BackupDeskException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION));
    }

    @Test
    void aCopyNeverTakesAHiddenNameButMayLieInAFolderThatStartsWithADot() {
        SftpAddress address = SftpAddress.of(destination("sftp://u@h/b", null));

        assertThatThrownBy(() -> address.pathOfCopy("p/d/.x.dump")).isInstanceOf(BackupDeskException.class);
        assertThat(address.pathOfCopy("p/.d/x.dump")).isEqualTo("/b/p/.d/x.dump");
    }

    @Test
    void aPrefixIsListedFromItsFolder() {
        SftpAddress address = SftpAddress.of(destination("sftp://u@h/b", null));

        assertThat(address.folderOfPrefix("")).isEqualTo("/b");
        assertThat(address.folderOfPrefix("prod/sa")).isEqualTo("/b/prod");
        assertThat(address.folderOfPrefix("prod/sales/")).isEqualTo("/b/prod/sales");
    }

    @Test
    void theTemporaryNameIsHiddenBesideTheTarget() {
        assertThat(SftpUpload.temporaryNameOf("/b/prod/x.dump")).isEqualTo("/b/prod/.x.dump.partial");
        assertThat(SftpUpload.temporaryNameOf("x.dump")).isEqualTo(".x.dump.partial");
    }
}
