package io.backupdesk.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DumpImporterTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "sales_2026.sql.gz, sales_2026",
            "sales_20261121-124307.dump, sales_20261121-124307",
            "sales.backup, sales",
            "nightly.tar, nightly",
            "plain.sql, plain",
            "folder.dir, folder",
            "old.gz, old",
            "pgadmin.pgdump, pgadmin",
            "SHOUTING.DUMP, SHOUTING",
            "with.dots.in.name.dump, with.dots.in.name",
            "no_ending, no_ending",
            "notes.txt, notes.txt"})
    void stemDropsTheDumpEnding(String name, String stem) {
        assertThat(DumpImporter.stem(name)).isEqualTo(stem);
    }

    @Test
    void aNameThatIsOnlyAnEndingIsKept() {
        assertThat(DumpImporter.stem(".dump")).isEqualTo(".dump");
    }
}
