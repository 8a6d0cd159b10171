/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import com.galerly.core.metrics.Metrics;
import com.galerly.testkit.MetricsContract;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class MicrometerMetricsContractTest extends MetricsContract {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Override
    protected Metrics metrics() {
        return new MicrometerMetrics(registry);
    }

    @Override
    protected long eventsReported() {
        return registry.find("galerly.photos").timers().stream().mapToLong(Timer::count).sum();
    }
}
