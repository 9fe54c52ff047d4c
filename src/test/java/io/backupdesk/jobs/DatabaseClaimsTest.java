package io.backupdesk.jobs;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.ErrorKind;
import io.backupdesk.core.SslMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseClaimsTest {
    private static final String SALES = "sales on db1:5432";

    @TempDir
    Path dir;

    @Test
    void oneDatabaseIsOneClaimHoweverItsLocalServerIsSpelled() {
        List<String> keys = Stream.of("localhost", "127.0.0.1", "LOCALHOST", "::1", "127.0.1.1", "/var/run/postgresql")
                .map(host -> DatabaseClaims.keyOf(new ConnectionProfile("p", host, 5432, "sales", "u",
                        SslMode.PREFER, null))).distinct().toList();
        DatabaseClaims claims = new DatabaseClaims();

        assertThat(keys).containsExactly("sales on localhost:5432");
        assertThat(claims.claim(DatabaseClaims.keyOf(new ConnectionProfile("a", "localhost", 5432, "sales", "u",
                SslMode.PREFER, null)), "backup")).isTrue();
        assertThat(claims.claim(DatabaseClaims.keyOf(new ConnectionProfile("b", "127.0.0.1", 5432, "sales", "v",
                SslMode.PREFER, null)), "restore")).as("the same database under another spelling").isFalse();
        assertThat(DatabaseClaims.keyOf(new ConnectionProfile("c", "10.1.2.3", 5432, "sales", "u", SslMode.PREFER, null)))
                .isEqualTo("sales on 10.1.2.3:5432");
        assertThat(DatabaseClaims.keyOf(new ConnectionProfile("d", "127.0.0.1", 5433, "sales", "u", SslMode.PREFER, null)))
                .as("another port is another server").isEqualTo("sales on localhost:5433");
    }

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
