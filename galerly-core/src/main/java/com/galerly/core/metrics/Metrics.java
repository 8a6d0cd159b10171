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
 *
 * <p>An adapter to another metrics library is a few lines, e.g. Micrometer:
 *
 * <pre>{@code
 * Metrics metrics = new Metrics() {
 *     public void eventHandled(Outcome outcome, Duration elapsed, long bytesIn, long bytesOut) {
 *         registry.timer("galerly.photos", "outcome", outcome.kind().name()).record(elapsed);
 *     }
 *     public void attemptFailed(ErrorCode code, boolean retryable) {
 *         registry.counter("galerly.failures", "code", code.name()).increment();
 *     }
 * };
 * }</pre>
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

    /**
     * One stage of a photo's processing finished (successfully or not); reported before
     * {@link #eventHandled} or {@link #attemptFailed} of the same event, on the same thread. Ignored by default.
     *
     * @param stage   which stage
     * @param elapsed wall time spent in it
     */
    default void stageCompleted(Stage stage, Duration elapsed) {
    }

    /**
     * The end of a unit of work (a Lambda invocation): implementations that batch (CloudWatch EMF) write what
     * they hold. Called by the handlers after every invocation; nothing to do by default.
     */
    default void flush() {
    }

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
