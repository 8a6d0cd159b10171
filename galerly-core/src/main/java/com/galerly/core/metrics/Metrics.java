/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.metrics;

import com.galerly.core.ErrorCode;
import com.galerly.core.pipeline.Outcome;
import java.time.Duration;

/**
 * Where the pipeline reports what it did. {@code galerly-aws} writes CloudWatch Embedded Metric Format;
 * {@code galerly-testkit} records calls for assertions. Implementations must be thread-safe and must not throw.
 */
public interface Metrics {
    /**
     * One event handled.
     *
     * @param outcome  what happened
     * @param elapsed  wall time spent on it
     * @param bytesIn  bytes of the original read (0 if not read)
     * @param bytesOut bytes of renditions written (0 if none)
     */
    void eventHandled(Outcome outcome, Duration elapsed, long bytesIn, long bytesOut);

    /** An attempt failed with an exception thrown to the caller: retryable ones are retried by the event source. */
    void attemptFailed(ErrorCode code, boolean retryable);

    /** Reports nothing. */
    static Metrics noop() {
        return NoopMetrics.INSTANCE;
    }
}

enum NoopMetrics implements Metrics {
    INSTANCE;

    @Override
    public void eventHandled(Outcome outcome, Duration elapsed, long bytesIn, long bytesOut) {
    }

    @Override
    public void attemptFailed(ErrorCode code, boolean retryable) {
    }
}
