/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import com.galerly.core.ErrorCode;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.metrics.Stage;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.spi.Checks;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * {@link Metrics} as Micrometer meters: the whole adapter. The starter registers it when the application has a
 * {@code MeterRegistry} bean (Spring Boot Actuator).
 *
 * <ul>
 *   <li>{@code galerly.photos} (timer), tags {@code outcome}, {@code error.code} (NONE unless REJECTED);</li>
 *   <li>{@code galerly.bytes.in}, {@code galerly.bytes.out} (distribution summaries, bytes);</li>
 *   <li>{@code galerly.stage} (timer), tag {@code stage}: check, render (and inside it decode, resize, encode), store, record;</li>
 *   <li>{@code galerly.failures} (counter), tags {@code error.code}, {@code retryable}.</li>
 * </ul>
 *
 * <pre>{@code
 * Metrics metrics = new MicrometerMetrics(meterRegistry);
 * }</pre>
 */
public final class MicrometerMetrics implements Metrics {
    private final MeterRegistry registry;

    public MicrometerMetrics(MeterRegistry registry) {
        this.registry = Checks.notNull(registry, "registry");
    }

    @Override
    public void eventHandled(Outcome outcome, Duration elapsed, long bytesIn, long bytesOut) {
        registry.timer("galerly.photos", "outcome", outcome.kind().name(),
                "error.code", outcome.code() == null ? "NONE" : outcome.code().name()).record(elapsed);
        registry.summary("galerly.bytes.in").record(bytesIn);
        registry.summary("galerly.bytes.out").record(bytesOut);
    }

    @Override
    public void attemptFailed(ErrorCode code, boolean retryable) {
        registry.counter("galerly.failures", "error.code", code.name(), "retryable", Boolean.toString(retryable))
                .increment();
    }

    @Override
    public void stageCompleted(Stage stage, Duration elapsed) {
        registry.timer("galerly.stage", "stage", stage.id()).record(elapsed);
    }
}
