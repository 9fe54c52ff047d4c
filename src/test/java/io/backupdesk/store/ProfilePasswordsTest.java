package io.backupdesk.store;

import io.backupdesk.core.ConnectionProfile;
import io.backupdesk.core.SslMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProfilePasswordsTest {
    @TempDir
    Path tmp;

    private ProfilePasswords passwords() {
        return new ProfilePasswords(tmp.resolve("passwords"));
    }

    private static ConnectionProfile profile(String name, String host, String user) {
        return new ConnectionProfile(name, host, 5432, "sales", user, SslMode.PREFER, null);
    }

    @Test
    void twoProfilesWithTheSameLoginKeepTheirOwnPasswords() throws IOException {
        ProfilePasswords store = passwords();
        store.store(profile("a", "db1", "alice"), "right");
        store.store(profile("b", "db1", "alice"), "wrong");

        assertThat(store.lookup(profile("a", "db1", "alice"))).contains("right");
        assertThat(store.lookup(profile("b", "db1", "alice"))).contains("wrong");
        assertThat(Files.readAllLines(store.fileOf("a"))).containsExactly("db1:5432:*:alice:right");
    }

    @Test
    void eachFileAndTheFolderAreOwnerOnly() throws IOException {
        ProfilePasswords store = passwords();
        store.store(profile("a", "db1", "alice"), "pw");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.fileOf("a")))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve("passwords")))).isEqualTo("rwx------");
    }

    @Test
    void aProfileWhoseServerOrUserChangedFindsNoPasswordForTheNewLogin() {
        ProfilePasswords store = passwords();
        store.store(profile("a", "db1", "alice"), "pw");

        assertThat(store.lookup(profile("a", "db2", "alice"))).isEmpty();
        assertThat(store.lookup(profile("a", "db1", "bob"))).isEmpty();
    }

    @Test
    void renamingMovesThePasswordAndRemovingForgetsIt() {
        ProfilePasswords store = passwords();
        store.store(profile("a", "db1", "alice"), "pw");
        store.store(profile("b", "db1", "alice"), "other");

        store.rename("a", "c");
        store.remove("b");

        assertThat(store.lookup(profile("c", "db1", "alice"))).contains("pw");
        assertThat(store.fileOf("a")).doesNotExist();
        assertThat(store.fileOf("b")).doesNotExist();
    }

    @Test
    void theSharedFileOfEarlierVersionsGivesEveryProfileTheLineItUsedAndKeepsForeignLines() throws IOException {
        Path shared = tmp.resolve("pgpass");
        Files.writeString(shared, "# mine\nother:5432:*:carol:c\ndb1:5432:*:alice:a\n*:5432:*:bob:b\n");
        ProfilePasswords store = passwords();

        List<String> moved = store.migrateFrom(new PgPassFile(shared),
                List.of(profile("a1", "db1", "alice"), profile("a2", "db1", "alice"), profile("svc", null, "bob"),
                        profile("none", "db1", "dave")));

        assertThat(moved).containsExactly("a1", "a2", "svc");
        assertThat(store.lookup(profile("a1", "db1", "alice"))).contains("a");
        assertThat(store.lookup(profile("a2", "db1", "alice"))).contains("a");
        assertThat(store.lookup(profile("svc", null, "bob"))).contains("b");
        assertThat(store.fileOf("none")).doesNotExist();
        assertThat(Files.readAllLines(shared)).containsExactly("# mine", "other:5432:*:carol:c");
    }

    @Test
    void aWildcardLineAnEarlierVersionWroteForAStarHostBecomesALiteralStar() throws IOException {
        Path shared = tmp.resolve("pgpass");
        Files.writeString(shared, "*:5432:*:alice:pw\n");
        ProfilePasswords store = passwords();

        store.migrateFrom(new PgPassFile(shared), List.of(profile("star", "*", "alice")));

        assertThat(Files.readAllLines(store.fileOf("star"))).containsExactly("\\*:5432:*:alice:pw");
        assertThat(shared).doesNotExist();
    }

    @Test
    void aProfileThatHasItsOwnFileAlreadyIsNotOverwrittenByTheSharedOne() throws IOException {
        Path shared = tmp.resolve("pgpass");
        Files.writeString(shared, "db1:5432:*:alice:old\n");
        ProfilePasswords store = passwords();
        store.store(profile("a", "db1", "alice"), "new");

        assertThat(store.migrateFrom(new PgPassFile(shared), List.of(profile("a", "db1", "alice")))).isEmpty();

        assertThat(store.lookup(profile("a", "db1", "alice"))).contains("new");
        assertThat(Files.readString(shared)).contains("old");
    }
}
