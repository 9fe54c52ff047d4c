package io.backupdesk.ui.backups;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BreakableTextTest {
    @Test
    void aLongHostOrPathBreaksAfterItsSeparatorsAndAShortWordStaysWhole() {
        assertThat(BreakableText.pieces("db.example.internal:5432 (PostgreSQL 15.8)"))
                .containsExactly("db.", "example.", "internal:", "5432 ", "(PostgreSQL ", "15.8)");
        assertThat(BreakableText.pieces("/home/dba/backups/prod-1/sales/sales_20261205-144316-44cf.dump"))
                .containsExactly("/home/", "dba/", "backups/", "prod-", "1/", "sales/", "sales_", "20261205-", "144316-",
                        "44cf.", "dump");
    }

    @Test
    void joinedThePiecesAreTheText() {
        for (String text : new String[]{"schedule:5f1c2a9e7b30", "a  b", "x//y..z", "before-release", " lead",
                "tail ", "ünïcödé-ñame.example.org:6543 and more"}) {
            assertThat(String.join("", BreakableText.pieces(text))).isEqualTo(text);
        }
    }
}
