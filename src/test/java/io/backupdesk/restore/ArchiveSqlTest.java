package io.backupdesk.restore;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ArchiveSqlTest {

    @Test
    void eachIndexIsMappedToTheTableItsSqlNames() {
        List<String> sql = List.of(
                "-- Name: orders_amount; Type: INDEX; Schema: sales; Owner: dba",
                "--",
                "",
                "CREATE INDEX orders_amount ON sales.orders USING btree (amount);",
                "-- Name: Größe idx; Type: INDEX; Schema: My Schema; Owner: dba",
                "--",
                "CREATE UNIQUE INDEX \"Größe idx\" ON ONLY \"My Schema\".\"Tab \"\"x\"\"\" USING btree (id);",
                "-- Name: orders orders_pkey; Type: CONSTRAINT; Schema: sales; Owner: dba",
                "ALTER TABLE ONLY sales.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);");

        assertThat(ArchiveSql.parse(sql).indexTables()).containsOnly(
                org.assertj.core.api.Assertions.entry("sales.orders_amount", "sales.orders"),
                org.assertj.core.api.Assertions.entry("My Schema.Größe idx", "My Schema.Tab \"x\""));
    }

    @Test
    void everyRoleNamedInAPrivilegeIsAGranteeButPublicIsNot() {
        List<String> sql = List.of(
                "REVOKE ALL ON SCHEMA public FROM PUBLIC;",
                "GRANT SELECT ON TABLE sales.orders TO reader;",
                "GRANT ALL ON TABLE sales.orders TO \"App Writer\" WITH GRANT OPTION;",
                "ALTER DEFAULT PRIVILEGES FOR ROLE etl IN SCHEMA sales GRANT SELECT ON TABLES TO analyst;",
                "GRANT USAGE ON SCHEMA sales TO PUBLIC;");

        assertThat(ArchiveSql.parse(sql).grantees()).containsExactly("App Writer", "analyst", "etl", "reader");
    }

    @Test
    void aSelectedTableKeepsItsIndexesAndNoOtherTables() {
        List<TocEntry> toc = List.of(
                TocEntry.parse("210; 1259 16390 TABLE sales orders dba").orElseThrow(),
                TocEntry.parse("211; 1259 16391 TABLE sales lines dba").orElseThrow(),
                TocEntry.parse("3300; 1259 16400 INDEX sales orders_amount dba").orElseThrow(),
                TocEntry.parse("3301; 1259 16401 INDEX sales lines_qty dba").orElseThrow());

        List<String> useList = RestoreSelection.useList(toc, List.of(), List.of("sales.orders"),
                java.util.Map.of("sales.orders_amount", "sales.orders", "sales.lines_qty", "sales.lines"));

        assertThat(useList).containsExactly(toc.get(0).line(), ";" + toc.get(1).line(), toc.get(2).line(),
                ";" + toc.get(3).line());
    }
}
