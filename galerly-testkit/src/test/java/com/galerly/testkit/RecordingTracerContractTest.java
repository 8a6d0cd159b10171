/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.trace.Tracer;
import java.util.List;

class RecordingTracerContractTest extends TracerContract {
    private final RecordingTracer tracer = new RecordingTracer();

    @Override
    protected Tracer tracer() {
        return tracer;
    }

    @Override
    protected List<Finished> finished() {
        return tracer.spans().stream().filter(RecordingTracer.RecordedSpan::ended)
                .map(s -> new Finished(s.name(), s.parent(), s.attributes(), s.failure() != null)).toList();
    }
}
