package io.backupdesk.ui;

import io.backupdesk.core.BackupFormat;
import io.backupdesk.core.BackupOptions;
import io.backupdesk.core.DumpFlags;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The form Back up now and the preset editor share: what it shows of options and what it makes of itself. */
class DumpOptionsFormViewModelTest {
    private final DumpOptionsFormViewModel form = new DumpOptionsFormViewModel();

    @Test
    void optionsFilledInComeBackTheSameWithWhatTheFormDoesNotShow() {
        DumpFlags flags = new DumpFlags(List.of("data"), true, true, true, List.of("audit.*", "public.log"), true, "LATIN1",
                "reader", false, true, 250, true, true, true, true);
        BackupOptions options = BackupOptions.builder().format(BackupFormat.PLAIN).schemas(List.of("sales"))
                .dump(flags).maxSizeBytes(1536L << 20).build();

        form.fill(options);

        assertThat(form.maxSizeProperty().get()).as("exact, so saving again keeps it").isEqualTo("1536 MB");
        assertThat(form.options()).isEqualTo(options);
    }

    @Test
    void plainSqlSwitchesAreGreyedForAnArchiveAndLeftOutOfItsOptions() {
        form.formatProperty().set(BackupFormat.PLAIN);
        form.cleanProperty().set(true);
        form.ifExistsProperty().set(true);
        assertThat(form.plain().get()).isTrue();
        assertThat(form.options().dump().ifExists()).isTrue();

        form.formatProperty().set(BackupFormat.CUSTOM);

        assertThat(form.plain().get()).isFalse();
        assertThat(form.problem().get()).isEmpty();
        assertThat(form.options().dump().clean()).isFalse();
        assertThat(form.options().dump().ifExists()).isFalse();
    }

    @Test
    void zstdAndLz4AreOfferedOnlyWhereTheClientHasThemAndNeverForPlainSql() {
        assertThat(form.compressionChoices()).containsExactly("", "0", "1", "3", "6", "9");

        form.newCompressionsProperty().set(true);
        assertThat(form.compressionChoices()).contains("zstd:3", "lz4:1");

        form.formatProperty().set(BackupFormat.PLAIN);
        assertThat(form.compressionChoices()).noneMatch(c -> c.startsWith("zstd") || c.startsWith("lz4"));
    }

    @Test
    void whatABackupWouldRefuseIsSaidUnderTheForm() {
        form.contentProperty().set(io.backupdesk.core.DumpScope.SCHEMA_ONLY);
        form.dataProperty().set(true);
        assertThat(form.problem().get()).startsWith("Sections cannot be combined with schema-only or data-only.");

        form.contentProperty().set(io.backupdesk.core.DumpScope.ALL);
        form.maxSizeProperty().set("lots");
        assertThat(form.problem().get()).startsWith("'lots' is not a size.");
    }
}
