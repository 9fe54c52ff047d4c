package io.backupdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.backupdesk.store.Json;
import io.backupdesk.testing.Cli;
import io.backupdesk.testing.Fixtures;
import io.backupdesk.testing.PgTools;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** pg_restore's switches reach the real pg_restore, and those that would do more than asked are refused first. */
@ExtendWith(PostgresServerExtension.class)
class RestoreFlagsIT {
    @TempDir
    Path dir;
    private TestServer server;
    private String db;
    private String backupId;

    @BeforeEach
    void backedUpShop(TestServer server) throws Exception {
        this.server = server;
        db = Fixtures.shopWithProfile(server, cli());
        Cli.Run made = cli().run("backup", "prod", "--json");
        assertThat(made.code()).as(made.err()).isZero();
        backupId = Json.mapper().readTree(made.out()).get("id").asText();
    }

    @Test
    void aSchemaOnlyRestoreMakesTheTablesWithoutRowsAndIsComplete() throws Exception {
        String copy = server.reserveName();

        Cli.Run run = cli().run("restore", backupId, "--target", "prod", "--database", copy, "--mode", "new-database",
                "--schema-only", "--yes", "--json");

        assertThat(run.code()).as(run.err()).isZero();
        JsonNode report = Json.mapper().readTree(run.out());
        assertThat(report.get("outcome").asText()).isEqualTo("complete");
        assertThat(PgTools.schema(server, copy).replace(copy, "DB")).isEqualTo(PgTools.schema(server, db).replace(db, "DB"));
        assertThat(PgTools.rowCounts(server, copy)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
    }

    @Test
    void aSchemaOnlyRestoreOverADatabaseIsRefusedBeforeAnythingChanges() throws Exception {
        Cli.Run run = cli().run("restore", backupId, "--target", "prod", "--schema-only", "--yes");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("without rows").contains("--mode new-database");
        assertThat(PgTools.rowCounts(server, db)).containsEntry("shop.orders", 5000L);
    }

    @Test
    void theRoleIsSetBeforeRestoringSoARoleThatMayNotCreateFails() {
        String weak = server.createRole("pw");
        String copy = server.reserveName();
        String other = server.reserveName();

        Cli.Run refused = cli().run("restore", backupId, "--target", "prod", "--database", copy, "--mode",
                "new-database", "--role", weak, "--yes");
        Cli.Run allowed = cli().run("restore", backupId, "--target", "prod", "--database", other, "--mode",
                "new-database", "--role", server.user(), "--yes");

        assertThat(refused.code()).isEqualTo(1);
        assertThat(refused.out() + refused.err()).containsIgnoringCase("permission denied");
        assertThat(allowed.code()).as(allowed.err()).isZero();
    }

    private Cli cli() {
        return new Cli(dir.resolve("config"), dir.resolve("backups"));
    }
}
