package fr.ent.keycloak.activation.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.activation.core.BirthDateCheck.Outcome;
import fr.ent.keycloak.support.ExpiringStore;
import fr.ent.keycloak.support.SlotLimiter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BirthDateCheckTest {

    private final ExpiringStore store = new ExpiringStore();
    private final BirthDateCheck check = new BirthDateCheck(new SlotLimiter(store));

    /** Failures already counted, the date given right or wrong: the outcome and the failures counted after. */
    @ParameterizedTest
    @CsvSource({
        "0, true,  MATCH,     0",
        "0, false, MISMATCH,  1",
        "4, true,  MATCH,     4",
        "4, false, MISMATCH,  5",
        "5, true,  THROTTLED, 5",
        "5, false, THROTTLED, 5"
    })
    void table(int failuresBefore, boolean right, Outcome outcome, int failuresAfter) {
        for (int i = 0; i < failuresBefore; i++) {
            assertThat(check.attempt("s", 5, 86_400, () -> false)).isEqualTo(Outcome.MISMATCH);
        }
        assertThat(check.attempt("s", 5, 86_400, () -> right)).isEqualTo(outcome);
        assertThat(store.expiries).hasSize(failuresAfter);
    }

    @Test
    void aThrottledAttemptIsNeverCompared() {
        for (int i = 0; i < 5; i++) {
            check.attempt("s", 5, 86_400, () -> false);
        }
        AtomicInteger compared = new AtomicInteger();
        check.attempt("s", 5, 86_400, () -> compared.incrementAndGet() > 0);
        assertThat(compared).hasValue(0);
    }

    /** 100 wrong dates and the right one sent at once: at most 5 are compared, whatever the order they run in. */
    @Test
    void parallelGuessesAreComparedNoMoreThanTheLimit() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        AtomicInteger compared = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < 101; i++) {
                boolean right = i == 100;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return check.attempt("s", 5, 86_400, () -> {
                        compared.incrementAndGet();
                        return right;
                    });
                }));
            }
            start.countDown();
            int matches = 0;
            for (Future<Outcome> outcome : outcomes) {
                if (outcome.get(10, TimeUnit.SECONDS) == Outcome.MATCH) {
                    matches++;
                }
            }
            assertThat(compared.get()).isLessThanOrEqualTo(5 + matches);
            assertThat(compared.get()).isLessThanOrEqualTo(6);
        } finally {
            pool.shutdownNow();
        }
    }
}
