package io.backupdesk.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgementStoreTest {
    private static final Instant AT = Instant.parse("2026-05-04T09:00:00Z");

    @TempDir
    Path config;

    private final List<String> warnings = new ArrayList<>();

    private AcknowledgementStore store() {
        return new AcknowledgementStore(config, warnings::add);
    }

    @Test
    void acknowledgementsAreReadBackByTheNextStart() {
        store().save(Map.of("prod/sales|failed@2026-05-04T02:30:00Z", AT));

        assertThat(store().load()).containsExactly(Map.entry("prod/sales|failed@2026-05-04T02:30:00Z", AT));
    }

    @Test
    void entriesWithoutAConditionOrATimeOrTooLongAreLeftOut() throws IOException {
        Files.writeString(config.resolve("acknowledged.json"), "{\"schemaVersion\":1,\"acknowledged\":["
                + "{\"condition\":\"prod/sales|stale@none\",\"at\":\"2026-05-04T09:00:00Z\"},"
                + "{\"condition\":null,\"at\":\"2026-05-04T09:00:00Z\"},{\"condition\":\"prod/crm|stale@x\"},"
                + "{\"condition\":\"  \",\"at\":\"2026-05-04T09:00:00Z\"},null,"
                + "{\"condition\":\"" + "x".repeat(AcknowledgementStore.MAX_CONDITION + 1)
                + "\",\"at\":\"2026-05-04T09:00:00Z\"}]}");

        assertThat(store().load()).containsOnlyKeys("prod/sales|stale@none");
    }

    @Test
    void aFileThatIsNotOursIsSetAsideAndNothingIsAcknowledged() throws IOException {
        Files.writeString(config.resolve("acknowledged.json"), "{\"schemaVersion\":1,\"acknowledged\":\"all\"}");

        assertThat(store().load()).isEmpty();
        assertThat(warnings).singleElement().asString().contains("acknowledged.json could not be read");
    }
}
