package io.backupdesk.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class PgPassFileTest {
    @TempDir
    Path tmp;

    private PgPassFile pgpass() {
        return new PgPassFile(tmp.resolve("pgpass"));
    }

    @Test
    void aStoredPasswordIsFoundForAnyDatabaseOnThatServer() {
        PgPassFile file = pgpass();
        file.store("db1", 5432, "alice", "s3cret");

        assertThat(file.lookup("db1", 5432, "sales", "alice")).contains("s3cret");
        assertThat(file.lookup("db1", 5432, "postgres", "alice")).contains("s3cret");
    }

    @Test
    void anotherHostPortOrUserFindsNothing() {
        PgPassFile file = pgpass();
        file.store("db1", 5432, "alice", "s3cret");

        assertThat(file.lookup("db2", 5432, "sales", "alice")).isEmpty();
        assertThat(file.lookup("db1", 5433, "sales", "alice")).isEmpty();
        assertThat(file.lookup("db1", 5432, "sales", "bob")).isEmpty();
    }

    @Test
    void aMissingFileFindsNothing() {
        assertThat(pgpass().lookup("db1", 5432, "sales", "alice")).isEmpty();
    }

    @Test
    void theLineIsWrittenInLibpqsFormatWithADatabaseWildcard() throws IOException {
        pgpass().store("db1", 5432, "alice", "s3cret");

        assertThat(Files.readAllLines(tmp.resolve("pgpass"))).containsExactly("db1:5432:*:alice:s3cret");
    }

    @Test
    void aNullHostIsStoredAsAWildcardThatMatchesEveryHost() throws IOException {
        PgPassFile file = pgpass();
        file.store(null, 5432, "alice", "pw");

        assertThat(Files.readAllLines(tmp.resolve("pgpass"))).containsExactly("*:5432:*:alice:pw");
        assertThat(file.lookup("anywhere", 5432, "db", "alice")).contains("pw");
    }

    @Test
    void wildcardsInHandWrittenLinesMatchAnything() throws IOException {
        Files.writeString(tmp.resolve("pgpass"), "*:*:*:*:catchall\n");

        assertThat(pgpass().lookup("db9", 6000, "x", "y")).contains("catchall");
    }

    @Test
    void theFirstMatchingLineWins() throws IOException {
        Files.writeString(tmp.resolve("pgpass"), "db1:5432:sales:alice:specific\n*:*:*:alice:general\n");

        assertThat(pgpass().lookup("db1", 5432, "sales", "alice")).contains("specific");
        assertThat(pgpass().lookup("db1", 5432, "hr", "alice")).contains("general");
    }

    @Test
    void aPasswordWithAColonIsEscaped() throws IOException {
        PgPassFile file = pgpass();
        file.store("db1", 5432, "alice", "a:b");

        assertThat(Files.readString(tmp.resolve("pgpass"))).isEqualTo("db1:5432:*:alice:a\\:b\n");
        assertThat(file.lookup("db1", 5432, "sales", "alice")).contains("a:b");
    }

    @Test
    void aPasswordWithABackslashIsEscaped() throws IOException {
        PgPassFile file = pgpass();
        file.store("db1", 5432, "alice", "c:\\temp\\");

        assertThat(Files.readString(tmp.resolve("pgpass"))).isEqualTo("db1:5432:*:alice:c\\:\\\\temp\\\\\n");
        assertThat(file.lookup("db1", 5432, "sales", "alice")).contains("c:\\temp\\");
    }

    @Test
    void aUserNameWithAColonIsEscapedAndStillFound() {
        PgPassFile file = pgpass();
        file.store("db1", 5432, "dom:alice", "pw");

        assertThat(file.lookup("db1", 5432, "sales", "dom:alice")).contains("pw");
        assertThat(file.lookup("db1", 5432, "sales", "dom")).isEmpty();
    }

    @Test
    void storingAgainReplacesTheEarlierPassword() throws IOException {
        PgPassFile file = pgpass();
        file.store("db1", 5432, "alice", "old");
        file.store("db1", 5432, "alice", "new");

        assertThat(file.lookup("db1", 5432, "sales", "alice")).contains("new");
        assertThat(Files.readAllLines(tmp.resolve("pgpass"))).hasSize(1);
    }

    @Test
    void storingALoginWithAnEscapedUserReplacesItToo() throws IOException {
        PgPassFile file = pgpass();
        file.store("db1", 5432, "dom:alice", "old");
        file.store("db1", 5432, "dom:alice", "new");

        assertThat(Files.readAllLines(tmp.resolve("pgpass"))).containsExactly("db1:5432:*:dom\\:alice:new");
    }

    @Test
    void removeDropsOnlyThatLogin() {
        PgPassFile file = pgpass();
        file.store("db1", 5432, "alice", "a");
        file.store("db1", 5432, "bob", "b");

        file.remove("db1", 5432, "alice");

        assertThat(file.lookup("db1", 5432, "sales", "alice")).isEmpty();
        assertThat(file.lookup("db1", 5432, "sales", "bob")).contains("b");
    }

    @Test
    void removingAnUnknownLoginLeavesTheFileUntouched() throws IOException {
        Path path = tmp.resolve("pgpass");
        Files.writeString(path, "# mine\ndb1:5432:*:alice:a");

        pgpass().remove("db1", 5432, "bob");

        assertThat(Files.readString(path)).isEqualTo("# mine\ndb1:5432:*:alice:a");
    }

    @Test
    void commentsAndForeignLinesSurviveAStoreAndARemove() throws IOException {
        Path path = tmp.resolve("pgpass");
        Files.writeString(path, "# written by hand\nother:5432:hr:carol:c\n", StandardCharsets.UTF_8);
        PgPassFile file = pgpass();

        file.store("db1", 5432, "alice", "a");
        file.remove("db1", 5432, "alice");

        assertThat(Files.readAllLines(path)).containsExactly("# written by hand", "other:5432:hr:carol:c");
    }

    @Test
    void aCommentLineIsNeverTakenForAnEntry() throws IOException {
        Files.writeString(tmp.resolve("pgpass"), "#db1:5432:*:alice:commented\n");

        assertThat(pgpass().lookup("#db1", 5432, "x", "alice")).isEmpty();
    }

    @Test
    void theFileIsReadableByItsOwnerOnly() throws IOException {
        pgpass().store("db1", 5432, "alice", "s3cret");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("pgpass")))).isEqualTo("rw-------");
    }

    @Test
    void aWidelyReadableFileBecomesOwnerOnlyOnTheNextStore() throws IOException {
        Path path = tmp.resolve("pgpass");
        Files.writeString(path, "other:5432:*:carol:c\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));

        pgpass().store("db1", 5432, "alice", "s3cret");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
    }

    @Test
    void writesLeaveNoTemporaryFilesBehind() throws IOException {
        PgPassFile file = pgpass();
        file.store("db1", 5432, "alice", "a");
        file.store("db1", 5432, "bob", "b");
        file.remove("db1", 5432, "alice");

        try (var files = Files.list(tmp)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly("pgpass");
        }
    }

    @Test
    void aSingleEntryForOneRunIsEscapedTheSameWay() {
        assertThat(PgPassFile.singleEntry("db1", 5432, "alice", "p:w")).isEqualTo("db1:5432:*:alice:p\\:w\n");
        assertThat(PgPassFile.singleEntry(null, 5432, "alice", "pw")).isEqualTo("*:5432:*:alice:pw\n");
    }

    @Test
    void aHostOrUserThatIsAStarIsStoredAsALiteralStarThatMatchesNoOtherName() throws IOException {
        PgPassFile file = pgpass();
        file.store("*", 5432, "alice", "a");
        file.store("db1", 5432, "*", "b");

        assertThat(Files.readAllLines(tmp.resolve("pgpass"))).containsExactly("db1:5432:*:\\*:b", "\\*:5432:*:alice:a");
        assertThat(file.lookup("db9", 5432, "sales", "alice")).isEmpty();
        assertThat(file.lookup("*", 5432, "sales", "alice")).contains("a");
        assertThat(file.lookup("db1", 5432, "sales", "bob")).isEmpty();
        assertThat(file.lookup("db1", 5432, "sales", "*")).contains("b");
    }

    @Test
    void aStarInsideANameOrAPasswordIsEscapedToo() {
        assertThat(PgPassFile.entry("a*b", 5432, "u\\*", "p*w")).isEqualTo("a\\*b:5432:*:u\\\\\\*:p\\*w");
    }

    @Test
    void anEscapedStarInAHandWrittenLineIsNoWildcard() throws IOException {
        Files.writeString(tmp.resolve("pgpass"), "\\*:*:*:alice:literal\n");

        assertThat(pgpass().lookup("db1", 5432, "x", "alice")).isEmpty();
        assertThat(pgpass().lookup("*", 5432, "x", "alice")).contains("literal");
    }
}
