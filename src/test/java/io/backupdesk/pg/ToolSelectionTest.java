package io.backupdesk.pg;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static io.backupdesk.pg.FakeClientTools.install;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ToolSelectionTest {
    @TempDir
    Path tmp;

    private static ToolSelection selection(Path configured, Path... dirs) {
        return new ToolSelection(new ToolDiscovery(configured, List.of(dirs), ToolDiscovery::runVersion));
    }

    @Test
    void theClosestCompatibleMajorIsChosen() throws IOException {
        Path pg13 = install(tmp, "13", "13.4");
        Path pg17 = install(tmp, "17", "17.2");
        Path pg15 = install(tmp, "15", "15.2");

        ClientInstallation chosen = selection(null, pg17, pg13, pg15).forDump(new PgVersion(140011));

        assertThat(chosen.binDir()).isEqualTo(pg15);
        assertThat(chosen.version()).isEqualTo(new PgVersion(150002));
    }

    @Test
    void theSameMajorAsTheServerIsCompatible() throws IOException {
        Path pg15 = install(tmp, "15", "15.2");
        Path pg16 = install(tmp, "16", "16.1");

        assertThat(selection(null, pg16, pg15).forDump(new PgVersion(150018)).binDir()).isEqualTo(pg15);
    }

    @Test
    void aCompatibleConfiguredFolderWinsOverACloserMajor() throws IOException {
        Path configured = install(tmp, "configured", "17.2");
        Path pg15 = install(tmp, "15", "15.2");

        assertThat(selection(configured, configured, pg15).forDump(new PgVersion(150018)).binDir()).isEqualTo(configured);
    }

    @Test
    void aConfiguredFolderThatIsTooOldIsPassedOver() throws IOException {
        Path configured = install(tmp, "configured", "13.4");
        Path pg16 = install(tmp, "16", "16.1");

        assertThat(selection(configured, configured, pg16).forDump(new PgVersion(150018)).binDir()).isEqualTo(pg16);
    }

    @Test
    void aTenClientServesANineSixServer() throws IOException {
        Path pg10 = install(tmp, "10", "10.23");
        Path pg95 = install(tmp, "95", "9.5.25");

        assertThat(selection(null, pg95, pg10).forDump(new PgVersion(90624)).binDir()).isEqualTo(pg10);
    }

    @Test
    void aTooOldClientIsAVersionMismatchNamingServerNewestAndInstallHint() throws IOException {
        Path pg13 = install(tmp, "13", "13.4");
        Path pg15 = install(tmp, "15", "15.2");

        assertThatThrownBy(() -> selection(null, pg13, pg15).forDump(new PgVersion(160001)))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.VERSION_MISMATCH);
                    assertThat(e.getMessage()).isEqualTo("The server runs PostgreSQL 16.1, but the newest pg_dump found is 15.2 ("
                            + pg15 + "); it must be version 16 or newer.");
                    assertThat(e.hint()).isEqualTo(InstallHints.clientTools("16")).contains("16");
                });
    }

    @Test
    void noClientAtAllIsToolMissing() {
        assertThatThrownBy(() -> selection(null, tmp).forDump(new PgVersion(150018)))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.TOOL_MISSING);
                    assertThat(e.getMessage()).isEqualTo("pg_dump was not found on this computer.");
                    assertThat(e.hint()).contains("15");
                });
    }

    @Test
    void pgDumpAllIsChosenOnlyFromFoldersThatHaveIt() throws IOException {
        Path dumpOnly = install(tmp, "dumponly", "15.2", ClientTool.PG_DUMP);
        Path full = install(tmp, "full", "16.1");

        ToolSelection selection = selection(null, dumpOnly, full);

        assertThat(selection.forDump(new PgVersion(150018)).binDir()).isEqualTo(dumpOnly);
        assertThat(selection.forDumpAll(new PgVersion(150018)).binDir()).isEqualTo(full);
    }

    @Test
    void missingPgDumpAllIsToolMissingEvenWithPgDumpPresent() throws IOException {
        Path dumpOnly = install(tmp, "dumponly", "15.2", ClientTool.PG_DUMP);

        assertThatThrownBy(() -> selection(null, dumpOnly).forDumpAll(new PgVersion(150018)))
                .isInstanceOfSatisfying(BackupDeskException.class,
                        e -> assertThat(e.getMessage()).isEqualTo("pg_dumpall was not found on this computer."));
    }

    @Test
    void newestPicksTheHighestVersionWhateverTheSearchOrder() throws IOException {
        Path pg13 = install(tmp, "13", "13.4");
        Path pg16 = install(tmp, "16", "16.1");
        Path pg15 = install(tmp, "15", "15.2");

        assertThat(selection(null, pg13, pg16, pg15).newest(ClientTool.PG_RESTORE))
                .map(ClientInstallation::binDir).contains(pg16);
    }

    @Test
    void compatibleIsEmptyInsteadOfAnError() throws IOException {
        Path pg13 = install(tmp, "13", "13.4");

        assertThat(selection(null, pg13).compatible(ClientTool.PG_DUMP, new PgVersion(150018))).isEmpty();
    }
}
