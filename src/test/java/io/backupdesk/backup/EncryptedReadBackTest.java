package io.backupdesk.backup;

import io.backupdesk.core.BackupStatus;
import io.backupdesk.core.Verification;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** (unit) What a verify without the key records, from what the last full read found. */
class EncryptedReadBackTest {
    private static final Instant MADE = Instant.parse("2026-12-01T02:00:00Z");

    @Test
    void verifiedAgainAndAgainWithoutTheKeyTheMessageStaysOneSentenceLong() {
        Verification outcome = new Verification(BackupStatus.VERIFIED, MADE, BackupRun.READ_AS_WRITTEN);
        for (int day = 1; day <= 5; day++) {
            outcome = EncryptedReadBack.withoutKey(outcome, MADE.plusSeconds(86_400L * day));
        }

        assertThat(outcome.status()).isEqualTo(BackupStatus.VERIFIED);
        assertThat(outcome.message()).contains("checksum of the encrypted file matched").hasSizeLessThan(200);
    }

    @Test
    void aBackupFoundDamagedStaysDamagedAndOneNeverReadIsNotCalledVerified() {
        Verification damaged = new Verification(BackupStatus.CORRUPT, MADE, "pg_restore could not read it to the end.");

        assertThat(EncryptedReadBack.withoutKey(damaged, MADE.plusSeconds(60))).satisfies(v -> {
            assertThat(v.status()).isEqualTo(BackupStatus.CORRUPT);
            assertThat(v.message()).isEqualTo(damaged.message());
        });
        assertThat(EncryptedReadBack.withoutKey(null, MADE).status()).isEqualTo(BackupStatus.OK);
    }
}
