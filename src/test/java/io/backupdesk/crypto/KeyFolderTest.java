package io.backupdesk.crypto;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyFolderTest {
    @TempDir
    Path tmp;

    @Test
    void aNewFileNeverReplacesOneThatAnotherWriterMadeMeanwhileAndLeavesNoTemporaryFile() throws IOException {
        KeyFolder folder = new KeyFolder(tmp.resolve("keys"));
        Path target = tmp.resolve("keys").resolve("prod.key");
        folder.writeNew(target, "first".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> folder.writeNew(target, "second".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(target).hasContent("first");
        try (Stream<Path> files = Files.list(tmp.resolve("keys"))) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void namesAreFoundByTheirEndingsAndOthersAreIgnored() throws IOException {
        Path keys = Files.createDirectories(tmp.resolve("keys"));
        for (String file : List.of("b.key", "b.pub", "A.pub", ".b.key.tmp-1-2", "notes.txt", "bad name.key")) {
            Files.writeString(keys.resolve(file), "x");
        }

        assertThat(new KeyFolder(keys).names(List.of(".key", ".pub"), name -> name.matches("[A-Za-z]+")))
                .containsExactly("A", "b");
    }
}
