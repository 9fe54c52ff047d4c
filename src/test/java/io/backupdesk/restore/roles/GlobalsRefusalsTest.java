package io.backupdesk.restore.roles;

import io.backupdesk.core.BackupDeskException;
import io.backupdesk.core.ErrorKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static io.backupdesk.restore.roles.GlobalsParserTest.file;
import static io.backupdesk.restore.roles.GlobalsParserTest.refusal;
import static io.backupdesk.restore.roles.GlobalsParserTest.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What is not a whole globals file is refused with a message that says so, never read in part. */
class GlobalsRefusalsTest {

    @Test
    void everyCutOfARealFileIsRefusedAsCutOff() throws IOException {
        String whole = sample();
        for (int cut = 0; cut < whole.length() - 1; cut += 11) {
            BackupDeskException refused = refusal(whole.substring(0, cut));

            assertThat(refused.kind()).isEqualTo(ErrorKind.CONFIGURATION);
            assertThat(refused.getMessage()).as("cut at %d", cut).startsWith("The globals file ")
                    .containsAnyOf("cut off", "does not begin as pg_dumpall writes one");
            assertThat(refused.hint()).contains("nothing was restored");
        }
        assertThat(GlobalsParserTest.parse(whole).roles()).isNotEmpty();
    }

    @Test
    void aQuoteACommentOrADollarQuoteLeftOpenIsNamed() {
        assertThat(refusal(file("CREATE ROLE \"open;")).getMessage()).contains("ends inside a quoted name");
        assertThat(refusal(file("COMMENT ON ROLE r IS 'open;")).getMessage()).contains("ends inside a quoted string");
        assertThat(refusal(file("COMMENT ON ROLE r IS E'open\\';")).getMessage()).contains("ends inside a quoted string");
        assertThat(refusal(file("/* CREATE ROLE r;")).getMessage()).contains("ends inside a /* comment */");
        assertThat(refusal(file("COMMENT ON ROLE r IS $x$ open;")).getMessage()).contains("dollar-quoted string $x$");
        assertThat(refusal(file("CREATE ROLE r")).getMessage()).contains("no semicolon");
    }

    @Test
    void binaryDataIsRefusedWhereverItIs(@TempDir Path dir) throws IOException {
        assertThat(refusal(file("CREATE ROLE \"a\0b\";")).getMessage()).contains("binary data").contains("line 6");

        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        Path random = Files.write(dir.resolve("junk.sql"), junk);
        BackupDeskException refused = catchThrowableOfType(() -> GlobalsParser.read(random), BackupDeskException.class);
        assertThat(refused.getMessage()).startsWith("The globals file ").containsAnyOf("not UTF-8", "binary data",
                "does not begin");

        Path png = Files.write(dir.resolve("picture.sql"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        assertThat(catchThrowableOfType(() -> GlobalsParser.read(png), BackupDeskException.class).getMessage())
                .contains("not UTF-8");
    }

    @Test
    void textThatIsNotAGlobalsFileIsNamedAsSuch(@TempDir Path dir) throws IOException {
        assertThat(refusal("").getMessage()).contains("does not begin as pg_dumpall writes one");
        assertThat(refusal("CREATE ROLE a;\n").getMessage()).contains("does not begin as pg_dumpall writes one");
        assertThat(refusal(file("").replace("cluster dump complete", "database dump complete")).getMessage())
                .contains("cut off");
        assertThat(refusal(file("SET client_encoding = 'LATIN1';")).getMessage())
                .isEqualTo("The globals file is written in the latin1 encoding; only UTF8 globals files are read.");

        BackupDeskException missing = catchThrowableOfType(() -> GlobalsParser.read(dir.resolve("none.sql")),
                BackupDeskException.class);
        assertThat(missing.kind()).isEqualTo(ErrorKind.IO);
        assertThat(missing.getMessage()).isEqualTo("The globals file none.sql is missing.");
    }

    @Test
    void aFileOnDiskIsReadAsItsText(@TempDir Path dir) throws IOException {
        Path written = Files.writeString(dir.resolve("globals.sql"), sample());

        assertThat(GlobalsParser.read(written)).isEqualTo(GlobalsParserTest.parse(sample()));
    }
}
