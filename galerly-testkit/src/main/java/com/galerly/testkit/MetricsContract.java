/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalleryId;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.metrics.Stage;
import com.galerly.core.pipeline.Outcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Metrics} must do: take every outcome, error code and stage the pipeline reports, extreme
 * values included, without throwing, from many threads at once, and count each event once. An
 * implementation's test extends this class:
 *
 * <pre>{@code
 * class MicrometerMetricsContractTest extends MetricsContract {
 *     final SimpleMeterRegistry registry = new SimpleMeterRegistry();
 *     protected Metrics metrics() { return new MicrometerMetrics(registry); }
 *     protected long eventsReported() {
 *         return registry.find("galerly.photos").timers().stream().mapToLong(Timer::count).sum();
 *     }
 * }
 * }</pre>
 */
public abstract class MetricsContract {
    /** A photo the outcomes name. */
    protected static final PhotoKey PHOTO = PhotoKey.of(GalleryId.of("smith-wedding"),
            PhotoId.of("01jd6v2k8m3q9x7c5t4r2n0bza"));

    /** The metrics under test; called once per test. */
    protected abstract Metrics metrics();

    /** How many {@link Metrics#eventHandled} calls the metrics under test have reported (after a flush). */
    protected abstract long eventsReported();

    /** An outcome of each kind the pipeline reports. */
    protected static List<Outcome> everyOutcome() {
        List<Outcome> outcomes = new ArrayList<>();
        for (Outcome.Kind kind : Outcome.Kind.values()) {
            outcomes.add(new Outcome(kind, PHOTO, kind == Outcome.Kind.REJECTED ? ErrorCode.CORRUPT_IMAGE : null,
                    "contract " + kind));
        }
        return outcomes;
    }

    @Test
    void takesEveryOutcomeCodeAndStageWithExtremeValues() {
        Metrics metrics = metrics();
        List<Outcome> outcomes = everyOutcome();
        for (Outcome outcome : outcomes) {
            metrics.eventHandled(outcome, Duration.ZERO, 0, 0);
            metrics.eventHandled(outcome, Duration.ofMinutes(15), Long.MAX_VALUE / 2, 1L << 40);
        }
        for (ErrorCode code : ErrorCode.values()) {
            metrics.attemptFailed(code, code.retryable());
        }
        for (Stage stage : Stage.values()) {
            metrics.stageCompleted(stage, Duration.ZERO);
            metrics.stageCompleted(stage, Duration.ofMillis(1234));
        }
        metrics.flush();
        metrics.flush();
        assertEquals(2L * outcomes.size(), eventsReported(), "each event reported once");
    }

    @Test
    void aFlushWithNothingToWriteIsHarmless() {
        Metrics metrics = metrics();
        metrics.flush();
        assertEquals(0, eventsReported());
    }

    @Test
    void isThreadSafe() throws Exception {
        Metrics metrics = metrics();
        int threads = 4;
        int perThread = 250;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    Outcome processed = everyOutcome().get(0);
                    for (int i = 0; i < perThread; i++) {
                        metrics.stageCompleted(Stage.RENDER, Duration.ofMillis(i));
                        metrics.eventHandled(processed, Duration.ofMillis(i), i, i);
                        metrics.attemptFailed(ErrorCode.IO_ERROR, true);
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        metrics.flush();
        assertEquals((long) threads * perThread, eventsReported(), "no event lost or counted twice");
    }
}
