/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.trace.Tracer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Tracer} that remembers every span (name, parent, attributes, failure), for assertions. A span opened
 * while another is open on the same thread is its child, as with OpenTelemetry's current context.
 *
 * <pre>{@code
 * RecordingTracer tracer = new RecordingTracer();
 * pipeline = RenditionPipeline.builder()....tracer(tracer).build();
 * assertEquals("galerly.photo", tracer.span("galerly.render").orElseThrow().parent());
 * }</pre>
 */
public final class RecordingTracer implements Tracer {
    private final List<RecordedSpan> spans = new CopyOnWriteArrayList<>();
    private final ThreadLocal<Deque<RecordedSpan>> open = ThreadLocal.withInitial(ArrayDeque::new);

    @Override
    public Span start(String name) {
        RecordedSpan parent = open.get().peek();
        RecordedSpan span = new RecordedSpan(name, parent == null ? null : parent.name());
        open.get().push(span);
        spans.add(span);
        return span;
    }

    /** Every span opened, in the order they were opened. */
    public List<RecordedSpan> spans() {
        return List.copyOf(spans);
    }

    /** The first span of that name. */
    public Optional<RecordedSpan> span(String name) {
        return spans.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** One span. */
    public final class RecordedSpan implements Span {
        private final String name;
        private final String parent;
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private volatile Throwable failure;
        private volatile boolean ended;

        private RecordedSpan(String name, String parent) {
            this.name = name;
            this.parent = parent;
        }

        public String name() {
            return name;
        }

        /** The name of the span that was current when this one opened, or null. */
        public String parent() {
            return parent;
        }

        public synchronized Map<String, Object> attributes() {
            return Map.copyOf(attributes);
        }

        /** The failure it was marked with, or null. */
        public Throwable failure() {
            return failure;
        }

        public boolean ended() {
            return ended;
        }

        @Override
        public synchronized Span attribute(String key, String value) {
            if (value != null) {        // dropped, as OpenTelemetry drops it
                attributes.put(key, value);
            }
            return this;
        }

        @Override
        public synchronized Span attribute(String key, long value) {
            attributes.put(key, value);
            return this;
        }

        @Override
        public void failed(Throwable cause) {
            failure = cause;
        }

        @Override
        public void close() {
            ended = true;
            open.get().remove(this);
        }

        @Override
        public String toString() {
            return name + (parent == null ? "" : " (in " + parent + ")") + " " + attributes()
                    + (failure == null ? "" : " failed: " + failure);
        }
    }
}
