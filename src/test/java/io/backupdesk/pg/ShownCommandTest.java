package io.backupdesk.pg;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.Compression;
import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.SslMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ShownCommandTest {
    private static final PgVersion PG15 = PgVersion.ofMajor(15);
    private static final ConnectionProfile SHOP = new ConnectionProfile("prod", "db.example", 5433, "shop", "dba",
            SslMode.PREFER, null);

    @Test
    void theConnectionIsSpelledOutAndTheArchiveNamedAsTheBackupWouldBe() {
        String line = ShownCommand.backup(SHOP, BackupOptions.defaults(), PG15, "shop_20261206-120000.dump", List.of(), false);

        assertThat(line).isEqualTo("pg_dump --host=db.example --port=5433 --username=dba --dbname=shop --no-password"
                + " --verbose --format=c --file=shop_20261206-120000.dump --compress=1 --lock-wait-timeout=60000");
    }

    @Test
    void whatWeDoToTheOutputOurselvesIsShownAsThePipeThatDoesTheSame() {
        String plain = ShownCommand.backup(SHOP, BackupOptions.builder().format(BackupFormat.PLAIN)
                .compression(Compression.parse("6")).build(), PG15, "shop.sql.gz.age", List.of("age1abc", "age1def"), false);
        String passphrase = ShownCommand.backup(SHOP, BackupOptions.defaults(), PG15, "shop.dump.age", List.of(), true);

        assertThat(plain).doesNotContain("--file").endsWith(" | gzip -6 | age -r age1abc -r age1def > shop.sql.gz.age");
        assertThat(passphrase).doesNotContain("--file").endsWith(" --lock-wait-timeout=60000 | age -p > shop.dump.age");
    }

    @Test
    void aNameAShellOrLibpqWouldReadOtherwiseIsQuotedForBoth() {
        ConnectionProfile odd = new ConnectionProfile("odd", null, 5432, "it's a=b", null, SslMode.REQUIRE, "office");

        String line = ShownCommand.backup(odd, BackupOptions.defaults(), PG15, "it_s_a_b.dump", List.of(), false);

        assertThat(line).startsWith("PGSERVICE=office PGSSLMODE=require pg_dump '--dbname=dbname='\\''it\\'\\''s a=b'\\'''")
                .doesNotContain("--host");
    }
}
