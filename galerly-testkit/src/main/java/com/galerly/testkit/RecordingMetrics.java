/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.ErrorCode;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.metrics.Stage;
import com.galerly.core.pipeline.Outcome;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link Metrics} that remembers every report, for assertions. Thread-safe.
 *
 * {@snippet :
 * RecordingMetrics metrics = new RecordingMetrics();
 * pipeline = RenditionPipeline.builder()....metrics(metrics).build();
 * assertEquals(1, metrics.count(Outcome.Kind.PROCESSED));
 * }
 */
public final class RecordingMetrics implements Metrics {
    /**
     * One reported event.
     *
     * @param outcome  what happened
     * @param elapsed  how long it took
     * @param bytesIn  bytes read
     * @param bytesOut bytes written
     */
    public record Event(Outcome outcome, Duration elapsed, long bytesIn, long bytesOut) {
    }

    /**
     * One failed attempt.
     *
     * @param code      its error code
     * @param retryable whether it was retryable
     */
    public record Failure(ErrorCode code, boolean retryable) {
    }

    /**
     * One timed stage.
     *
     * @param stage   which stage
     * @param elapsed how long it took
     */
    public record StageTiming(Stage stage, Duration elapsed) {
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<Failure> failures = new CopyOnWriteArrayList<>();
    private final List<StageTiming> stages = new CopyOnWriteArrayList<>();
    private final AtomicInteger flushes = new AtomicInteger();

    @Override
    public void eventHandled(Outcome outcome, Duration elapsed, long bytesIn, long bytesOut) {
        events.add(new Event(outcome, elapsed, bytesIn, bytesOut));
    }

    @Override
    public void attemptFailed(ErrorCode code, boolean retryable) {
        failures.add(new Failure(code, retryable));
    }

    @Override
    public void stageCompleted(Stage stage, Duration elapsed) {
        stages.add(new StageTiming(stage, elapsed));
    }

    @Override
    public void flush() {
        flushes.incrementAndGet();
    }

    /** Every stage timed, in order. */
    public List<StageTiming> stages() {
        return List.copyOf(stages);
    }

    /** How many times {@link #flush()} was called. */
    public int flushes() {
        return flushes.get();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    public List<Failure> failures() {
        return List.copyOf(failures);
    }

    public long count(Outcome.Kind kind) {
        return events.stream().filter(e -> e.outcome().kind() == kind).count();
    }

    /** Outcomes counted by kind. */
    public Map<Outcome.Kind, Long> counts() {
        Map<Outcome.Kind, Long> counts = new EnumMap<>(Outcome.Kind.class);
        events.forEach(e -> counts.merge(e.outcome().kind(), 1L, Long::sum));
        return counts;
    }
}
