/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.pipeline;

import com.galerly.core.GalerlyException;
import com.galerly.core.image.RenderTimes;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.metrics.Stage;
import com.galerly.core.trace.Tracer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one handled event reports: its metrics, its spans (the event's, and one per stage inside it) and its
 * DEBUG log line. Stages are sequential: {@link #enter(Stage)} ends the stage before it, the end of the event
 * ends the last. Kept apart from {@link RenditionPipeline} so the pipeline's logic reads without it.
 * Nothing secret reaches a span or a log line: bucket, key, photo, codes, sizes and timings only.
 */
final class Observation {
    private static final Logger LOG = LoggerFactory.getLogger(RenditionPipeline.class);

    private final Metrics metrics;
    private final Tracer tracer;
    private final Clock clock;
    private final ObjectCreated event;
    private final Instant start;
    private final Tracer.Span span;
    private final Map<Stage, Duration> stages = new EnumMap<>(Stage.class);
    private Stage current;
    private Instant currentStart;
    private Tracer.Span currentSpan;
    /** The caller's deadline for this event (null: the processor's own time limit). */
    Instant deadline;
    long bytesIn;
    long bytesOut;

    private Observation(Metrics metrics, Tracer tracer, Clock clock, ObjectCreated event) {
        this.metrics = metrics;
        this.tracer = tracer;
        this.clock = clock;
        this.event = event;
        this.start = clock.instant();
        this.span = safeStart(tracer, "galerly.photo");
        span.attribute("galerly.bucket", event.bucket()).attribute("galerly.key", event.key());
    }

    static Observation start(Metrics metrics, Tracer tracer, Clock clock, ObjectCreated event) {
        return new Observation(metrics, tracer, clock, event);
    }

    /** Ends the current stage (if any) and starts {@code stage}. */
    void enter(Stage stage) {
        exit(null);
        current = stage;
        currentStart = clock.instant();
        currentSpan = safeStart(tracer, "galerly." + stage.id());
    }

    /**
     * The processor's own step timings, inside the current {@link Stage#RENDER} stage: metrics, attributes of the
     * render span ({@code galerly.decode_ms} ...) and the DEBUG line. Nothing when the processor did not time them.
     */
    void rendered(RenderTimes times) {
        if (!times.known()) {
            return;
        }
        Map<Stage, Duration> steps = Map.of(Stage.DECODE, times.decode(), Stage.RESIZE, times.resize(),
                Stage.ENCODE, times.encode());
        for (Stage step : new Stage[] {Stage.DECODE, Stage.RESIZE, Stage.ENCODE}) {
            Duration d = steps.get(step);
            stages.merge(step, d, Duration::plus);
            metrics.stageCompleted(step, d);
            if (currentSpan != null) {
                currentSpan.attribute("galerly." + step.id() + "_ms", d.toMillis());
            }
        }
    }

    /** Ends the current stage, if any. */
    void exit() {
        exit(null);
    }

    /** The event's outcome: metrics, span attributes and the DEBUG line (with the stage timings). */
    Outcome finished(Outcome outcome) {
        exit(null);
        Duration elapsed = Duration.between(start, clock.instant());
        metrics.eventHandled(outcome, elapsed, bytesIn, bytesOut);
        span.attribute("galerly.outcome", outcome.kind().name());
        if (outcome.photo() != null) {
            span.attribute("galerly.photo", outcome.photo().toString());
        }
        if (outcome.code() != null) {
            span.attribute("galerly.error_code", outcome.code().name());
        }
        if (LOG.isDebugEnabled()) {
            if (outcome.kind() == Outcome.Kind.PROCESSED) {
                LOG.debug("processed photo {} (bucket {}, key {}): {}, {} bytes in, {} bytes out, {} ms: {}",
                        outcome.photo(), event.bucket(), event.key(), outcome.detail(), bytesIn, bytesOut,
                        elapsed.toMillis(), timings());
            } else {
                LOG.debug("{} photo {} (bucket {}, key {}){}: {}", outcome.kind(), outcome.photo(), event.bucket(),
                        event.key(), outcome.code() == null ? "" : " " + outcome.code(), outcome.detail());
            }
        }
        return outcome;
    }

    /** A failure thrown to the caller (who logs it with its context): metrics and spans. */
    void failed(Throwable failure) {
        exit(failure);
        if (failure instanceof GalerlyException e) {
            metrics.attemptFailed(e.code(), e.retryable());
            span.attribute("galerly.error_code", e.code().name());
        }
        span.failed(failure);
        LOG.debug("attempt failed after {} ms (bucket {}, key {}): {}", Duration.between(start, clock.instant())
                .toMillis(), event.bucket(), event.key(), timings());
    }

    /** Ends the event's span. */
    void close() {
        exit(null);
        span.close();
    }

    /** Stage timings as {@code check=3ms render=120ms ...}. */
    String timings() {
        StringBuilder s = new StringBuilder();
        stages.forEach((stage, d) -> s.append(s.length() == 0 ? "" : " ").append(stage.id()).append('=')
                .append(d.toMillis()).append("ms"));
        return s.toString();
    }

    private void exit(Throwable failure) {
        if (current == null) {
            return;
        }
        Duration d = Duration.between(currentStart, clock.instant());
        stages.merge(current, d, Duration::plus);
        metrics.stageCompleted(current, d);
        if (failure != null) {
            currentSpan.failed(failure);
        }
        currentSpan.close();
        current = null;
        currentSpan = null;
    }

    private static Tracer.Span safeStart(Tracer tracer, String name) {
        try {
            Tracer.Span s = tracer.start(name);
            return s != null ? s : Tracer.noop().start(name);
        } catch (RuntimeException e) {
            return Tracer.noop().start(name);       // tracing must never fail the work it describes
        }
    }
}
