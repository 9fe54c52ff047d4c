package io.backupdesk.ui;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class LongestTextsTest {
    @Test
    void theLongestFewDistinctTextsAreKeptFromAnyNumberOfRows() {
        LongestTexts texts = new LongestTexts();
        IntStream.range(0, 10_000).forEach(i -> texts.offer("row " + i, false, 0));
        IntStream.range(0, 1_000).forEach(i -> texts.offer("staging/sales_staging", false, 0));

        assertThat(texts.candidates()).hasSize(LongestTexts.CANDIDATES).extracting(LongestTexts.Candidate::text)
                .contains("staging/sales_staging").doesNotHaveDuplicates()
                .allMatch(t -> t.length() >= "row 1000".length());
    }

    @Test
    void aBoldTextOrAnIconBesideItCountsAsLonger() {
        LongestTexts texts = new LongestTexts();
        IntStream.range(0, 100).forEach(i -> texts.offer(String.format("db-%05d", i), false, 0));
        texts.offer("cluster", true, 40);
        texts.offer("", false, 500);
        texts.offer(null, false, 500);

        assertThat(texts.candidates()).extracting(LongestTexts.Candidate::text).contains("cluster")
                .doesNotContain("");
    }
}
