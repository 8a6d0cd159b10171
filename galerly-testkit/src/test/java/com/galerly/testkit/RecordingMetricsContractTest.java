/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.metrics.Metrics;

class RecordingMetricsContractTest extends MetricsContract {
    private final RecordingMetrics metrics = new RecordingMetrics();

    @Override
    protected Metrics metrics() {
        return metrics;
    }

    @Override
    protected long eventsReported() {
        return metrics.events().size();
    }
}
