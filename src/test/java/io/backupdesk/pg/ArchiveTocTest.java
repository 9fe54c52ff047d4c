package io.backupdesk.pg;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveTocTest {
    /** What pg_restore 15 --list printed for a custom-format archive. */
    private static final List<String> LISTING = """
            ;
            ; Archive created at 2026-11-21 12:43:07 UTC
            ;     dbname: probe
            ;     TOC Entries: 24
            ;     Compression: 1
            ;     Dump Version: 1.14-0
            ;     Format: CUSTOM
            ;     Integer: 4 bytes
            ;     Offset: 8 bytes
            ;     Dumped from database version: 15.18 (Debian 15.18-0+deb12u1)
            ;     Dumped by pg_dump version: 15.18 (Debian 15.18-0+deb12u1)
            ;
            ;
            ; Selected TOC Entries:
            ;
            214; 1259 16388 TABLE public pgbench_accounts backupdesk
            3356; 0 16394 TABLE DATA public pgbench_history backupdesk
            3357; 0 16391 TABLE DATA public pgbench_tellers backupdesk
            3358; 0 16388 TABLE DATA public pgbench_accounts backupdesk
            3359; 0 16413 TABLE DATA Lager_Überblick Artikel_Größe backupdesk
            3210; 2606 16402 CONSTRAINT public pgbench_accounts pgbench_accounts_pkey backupdesk
            """.lines().toList();

    @Test
    void theHeaderGivesDatabaseFormatAndCreationTime() {
        ArchiveToc toc = ArchiveToc.parse(LISTING);

        assertThat(toc.database()).isEqualTo("probe");
        assertThat(toc.format()).isEqualTo("CUSTOM");
        assertThat(toc.createdAt()).isEqualTo("2026-11-21 12:43:07 UTC");
    }

    @Test
    void theServerVersionIsReadFromTheHeader() {
        assertThat(ArchiveToc.parse(LISTING).serverVersion()).contains(new PgVersion(150018));
    }

    @Test
    void thePgDumpVersionIsReadFromTheHeader() {
        assertThat(ArchiveToc.parse(LISTING).dumpVersion()).contains(new PgVersion(150018));
    }

    @Test
    void onlyTableDataEntriesAreListedWithTheirTableOid() {
        assertThat(ArchiveToc.parse(LISTING).tableData()).containsExactly(
                new ArchiveToc.DataEntry(16394, "public", "pgbench_history"),
                new ArchiveToc.DataEntry(16391, "public", "pgbench_tellers"),
                new ArchiveToc.DataEntry(16388, "public", "pgbench_accounts"),
                new ArchiveToc.DataEntry(16413, "Lager_Überblick", "Artikel_Größe"));
    }

    @Test
    void aListingWithoutHeaderOrDataGivesAnEmptyToc() {
        ArchiveToc toc = ArchiveToc.parse(List.of(";", "; Selected TOC Entries:"));

        assertThat(toc.database()).isNull();
        assertThat(toc.serverVersion()).isEmpty();
        assertThat(toc.tableData()).isEmpty();
    }
}
