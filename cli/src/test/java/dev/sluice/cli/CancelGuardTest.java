package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CancelGuardTest {
    @Test
    void cancelsTheWatchedSessionOnASignal() {
        TestingSession session = new TestingSession();
        CancelGuard guard = CancelGuard.install();
        guard.watch(session);
        guard.close(); // the command has finished: the hook does not wait

        guard.onSignal();

        assertThat(session.cancelled).isTrue();
        assertThat(guard.interrupted()).isTrue();
    }

    @Test
    void hasNothingToCancelWhileLoading() {
        try (CancelGuard guard = CancelGuard.install()) {
            guard.onSignal(); // returns at once: no session yet

            assertThat(guard.interrupted()).isTrue();
        }
    }

    @Test
    void isNotInterruptedWithoutASignal() {
        try (CancelGuard guard = CancelGuard.install()) {
            guard.watch(new TestingSession());

            assertThat(guard.interrupted()).isFalse();
        }
    }
}
