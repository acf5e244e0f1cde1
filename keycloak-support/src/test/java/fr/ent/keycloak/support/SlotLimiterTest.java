package fr.ent.keycloak.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SlotLimiterTest {

    private final ExpiringStore store = new ExpiringStore();
    private final SlotLimiter limiter = new SlotLimiter(store);

    @Test
    void allowsTheLimitThenRefuses() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.exhausted("student", 5)).isFalse();
            assertThat(limiter.tryAcquire("student", 5, 86_400)).isTrue();
        }
        assertThat(limiter.exhausted("student", 5)).isTrue();
        assertThat(limiter.tryAcquire("student", 5, 86_400)).isFalse();
    }

    @Test
    void aSlotGivenBackIsFreeForTheNextEvent_aFailedEmailDoesNotUseUpTheQuota() {
        SlotLimiter.Slot first = limiter.acquire("mail", 3, 86_400);
        assertThat(limiter.acquire("mail", 3, 86_400)).isNotNull();
        assertThat(limiter.acquire("mail", 3, 86_400)).isNotNull();
        assertThat(limiter.acquire("mail", 3, 86_400)).isNull();
        first.release();
        assertThat(limiter.exhausted("mail", 3)).isFalse();
        assertThat(limiter.acquire("mail", 3, 86_400)).isNotNull();
        assertThat(limiter.acquire("mail", 3, 86_400)).isNull();
    }

    @Test
    void clearingAKeyFreesTheSlotsTheLimitLooksAt_andNoOtherKey() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("student", 3, 86_400);
        }
        limiter.tryAcquire("other", 1, 86_400);
        assertThat(limiter.exhausted("student", 3)).isTrue();
        limiter.clear("student", 3);
        assertThat(limiter.exhausted("student", 3)).isFalse();
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("student", 3, 86_400)).isTrue();
        }
        assertThat(limiter.tryAcquire("student", 3, 86_400)).isFalse();
        assertThat(limiter.exhausted("other", 1)).isTrue();
    }

    @Test
    void countsEachKeyApart() {
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("a", 3, 60);
        }
        assertThat(limiter.tryAcquire("a", 3, 60)).isFalse();
        assertThat(limiter.tryAcquire("b", 3, 60)).isTrue();
    }

    @Test
    void theWindowSlides_anEventIsAllowedAgainWhenTheOldestLeavesTheWindow() {
        limiter.tryAcquire("s", 2, 100); // t=0
        store.now.set(50);
        limiter.tryAcquire("s", 2, 100); // t=50
        assertThat(limiter.tryAcquire("s", 2, 100)).isFalse();

        store.now.set(100); // the first event leaves the window
        assertThat(limiter.exhausted("s", 2)).isFalse();
        assertThat(limiter.tryAcquire("s", 2, 100)).isTrue();
        assertThat(limiter.tryAcquire("s", 2, 100)).isFalse();

        store.now.set(150); // the second one leaves
        assertThat(limiter.tryAcquire("s", 2, 100)).isTrue();
    }

    @Test
    void racingCallersNeverExceedTheLimit() throws InterruptedException {
        int callers = 16;
        AtomicInteger allowed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (limiter.tryAcquire("shared", 5, 60)) {
                    allowed.incrementAndGet();
                }
            });
            thread.start();
            threads.add(thread);
        }
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(allowed).hasValue(5);
    }
}
