package io.backupdesk.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QualifiedNameTest {

    @Test
    void aBareNameIsTakenExactlyWithSpacesAndCase() {
        assertThat(QualifiedName.parse("Sales Dept.Kunden Übersicht"))
                .isEqualTo(new QualifiedName("Sales Dept", "Kunden Übersicht"));
        assertThat(QualifiedName.parse(" Orders ")).isEqualTo(new QualifiedName(null, " Orders "));
    }

    @Test
    void quotedPartsMayHoldDotsAndDoubledQuotes() {
        assertThat(QualifiedName.parse("\"my.schema\".\"t.1\"")).isEqualTo(new QualifiedName("my.schema", "t.1"));
        assertThat(QualifiedName.parse("s.\"say \"\"hi\"\"\"")).isEqualTo(new QualifiedName("s", "say \"hi\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Sales Dept.Kunden Übersicht", "my.schema|t.1", "q\"uote|x", " x |; y"})
    void whatFormatWritesParseReadsBack(String parts) {
        String[] p = parts.split("\\|", -1);
        String schema = p.length == 2 ? p[0] : null;
        String name = p.length == 2 ? p[1] : p[0];
        if (name.isEmpty()) {
            name = "n";
        }
        assertThat(QualifiedName.parse(QualifiedName.format(schema, name))).isEqualTo(new QualifiedName(schema, name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a.", ".b", "a.b.c", "\"open", "a\"b", "\"a\"b"})
    void aTextThatIsNoTableIsRefused(String text) {
        assertThatThrownBy(() -> QualifiedName.parse(text)).isInstanceOf(BackupDeskException.class)
                .hasMessageStartingWith("The table '" + text + "' cannot be read");
    }
}
