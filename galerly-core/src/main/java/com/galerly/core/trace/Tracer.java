/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.trace;

/**
 * Where the pipeline opens spans: one per photo ({@code galerly.photo}) and one per stage inside it
 * ({@code galerly.check}, {@code galerly.render}, {@code galerly.store}, {@code galerly.record}). A span opened
 * while another is open on the same thread is its child. {@code galerly-aws}'s {@code Tracing.openTelemetry()}
 * adapts OpenTelemetry's API (so X-Ray or any OpenTelemetry backend shows them); the default does nothing.
 * Implementations must be thread-safe and must not throw.
 *
 * <pre>{@code
 * RenditionPipeline pipeline = RenditionPipeline.builder()....tracer(Tracing.openTelemetry()).build();
 * }</pre>
 */
public interface Tracer {
    /** Opens a span, current on this thread until {@link Span#close()}. */
    Span start(String name);

    /** Opens no span. */
    static Tracer noop() {
        return NoopTracer.INSTANCE;
    }

    /** An open span; close it on the thread that opened it (try-with-resources). */
    interface Span extends AutoCloseable {
        /** Adds a string attribute (never a secret: attributes are exported as they are). */
        Span attribute(String key, String value);

        /** Adds a number attribute. */
        Span attribute(String key, long value);

        /** Marks the span failed with this cause. */
        void failed(Throwable cause);

        /** Ends the span. */
        @Override
        void close();
    }
}

enum NoopTracer implements Tracer, Tracer.Span {
    INSTANCE;

    @Override
    public Span start(String name) {
        return this;
    }

    @Override
    public Span attribute(String key, String value) {
        return this;
    }

    @Override
    public Span attribute(String key, long value) {
        return this;
    }

    @Override
    public void failed(Throwable cause) {
    }

    @Override
    public void close() {
    }
}
