package io.backupdesk.offsite;

import io.backupdesk.core.BackupDeskException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Names read from a destination never climb out of its root, whatever a listing or a sidecar says. */
class RemoteKeysTest {
    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd", "prod/../../x", "/abs/file", "prod//x", "prod/./x", "prod/x/",
            "prod\\..\\x", "prod/x\u0000y", "", "prod/db/.."})
    void aKeyThatCouldLeaveTheRootOrHideIsRefused(String key) {
        assertThatThrownBy(() -> RemoteKeys.checked(key)).isInstanceOf(BackupDeskException.class)
                .hasMessageContaining("was refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod/shop/shop_20261206-120000.dump", "prod/shop/shop.dump.age", "x", "a/b/c.d/e"})
    void anOrdinaryRelativeKeyIsTaken(String key) {
        assertThat(RemoteKeys.checked(key)).isEqualTo(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"prod/shop/.shop.dump.partial-1", ".backupdesk-test-1", "a/.x"})
    void ourTemporariesAndProbesAreHidden(String key) {
        assertThat(RemoteKeys.hidden(key)).isTrue();
    }
}
