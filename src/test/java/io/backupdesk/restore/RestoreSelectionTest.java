package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.TableCount;
import io.backupdesk.pg.TocEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The use-list keeps entries by their exact names and the dependencies pg_dump recorded. */
class RestoreSelectionTest {
    private static final List<TocEntry> TOC = List.of(
            e(1, "ENCODING", "", "ENCODING"),
            e(2, "EXTENSION", "", "pg_trgm"),
            e(7, "SCHEMA", "", "Sales Dept"),
            e(8, "SCHEMA", "", "Sales"),
            e(218, "TABLE", "Sales Dept", "Kunden Übersicht", 7),
            e(219, "TABLE", "Sales Dept", "other", 7),
            e(220, "TABLE", "Sales", "Dept Kunden Übersicht", 8),
            e(221, "TABLE", "Sales Dept", "a.b", 7),
            e(216, "SEQUENCE", "Sales Dept", "Kunden Übersicht_id_seq", 218, 7),
            e(3414, "SEQUENCE OWNED BY", "Sales Dept", "Kunden Übersicht_id_seq", 216),
            e(3252, "DEFAULT", "Sales Dept", "Kunden Übersicht id", 218, 216),
            e(3412, "COMMENT", "Sales Dept", "COLUMN \"Kunden Übersicht\".name", 218),
            e(3401, "TABLE DATA", "Sales Dept", "Kunden Übersicht", 218),
            e(3402, "TABLE DATA", "Sales Dept", "other", 219),
            e(3403, "TABLE DATA", "Sales", "Dept Kunden Übersicht", 220),
            e(3415, "SEQUENCE SET", "Sales Dept", "Kunden Übersicht_id_seq", 216),
            e(3254, "CONSTRAINT", "Sales Dept", "Kunden Übersicht Kunden Übersicht_pkey", 218),
            e(3255, "INDEX", "Sales Dept", "k idx", 218),
            e(3256, "FK CONSTRAINT", "Sales Dept", "other other_id_fkey", 219, 218, 3254),
            e(3404, "BLOBS", "", "BLOBS"));

    @Test
    void aTableKeepsItsDataDefaultsSequenceIndexesAndCommentsButNotAForeignKeyOfAnotherTable() {
        assertThat(RestoreSelection.kept(TOC, List.of(), List.of("Sales Dept.Kunden Übersicht"), false))
                .containsExactlyInAnyOrder(1, 2, 7, 218, 216, 3414, 3252, 3412, 3401, 3415, 3254, 3255);
    }

    @Test
    void aSchemaWithASpaceIsMatchedExactlyNotAsTwoWords() {
        assertThat(RestoreSelection.kept(TOC, List.of("Sales Dept"), List.of(), false))
                .contains(7, 218, 219, 221, 3401, 3402, 3256).doesNotContain(8, 220, 3403, 3404);
    }

    @Test
    void aNameWithADotIsNamedInQuotes() {
        assertThat(RestoreSelection.kept(TOC, List.of(), List.of("\"Sales Dept\".\"a.b\""), false)).contains(221, 7)
                .doesNotContain(218, 220);
        assertThat(RestoreSelection.kept(TOC, List.of(), List.of("\"a.b\""), false)).contains(221);
    }

    @Test
    void theUseListNamesEntriesByIdAndNoNameCanStartALine() {
        List<TocEntry> toc = List.of(e(3, "TABLE", "s", "x\n45; TABLE evil"), e(45, "TABLE", "s", "evil"));

        List<String> lines = RestoreSelection.useList(toc, List.of(), List.of("s.x\n45; TABLE evil"), true);

        assertThat(lines).containsExactly("3; TABLE s x 45; TABLE evil", ";45; TABLE s evil");
    }

    @Test
    void theBackupsTablesAreMatchedTheSameWay() {
        TableCount kunden = new TableCount("Sales Dept", "Kunden Übersicht", 1L);

        assertThat(RestoreSelection.includes(kunden, List.of("Sales Dept"), List.of())).isTrue();
        assertThat(RestoreSelection.includes(kunden, List.of("Sales"), List.of())).isFalse();
        assertThat(RestoreSelection.includes(kunden, List.of(), List.of("Kunden Übersicht"))).isTrue();
        assertThat(RestoreSelection.includes(kunden, List.of(), List.of("Sales.Dept Kunden Übersicht"))).isFalse();
    }

    @Test
    void aTableThatCannotBeReadIsRefusedWithTheRule() {
        assertThatThrownBy(() -> RestoreSelection.kept(TOC, List.of(), List.of("a.b.c"), false))
                .isInstanceOf(BackupDeskException.class).hasMessageContaining("more than a schema and a name");
    }

    private static TocEntry e(int id, String desc, String namespace, String tag, Integer... deps) {
        return new TocEntry(id, 0, 0, desc, namespace, tag, "", "", List.of(deps), true);
    }
}
