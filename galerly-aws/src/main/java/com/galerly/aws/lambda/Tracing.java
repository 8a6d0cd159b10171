/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import com.galerly.core.trace.Tracer;

/**
 * Tracers for the pipeline's spans. {@link #openTelemetry()} goes through OpenTelemetry's API
 * ({@code io.opentelemetry:opentelemetry-api}, an optional dependency Galerly does not ship with an SDK): the
 * application's SDK or agent (the ADOT Lambda layer, the OpenTelemetry Java agent, an SDK registered as
 * global) exports the spans to X-Ray or any OpenTelemetry backend. Without the API on the classpath, or without
 * an SDK, it is a no-op.
 *
 * <pre>{@code
 * RenditionPipeline pipeline = RenditionPipeline.builder()....tracer(Tracing.openTelemetry()).build();
 * }</pre>
 */
public final class Tracing {
    /** The instrumentation scope name of Galerly's spans. */
    public static final String INSTRUMENTATION_SCOPE = "com.galerly";
    private static final String ADAPTER = "com.galerly.aws.internal.otel.OpenTelemetryTracer";

    private Tracing() {
    }

    /** Spans through {@code GlobalOpenTelemetry}, or {@link Tracer#noop()} when the API is not on the classpath. */
    public static Tracer openTelemetry() {
        return available() ? adapter(null) : Tracer.noop();
    }

    /**
     * Spans through the given {@code io.opentelemetry.api.OpenTelemetry} instance (typed {@code Object} so that
     * this class loads without the API).
     *
     * @throws IllegalArgumentException if it is not an {@code OpenTelemetry} or the API is missing
     */
    public static Tracer openTelemetry(Object openTelemetry) {
        if (!available()) {
            throw new IllegalArgumentException("io.opentelemetry:opentelemetry-api is not on the classpath");
        }
        return adapter(openTelemetry);
    }

    /** Whether OpenTelemetry's API is on the classpath. */
    public static boolean available() {
        try {
            Class.forName("io.opentelemetry.api.GlobalOpenTelemetry", false, Tracing.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Tracer adapter(Object openTelemetry) {
        try {
            Class<?> type = Class.forName(ADAPTER, true, Tracing.class.getClassLoader());
            return (Tracer) type.getMethod("create", Object.class).invoke(null, openTelemetry);
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                throw iae;
            }
            return Tracer.noop();
        } catch (ReflectiveOperationException | LinkageError e) {
            return Tracer.noop();
        }
    }
}
