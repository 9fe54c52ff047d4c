package io.backupdesk.schedule;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseClaimsTest {
    private static final String SALES = "sales on db1:5432";

    @TempDir
    Path dir;

    @Test
    void oneJobPerDatabaseWithinTheProcess() {
        DatabaseClaims claims = new DatabaseClaims();

        assertThat(claims.claim(SALES, "restore")).isTrue();
        assertThat(claims.claim(SALES, "backup")).isFalse();
        assertThat(claims.claim("crm on db1:5432", "backup")).isTrue();
        assertThat(claims.holder(SALES)).contains("restore");

        claims.release(SALES);

        assertThat(claims.holder(SALES)).isEmpty();
        assertThat(claims.claim(SALES, "backup")).isTrue();
    }

    @Test
    void claimsInTheSameFolderExcludeEachOtherAndNameTheJob() {
        // two sets of claims on one folder stand for two processes on one configuration (the app, a command)
        DatabaseClaims app = new DatabaseClaims(dir);
        DatabaseClaims command = new DatabaseClaims(dir);

        assertThat(app.claim(SALES, "scheduled backup")).isTrue();

        assertThat(command.claim(SALES, "restore")).isFalse();
        assertThat(command.holder(SALES)).contains("scheduled backup");
        assertThat(command.skipReason(SALES)).isEqualTo("A scheduled backup of sales on db1:5432 was still running.");
        assertThatThrownBy(() -> command.whileHolding(SALES, "restore", () -> "restored"))
                .isInstanceOfSatisfying(BackupDeskException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.BUSY))
                .hasMessage("A scheduled backup of sales on db1:5432 is running now.");
        assertThat(command.claim("crm on db1:5432", "backup")).as("another database is free").isTrue();

        app.release(SALES);

        assertThat(command.holder(SALES)).isEmpty();
        assertThat(command.whileHolding(SALES, "restore", () -> "restored")).isEqualTo("restored");
        assertThat(app.claim(SALES, "backup")).as("released after the work").isTrue();
    }

    @Test
    void aFolderThatCannotBeUsedLeavesTheClaimsToThisProcess() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("claims"), "a file where the folder should be");
        DatabaseClaims claims = new DatabaseClaims(notAFolder);

        assertThat(claims.claim(SALES, "backup")).isTrue();
        assertThat(claims.claim(SALES, "restore")).isFalse();
        claims.release(SALES);
        assertThat(claims.claim(SALES, "restore")).isTrue();
    }
}
