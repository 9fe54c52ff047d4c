package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import org.apache.sshd.common.SshException;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;

import static io.backupdesk.offsite.SftpTesting.destination;
import static org.assertj.core.api.Assertions.assertThat;

class SftpErrorsTest {
    private static final String DESTINATION = "sftp://u@nas:2222/b";

    @Test
    void noSpaceAndQuotaStatusesAreADiskFull() {
        assertThat(kind(new SftpException(SftpConstants.SSH_FX_NO_SPACE_ON_FILESYSTEM, "x")))
                .isEqualTo(ErrorKind.DISK_FULL);
        assertThat(kind(new SftpException(SftpConstants.SSH_FX_QUOTA_EXCEEDED, "x"))).isEqualTo(ErrorKind.DISK_FULL);
    }

    @Test
    void aBareFailureThatSaysNoSpaceLeftIsADiskFullToo() {
        assertThat(kind(new SftpException(SftpConstants.SSH_FX_FAILURE, "No space left on device")))
                .isEqualTo(ErrorKind.DISK_FULL);
        assertThat(kind(new IOException("write failed: No space left on device"))).isEqualTo(ErrorKind.DISK_FULL);
    }

    @Test
    void permissionDeniedIsItsOwnKindAndNamesTheDestination() {
        BackupDeskException e = SftpErrors.of(new SftpException(SftpConstants.SSH_FX_PERMISSION_DENIED,
                "Permission denied"), DESTINATION, "uploading p/d/x.dump");

        assertThat(e.kind()).isEqualTo(ErrorKind.PERMISSION_DENIED);
        assertThat(e.getMessage()).contains(DESTINATION, "uploading p/d/x.dump");
    }

    @Test
    void aLostSessionIsAConnectionFailure() {
        assertThat(kind(new SshException("Session is being closed"))).isEqualTo(ErrorKind.CONNECTION);
        assertThat(kind(new EOFException())).isEqualTo(ErrorKind.CONNECTION);
    }

    @Test
    void aRefusedConnectionSaysSo() {
        SftpAddress address = SftpAddress.of(destination(DESTINATION, null));

        BackupDeskException e = SftpErrors.ofConnect(new SshException(new ConnectException("Connection refused")),
                address, DESTINATION);

        assertThat(e.kind()).isEqualTo(ErrorKind.CONNECTION);
        assertThat(e.getMessage()).contains(DESTINATION, "refused", "nas port 2222");
    }

    @Test
    void otherStatusesAreInputOutputFailuresWithTheServersWords() {
        BackupDeskException e = SftpErrors.of(new SftpException(SftpConstants.SSH_FX_FAILURE, "Failure"),
                DESTINATION, "listing the files");

        assertThat(e.kind()).isEqualTo(ErrorKind.IO);
        assertThat(e.getMessage()).contains("Failure", "SSH_FX_FAILURE", DESTINATION);
    }

    private static ErrorKind kind(Throwable e) {
        return SftpErrors.of(e, DESTINATION, "uploading x").kind();
    }
}
