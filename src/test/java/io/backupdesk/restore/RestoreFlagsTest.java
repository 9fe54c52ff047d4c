package io.backupdesk.restore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestoreFlagsTest {
    @Test
    void eachSwitchReachesPgRestoreUnderItsOwnName() {
        assertThat(ToolRestore.switches(new RestoreFlags("reader", true, true, true, true))).containsExactly(
                "--role=reader", "--schema-only", "--no-tablespaces", "--disable-triggers", "--no-data-for-failed-tables");
        assertThat(ToolRestore.switches(RestoreFlags.NONE)).isEmpty();
    }

    @Test
    void aBlankRoleIsNoneAndOneWithALineBreakIsRefused() {
        assertThat(new RestoreFlags("  ", false, false, false, false).any()).isFalse();
        assertThatThrownBy(() -> new RestoreFlags("a\nb", false, false, false, false))
                .hasMessageContaining("control character");
    }
}
