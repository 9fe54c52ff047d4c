package io.backupdesk.restore;

import io.backupdesk.backup.BackupCatalog;
import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.SslMode;
import io.backupdesk.restore.roles.RolesMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import static io.backupdesk.restore.RestoreMode.IN_PLACE;
import static io.backupdesk.restore.RestoreMode.NEW_DATABASE;
import static io.backupdesk.restore.RestoreMode.SAFE_REPLACE;
import static io.backupdesk.restore.RestoreSection.DATA;
import static io.backupdesk.restore.RestoreSection.POST_DATA;
import static io.backupdesk.restore.RestoreSection.PRE_DATA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** pg_restore's switches under their names, and how they combine with the modes (decision 0047). */
class RestoreFlagsTest {
    private static final ConnectionProfile PROD = new ConnectionProfile("prod", "db1", 5432, "sales", "dba", SslMode.PREFER,
            null);

    @Test
    void eachSwitchReachesPgRestoreUnderItsOwnName() {
        RestoreFlags all = RestoreFlags.builder().role("reader").schemaOnly(true).noTablespaces(true)
                .disableTriggers(true).noDataForFailedTables(true).build();
        assertThat(ToolRestore.switches(all)).containsExactly("--role=reader", "--schema-only", "--no-tablespaces",
                "--disable-triggers", "--no-data-for-failed-tables");
        assertThat(ToolRestore.switches(RestoreFlags.builder().dataOnly(true).build())).containsExactly("--data-only");
        assertThat(ToolRestore.switches(RestoreFlags.builder().sections(List.of(POST_DATA, PRE_DATA, PRE_DATA)).build()))
                .containsExactly("--section=pre-data", "--section=post-data");
        assertThat(ToolRestore.switches(RestoreFlags.NONE)).isEmpty();
    }

    @Test
    void aBlankRoleIsNoneAndOneWithALineBreakIsRefused() {
        assertThat(RestoreFlags.builder().role("  ").build().any()).isFalse();
        assertThatThrownBy(() -> RestoreFlags.builder().role("a\nb").build()).hasMessageContaining("control character");
    }

    @Test
    void schemaOnlyDataOnlyAndSectionsNameTheSectionsRestored() {
        assertThat(RestoreFlags.builder().schemaOnly(true).build().restored()).containsExactlyInAnyOrder(PRE_DATA, POST_DATA);
        assertThat(RestoreFlags.builder().dataOnly(true).build().restored()).containsExactly(DATA);
        assertThat(RestoreFlags.builder().sections(List.of(DATA, POST_DATA)).build().restored())
                .containsExactlyInAnyOrder(DATA, POST_DATA);
        assertThat(RestoreFlags.NONE.whole()).isTrue();
        assertThat(RestoreFlags.builder().sections(List.of(PRE_DATA, DATA, POST_DATA)).build().whole()).isTrue();
        assertThat(RestoreSection.parse(" Post-Data ")).isEqualTo(POST_DATA);
        assertThatThrownBy(() -> RestoreSection.parse("schema")).hasMessageContaining("not a section");
    }

    @Test
    void switchesThatContradictEachOtherAreRefused() {
        assertThatThrownBy(() -> RestoreFlags.builder().schemaOnly(true).dataOnly(true).build())
                .hasMessageContaining("restore nothing");
        assertThatThrownBy(() -> RestoreFlags.builder().dataOnly(true).sections(List.of(DATA)).build())
                .hasMessageContaining("Sections cannot be combined");
        assertThatThrownBy(() -> RestoreFlags.builder().excludeSchemas(List.of("")).build()).hasMessageContaining("no name");
    }

    @Test
    void aSafeReplaceTakesTheWholeBackupOnly() {
        assertThatThrownBy(() -> plan(SAFE_REPLACE, RestoreFlags.builder().schemaOnly(true).build()))
                .hasMessageContaining("replaced by a database without rows")
                .satisfies(e -> assertThat(((BackupDeskException) e).commandLineHint()).contains("--mode new-database"));
        assertThatThrownBy(() -> plan(SAFE_REPLACE, RestoreFlags.builder().dataOnly(true).build()))
                .hasMessageContaining("without tables or indexes, constraints and triggers");
        assertThatThrownBy(() -> plan(SAFE_REPLACE, RestoreFlags.builder().excludeSchemas(List.of("audit")).build()))
                .hasMessageContaining("leave schemas out");
        assertThat(plan(SAFE_REPLACE, RestoreFlags.builder().sections(List.of(PRE_DATA, DATA, POST_DATA)).build()))
                .isNotNull();
    }

    @Test
    void aNewDatabaseNeedsTheDefinitions() {
        assertThatThrownBy(() -> plan(NEW_DATABASE, RestoreFlags.builder().dataOnly(true).build()))
                .hasMessageContaining("A new database has no tables, so the rows (data) alone would have nowhere to go")
                .satisfies(e -> assertThat(((BackupDeskException) e).commandLineHint()).contains("--section pre-data"));
        assertThatThrownBy(() -> plan(NEW_DATABASE, RestoreFlags.builder().sections(List.of(DATA, POST_DATA)).build()))
                .hasMessageContaining("the rows (data) and post-data alone");
        assertThat(plan(NEW_DATABASE, RestoreFlags.builder().sections(List.of(PRE_DATA, DATA)).build()).restoresRows())
                .isTrue();
        assertThat(plan(NEW_DATABASE, RestoreFlags.builder().schemaOnly(true).build()).restoresRows()).isFalse();
    }

    @Test
    void inPlaceTakesTheWholeBackupOrRowsAndPostDataIntoTheTablesThatAreThere() {
        assertThatThrownBy(() -> plan(IN_PLACE, RestoreFlags.builder().schemaOnly(true).build()))
                .hasMessageContaining("drops the tables of sales and makes them again without rows");
        assertThatThrownBy(() -> plan(IN_PLACE, RestoreFlags.builder().sections(List.of(PRE_DATA, DATA)).build()))
                .hasMessageContaining("without indexes, constraints and triggers");
        RestorePlan rows = plan(IN_PLACE, RestoreFlags.builder().dataOnly(true).build());
        assertThat(rows.loadsIntoExistingTables()).isTrue();
        assertThat(rows.whole()).isFalse();
        assertThat(ToolRestore.cleans(rows)).as("pg_restore refuses --clean with --data-only").isFalse();
        RestorePlan post = plan(IN_PLACE, RestoreFlags.builder().sections(List.of(POST_DATA)).build());
        assertThat(post.loadsIntoExistingTables()).isFalse();
        assertThat(ToolRestore.cleans(post)).isTrue();
        assertThat(ToolRestore.cleans(plan(IN_PLACE, RestoreFlags.NONE))).as("the whole database is made again").isFalse();
    }

    @Test
    void rowsIntoTablesThatKeepTheirKeysLoadOneTableAtATimeInOrder() {
        RestorePlan rows = plan(IN_PLACE, RestoreFlags.builder().dataOnly(true).build(), 0);
        assertThat(rows.jobs()).isEqualTo(1);
        assertThat(rows.ordersRowsByForeignKeys()).isTrue();
        assertThat(ToolRestore.needsUseList(rows)).isTrue();
        assertThatThrownBy(() -> plan(IN_PLACE, RestoreFlags.builder().dataOnly(true).build(), 4))
                .hasMessageContaining("parallel workers would load them in any order");
        RestorePlan unchecked = plan(IN_PLACE, RestoreFlags.builder().dataOnly(true).disableTriggers(true).build(), 4);
        assertThat(unchecked.jobs()).isEqualTo(4);
        assertThat(unchecked.ordersRowsByForeignKeys()).isFalse();
        RestorePlan withPostData = plan(IN_PLACE, RestoreFlags.builder().sections(List.of(DATA, POST_DATA)).build(), 4);
        assertThat(withPostData.ordersRowsByForeignKeys()).as("--clean drops the keys before the rows load").isFalse();
    }

    @Test
    void createMakesANewDatabaseOnly() {
        assertThat(plan(NEW_DATABASE, RestoreFlags.builder().create(true).build()).flags().create()).isTrue();
        assertThatThrownBy(() -> plan(SAFE_REPLACE, RestoreFlags.builder().create(true).build()))
                .hasMessageContaining("keeps those of sales");
        assertThatThrownBy(() -> plan(IN_PLACE, RestoreFlags.builder().create(true).build()))
                .hasMessageContaining("a restore in place keeps those of sales");
    }

    @Test
    void switchesOnRowsNeedRowsAndASchemaIsEitherChosenOrLeftOut() {
        assertThatThrownBy(() -> plan(NEW_DATABASE, RestoreFlags.builder().schemaOnly(true).disableTriggers(true).build()))
                .hasMessageContaining("act on rows");
        assertThatThrownBy(() -> plan(IN_PLACE, RestoreFlags.builder().dataOnly(true).noDataForFailedTables(true).build()))
                .hasMessageContaining("needs the tables to be created");
        assertThatThrownBy(() -> new RestorePlan(entry(BackupFormat.CUSTOM), PROD, "sales", IN_PLACE, 0, false, false,
                false, List.of("audit"), List.of(), true, false, Set.of(),
                RestoreFlags.builder().excludeSchemas(List.of("audit")).build()))
                .hasMessageContaining("both chosen and left out");
    }

    @Test
    void aPlainBackupTakesNoneOfThem() {
        assertThatThrownBy(() -> new RestorePlan(entry(BackupFormat.PLAIN), PROD, "sales", NEW_DATABASE, 0, false, false,
                false, List.of(), List.of(), true, false, Set.of(), RestoreFlags.builder().excludeSchemas(List.of("a"))
                .build())).hasMessageContaining("run by psql");
        assertThatThrownBy(() -> new RestorePlan(entry(BackupFormat.PLAIN), PROD, "sales", NEW_DATABASE, 0, false, false,
                false, List.of(), List.of(), true, false, Set.of(), RestoreFlags.builder().create(true).build()))
                .hasMessageContaining("run by psql");
    }

    @Test
    void leavingASchemaOutIsASelectionThatASafeReplaceRefuses() {
        RestorePlan plan = plan(NEW_DATABASE, RestoreFlags.builder().excludeSchemas(List.of("audit", "audit")).build());
        assertThat(plan.selective()).isTrue();
        assertThat(plan.flags().excludeSchemas()).containsExactly("audit");
        assertThat(plan.roles()).isEqualTo(RolesMode.SKIP);
    }

    @Test
    void theShownCommandIsTheOneRunWithOurStepsAsComments() {
        RestorePlan rows = plan(IN_PLACE, RestoreFlags.builder().dataOnly(true).role("loader").build(), 0);

        String shown = ShownRestore.of(rows, LocalDateTime.of(2026, 12, 6, 12, 0));

        String command = shown.lines().filter(l -> !l.startsWith("#")).reduce((a, b) -> b).orElseThrow();
        assertThat(command).isEqualTo("pg_restore --host=db1 --port=5432 --username=dba --dbname=sales --no-password"
                + " --verbose --exit-on-error --role=loader --data-only --use-list=restore-list.txt sales.dump");
        assertThat(shown).contains("the tables whose rows are restored are emptied (TRUNCATE)")
                .contains("each table's rows after those of the tables it refers to").doesNotContain("secret");
        String safe = ShownRestore.of(plan(SAFE_REPLACE, RestoreFlags.NONE, 2), LocalDateTime.of(2026, 12, 6, 12, 0));
        assertThat(safe).contains("--dbname=sales_restoring_20261206_120000 --no-password --verbose --jobs=2");
    }

    @Test
    void anEncryptedBackupIsShownStreamingFromAgeUnlessTheRestoreNeedsAFile() {
        RestorePlan streamed = new RestorePlan(encrypted(BackupFormat.CUSTOM, "sales.dump.age"), PROD, "sales",
                NEW_DATABASE, 1, false, false, false, List.of(), List.of(), true, false, Set.of(), RestoreFlags.NONE);
        RestorePlan plainSql = new RestorePlan(encrypted(BackupFormat.PLAIN, "sales.sql.gz.age"), PROD, "sales",
                NEW_DATABASE, 1, false, false, false, List.of(), List.of(), true, false, Set.of(), RestoreFlags.NONE);
        RestorePlan workers = new RestorePlan(encrypted(BackupFormat.CUSTOM, "sales.dump.age"), PROD, "sales",
                NEW_DATABASE, 2, false, false, false, List.of(), List.of(), true, false, Set.of(), RestoreFlags.NONE);

        String now = last(ShownRestore.of(streamed, LocalDateTime.of(2026, 12, 6, 12, 0)));
        assertThat(now).startsWith("age -d -i KEYFILE sales.dump.age | pg_restore ").doesNotContain(" sales.dump ")
                .doesNotEndWith("sales.dump");
        assertThat(last(ShownRestore.of(plainSql, LocalDateTime.of(2026, 12, 6, 12, 0))))
                .startsWith("age -d -i KEYFILE sales.sql.gz.age | gzip -dc | psql ");
        String copied = ShownRestore.of(workers, LocalDateTime.of(2026, 12, 6, 12, 0));
        assertThat(copied).contains("first decrypted (age -d) to an owner-only temporary file")
                .doesNotContain("KEYFILE");
        assertThat(last(copied)).startsWith("pg_restore ").endsWith(" sales.dump");
    }

    private static String last(String shown) {
        return shown.lines().filter(l -> !l.startsWith("#")).reduce((a, b) -> b).orElseThrow();
    }

    private static BackupCatalog.Entry encrypted(BackupFormat format, String file) {
        BackupRecord record = BackupRecord.builder().id("b1").profile("prod").host("db1").port(5432).database("sales")
                .serverVersion("15.4").pgDumpVersion("15.4").format(format).compression("gzip:1")
                .options(BackupOptions.ofFormat(format)).fileName(file).sizeBytes(1000)
                .databaseSizeBytes(10_000).sha256("0".repeat(64)).createdAt(Instant.parse("2026-11-20T02:00:00Z"))
                .durationMillis(1000).status(BackupStatus.OK).origin(BackupRecord.ORIGIN_MANUAL).encrypted(true)
                .recipients(List.of("age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq")).build();
        return new BackupCatalog.Entry(record, Path.of("sales.backup.json"), BackupStatus.OK);
    }

    private static RestorePlan plan(RestoreMode mode, RestoreFlags flags) {
        return plan(mode, flags, 1);
    }

    private static RestorePlan plan(RestoreMode mode, RestoreFlags flags, int jobs) {
        return new RestorePlan(entry(BackupFormat.CUSTOM), PROD, "sales", mode, jobs, false, false, false, List.of(),
                List.of(), true, false, Set.of(), flags);
    }

    static BackupCatalog.Entry entry(BackupFormat format) {
        BackupRecord record = BackupRecord.builder().id("b1").profile("prod").host("db1").port(5432).database("sales")
                .serverVersion("15.4").pgDumpVersion("15.4").format(format).compression("gzip:1")
                .options(BackupOptions.ofFormat(format)).fileName("sales.dump").sizeBytes(1000)
                .databaseSizeBytes(10_000).sha256("0".repeat(64)).createdAt(Instant.parse("2026-11-20T02:00:00Z"))
                .durationMillis(1000).status(BackupStatus.OK).origin(BackupRecord.ORIGIN_MANUAL).build();
        return new BackupCatalog.Entry(record, Path.of("sales.backup.json"), BackupStatus.OK);
    }
}
