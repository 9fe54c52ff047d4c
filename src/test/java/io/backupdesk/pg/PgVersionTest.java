package io.backupdesk.pg;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PgVersionTest {

    @Test
    void aDebianToolVersionLineIsReadAsMajorAndMinor() {
        PgVersion v = PgVersion.fromToolOutput("pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)").orElseThrow();

        assertThat(v.num()).isEqualTo(150018);
        assertThat(v.major()).isEqualTo("15");
        assertThat(v).hasToString("15.18");
    }

    @Test
    void aDevelopmentBuildCountsAsTheStartOfItsMajor() {
        assertThat(PgVersion.fromToolOutput("pg_dump (PostgreSQL) 17devel")).contains(new PgVersion(170000));
    }

    @Test
    void aBetaBuildCountsAsTheStartOfItsMajor() {
        assertThat(PgVersion.fromToolOutput("pg_restore (PostgreSQL) 16beta2")).contains(new PgVersion(160000));
    }

    @Test
    void anOldThreePartVersionKeepsItsTwoPartMajor() {
        PgVersion v = PgVersion.fromToolOutput("pg_dump (PostgreSQL) 9.6.24").orElseThrow();

        assertThat(v.num()).isEqualTo(90624);
        assertThat(v.major()).isEqualTo("9.6");
        assertThat(v.majorFirst()).isEqualTo(9);
        assertThat(v).hasToString("9.6.24");
    }

    @Test
    void outputWithoutTheProductNameGivesNoVersion() {
        assertThat(PgVersion.fromToolOutput("pg_dump: command not found")).isEmpty();
        assertThat(PgVersion.fromToolOutput(null)).isEmpty();
    }

    @Test
    void aBareVersionFromAnArchiveHeaderIsRead() {
        assertThat(PgVersion.fromText("15.18 (Debian 15.18-0+deb12u1)")).contains(new PgVersion(150018));
        assertThat(PgVersion.fromText("9.6.24")).contains(new PgVersion(90624));
        assertThat(PgVersion.fromText("unknown")).isEmpty();
    }

    @Test
    void serverVersionNumbersAreSpelledAsPostgresqlSpellsThem() {
        assertThat(new PgVersion(150018)).hasToString("15.18");
        assertThat(new PgVersion(150018).major()).isEqualTo("15");
        assertThat(new PgVersion(90624)).hasToString("9.6.24");
        assertThat(new PgVersion(90624).major()).isEqualTo("9.6");
    }

    @Test
    void majorNumbersOrderNineSixBeforeTenBeforeFifteen() {
        int nineSix = new PgVersion(90624).majorNum();
        int ten = PgVersion.ofMajor(10).majorNum();
        int fifteen = new PgVersion(150018).majorNum();

        assertThat(nineSix).isEqualTo(906);
        assertThat(ten).isEqualTo(1000);
        assertThat(fifteen).isEqualTo(1500);
        assertThat(nineSix).isLessThan(ten);
        assertThat(ten).isLessThan(fifteen);
    }

    @Test
    void nineFiveAndNineSixAreDifferentMajors() {
        assertThat(new PgVersion(90524).sameMajorAs(new PgVersion(90624))).isFalse();
        assertThat(new PgVersion(150002).sameMajorAs(new PgVersion(150018))).isTrue();
    }

    @Test
    void versionsCompareByTheirNumber() {
        assertThat(new PgVersion(90624)).isLessThan(PgVersion.ofMajor(10));
        assertThat(new PgVersion(150002)).isLessThan(new PgVersion(150018));
    }
}
