package io.backupdesk.restore;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.TableCount;
import io.backupdesk.pg.TocEntry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

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

    @Test
    void aSchemaLeftOutGoesWithEverythingInItAndOnItMatchedExactly() {
        List<TocEntry> toc = List.of(
                e(1, "ENCODING", "", "ENCODING"),
                e(6, "SCHEMA", "", "we.ird \"s\" ü"),
                e(7, "SCHEMA", "", "we.ird"),
                e(9, "COMMENT", "", "SCHEMA \"we.ird \"\"s\"\" ü\"", 6),
                e(10, "ACL", "", "SCHEMA \"we.ird \"\"s\"\" ü\"", 6),
                e(215, "TABLE", "we.ird \"s\" ü", "t", 6),
                e(216, "TABLE", "we.ird", "t", 7),
                e(217, "TABLE", "public", "child"),
                e(3354, "TABLE DATA", "we.ird \"s\" ü", "t", 215),
                e(3355, "TABLE DATA", "we.ird", "t", 216),
                e(3206, "CONSTRAINT", "we.ird \"s\" ü", "t t_pkey", 215),
                e(3211, "FK CONSTRAINT", "public", "child child_fkey", 215, 3206, 217));
        List<String> odd = List.of("we.ird \"s\" ü");

        Set<Integer> inNew = RestoreSelection.kept(toc, List.of(), List.of(), odd, false);
        Set<Integer> inPlace = RestoreSelection.kept(toc, List.of(), List.of(), odd, true);

        assertThat(inNew).containsExactlyInAnyOrder(1, 7, 216, 217, 3355);
        assertThat(RestoreSelection.foreignKeysLeftOut(toc, List.of(), List.of(), odd))
                .containsExactly("public.child child_fkey");
        assertThat(inPlace).as("in place the table left out stays, so a key to it is made; schemas there stay as they are")
                .containsExactlyInAnyOrder(1, 216, 217, 3355, 3211);
        assertThat(RestoreSelection.kept(toc, List.of(), List.of(), List.of("we.ird \"s\""), false))
                .as("a name that only starts like another leaves out nothing of it").contains(6, 215, 3354);
        assertThat(RestoreSelection.kept(toc, List.of(), List.of(), List.of("WE.IRD"), false)).contains(7, 216);
    }

    @Test
    void rowsComeAfterTheRowsOfTheTablesTheyReferToAndNothingElseMoves() {
        List<TocEntry> toc = List.of(
                e(216, "TABLE", "public", "achild"),
                e(215, "TABLE", "public", "zparent"),
                e(217, "TABLE", "public", "self"),
                e(3355, "TABLE DATA", "public", "achild", 216),
                e(3357, "TABLE DATA", "public", "self", 217),
                e(3354, "TABLE DATA", "public", "zparent", 215),
                e(3206, "CONSTRAINT", "public", "zparent zparent_pkey", 215),
                e(3207, "CONSTRAINT", "public", "self self_pkey", 217),
                e(3211, "FK CONSTRAINT", "public", "achild achild_p_fkey", 215, 3206, 216),
                e(3212, "FK CONSTRAINT", "public", "self self_up_fkey", 217, 3207));

        List<Integer> order = TableDataOrder.referencedFirst(toc).stream().map(TocEntry::dumpId).toList();

        assertThat(order).containsExactly(216, 215, 217, 3357, 3354, 3355, 3206, 3207, 3211, 3212);
    }

    @Test
    void tablesInACycleOfKeysKeepTheArchivesOrder() {
        List<TocEntry> toc = List.of(
                e(1, "TABLE", "public", "a"), e(2, "TABLE", "public", "b"),
                e(11, "TABLE DATA", "public", "a", 1), e(12, "TABLE DATA", "public", "b", 2),
                e(21, "CONSTRAINT", "public", "a a_pkey", 1), e(22, "CONSTRAINT", "public", "b b_pkey", 2),
                e(31, "FK CONSTRAINT", "public", "a a_b", 2, 22, 1), e(32, "FK CONSTRAINT", "public", "b b_a", 1, 21, 2));

        assertThat(TableDataOrder.referencedFirst(toc).stream().map(TocEntry::dumpId).toList())
                .containsExactly(1, 2, 11, 12, 21, 22, 31, 32);
    }

    @Test
    void rowsMovedAheadOfRowsTheArchiveHoldsFirstAreNamedSoThatATarFileCanRefuseThem() {
        List<TocEntry> toc = List.of(
                e(10, "TABLE", "s", "child"), e(11, "TABLE", "s", "parent"), e(12, "TABLE", "s", "zz"),
                e(20, "TABLE DATA", "s", "child", 10), e(21, "TABLE DATA", "s", "parent", 11),
                e(22, "TABLE DATA", "s", "zz", 12),
                e(30, "CONSTRAINT", "s", "parent parent_pkey", 11), e(31, "FK CONSTRAINT", "s", "child child_p_fkey", 10, 30));

        assertThat(TableDataOrder.referencedFirst(toc).stream().map(TocEntry::dumpId))
                .containsExactly(10, 11, 12, 21, 20, 22, 30, 31);
        assertThat(TableDataOrder.firstMoved(toc, Set.of(20, 21, 22))).hasValueSatisfying(pair ->
                assertThat(List.of(pair[0].tag(), pair[1].tag())).containsExactly("parent", "child"));
        assertThat(TableDataOrder.firstMoved(toc, Set.of(21, 22))).as("the child's rows are not restored").isEmpty();
        assertThat(TableDataOrder.firstMoved(toc, Set.of(20, 22))).as("the parent's rows are not restored").isEmpty();
    }

    private static TocEntry e(int id, String desc, String namespace, String tag, Integer... deps) {
        return new TocEntry(id, 0, 0, desc, namespace, tag, "", "", List.of(deps), true);
    }
}
