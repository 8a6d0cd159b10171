/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal.otel;

import com.galerly.aws.lambda.Tracing;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

/** {@link com.galerly.core.trace.Tracer} on OpenTelemetry's API; loaded only when the API is present. */
public final class OpenTelemetryTracer implements com.galerly.core.trace.Tracer {
    private final io.opentelemetry.api.trace.Tracer tracer;

    private OpenTelemetryTracer(io.opentelemetry.api.trace.Tracer tracer) {
        this.tracer = tracer;
    }

    /** Called reflectively by {@link Tracing}: {@code openTelemetry} is an {@link OpenTelemetry} or null (global). */
    public static com.galerly.core.trace.Tracer create(Object openTelemetry) {
        if (openTelemetry != null && !(openTelemetry instanceof OpenTelemetry)) {
            throw new IllegalArgumentException("not an io.opentelemetry.api.OpenTelemetry: " + openTelemetry.getClass());
        }
        OpenTelemetry otel = openTelemetry != null ? (OpenTelemetry) openTelemetry : GlobalOpenTelemetry.get();
        return new OpenTelemetryTracer(otel.getTracer(Tracing.INSTRUMENTATION_SCOPE));
    }

    @Override
    public Span start(String name) {
        io.opentelemetry.api.trace.Span span = tracer.spanBuilder(name).startSpan();
        return new OtelSpan(span, span.makeCurrent());
    }

    private record OtelSpan(io.opentelemetry.api.trace.Span span, Scope scope) implements Span {
        @Override
        public Span attribute(String key, String value) {
            if (value != null) {
                span.setAttribute(key, value);
            }
            return this;
        }

        @Override
        public Span attribute(String key, long value) {
            span.setAttribute(AttributeKey.longKey(key), value);
            return this;
        }

        @Override
        public void failed(Throwable cause) {
            span.recordException(cause);
            span.setStatus(StatusCode.ERROR, cause.getClass().getSimpleName());
        }

        @Override
        public void close() {
            try {
                scope.close();
            } finally {
                span.end();
            }
        }
    }
}
