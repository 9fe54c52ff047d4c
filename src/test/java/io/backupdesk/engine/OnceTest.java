package io.backupdesk.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnceTest {
    @Test
    void threadsAskingAtTheSameTimeGetTheOneValueMadeOnce() throws Exception {
        Once<Object> once = new Once<>();
        AtomicInteger made = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> asked = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                asked.add(threads.submit(() -> {
                    start.await();
                    return once.get(() -> {
                        made.incrementAndGet();
                        sleep(50);
                        return new Object();
                    });
                }));
            }
            start.countDown();
            Object first = asked.get(0).get(10, TimeUnit.SECONDS);
            for (Future<Object> answer : asked) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(made).hasValue(1);
    }

    @Test
    void aValueThatCouldNotBeMadeIsTriedAgainByTheNextToAsk() {
        Once<String> once = new Once<>();

        assertThatThrownBy(() -> once.get(() -> {
            throw new IllegalStateException("settings unreadable");
        })).hasMessage("settings unreadable");

        assertThat(once.get(() -> "made")).isEqualTo("made");
        assertThat(once.get(() -> "not asked")).isEqualTo("made");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
