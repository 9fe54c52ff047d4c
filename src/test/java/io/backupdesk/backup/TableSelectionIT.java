package io.backupdesk.backup;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.BackupRecord;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.DumpScope;
import io.backupdesk.core.TableCount;
import io.backupdesk.pg.ArchiveToc;
import io.backupdesk.testing.EngineRig;
import io.backupdesk.testing.PostgresServerExtension;
import io.backupdesk.testing.TestServer;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Our reading of pg_dump's -n/-N/-t/-T rules picks exactly the tables pg_dump dumps. The plain format relies on it
 * alone, so it is checked against the table of contents of a custom archive made with the same patterns.
 */
@ExtendWith(PostgresServerExtension.class)
class TableSelectionIT {

    static Stream<Arguments> selections() {
        return Stream.of(
                Arguments.of(List.of(), List.of(), List.of(), List.of(), List.of("other.a", "other.t1", "public.a", "public.MixedCase", "sales.orders")),
                Arguments.of(List.of("other"), List.of(), List.of(), List.of(), List.of("other.a", "other.t1")),
                Arguments.of(List.of(), List.of("other"), List.of(), List.of(), List.of("public.a", "public.MixedCase", "sales.orders")),
                Arguments.of(List.of(), List.of(), List.of("a"), List.of(), List.of("public.a")),
                Arguments.of(List.of(), List.of(), List.of("*.a"), List.of(), List.of("other.a", "public.a")),
                Arguments.of(List.of(), List.of(), List.of("\"MixedCase\""), List.of(), List.of("public.MixedCase")),
                Arguments.of(List.of("other"), List.of(), List.of("sales.*"), List.of(), List.of("sales.orders")),
                Arguments.of(List.of(), List.of(), List.of(), List.of("t?", "other.a"), List.of("other.t1", "public.a", "public.MixedCase", "sales.orders")),
                Arguments.of(List.of("o*"), List.of(), List.of(), List.of("other.t[0-9]"), List.of("other.a")));
    }

    @ParameterizedTest(name = "-n {0} -N {1} -t {2} -T {3}")
    @MethodSource("selections")
    void theSidecarListsExactlyTheTablesPgDumpDumped(List<String> schemas, List<String> excludeSchemas, List<String> tables,
                                                     List<String> excludeTables, List<String> expected,
                                                     TestServer server, @TempDir Path dir) throws Exception {
        String db = server.createDatabase();
        server.execute(db, "create schema other; create schema sales;"
                + " create table public.a(x int); create table other.a(x int); create table other.t1(x int);"
                + " create table public.\"MixedCase\"(x int); create table sales.orders(x int);"
                + " insert into other.t1 values (1), (2); insert into public.\"MixedCase\" values (3)");
        EngineRig rig = EngineRig.standard(dir, server);
        ConnectionProfile profile = rig.addProfile("p", db);

        BackupRecord custom = rig.backup(profile, options(BackupFormat.CUSTOM, schemas, excludeSchemas, tables, excludeTables));
        BackupRecord plain = rig.backup(profile, options(BackupFormat.PLAIN, schemas, excludeSchemas, tables, excludeTables));

        List<String> inArchive = ArchiveToc.read(rig.catalog.require(custom.id()).archive()).tableData().stream().map(e -> e.schema() + "." + e.name()).sorted().toList();
        assertThat(inArchive).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(names(custom)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(names(plain)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(plain.tables()).filteredOn(t -> t.name().equals("t1")).extracting(TableCount::rows).allMatch(r -> r == 2L);
    }

    private static List<String> names(BackupRecord record) {
        return record.tables().stream().map(TableCount::qualifiedName).toList();
    }

    private static BackupOptions options(BackupFormat format, List<String> schemas, List<String> excludeSchemas,
                                         List<String> tables, List<String> excludeTables) {
        return BackupOptions.builder().format(format).schemas(schemas).excludeSchemas(excludeSchemas).tables(tables)
                .excludeTables(excludeTables).scope(DumpScope.ALL).build();
    }
}
