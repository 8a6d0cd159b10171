/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.trace.Tracer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Tracer} must show: a span carries its name and attributes, a span opened while another
 * is open on the same thread is its child (and only on that thread), a failure marks the span, and nothing a caller
 * does with a span throws (a null attribute value is dropped). Extend it in your implementation's test and report
 * the spans your backend received through {@link #finished()}.
 *
 * <pre>{@code
 * class RecordingTracerContractTest extends TracerContract {
 *     private final RecordingTracer tracer = new RecordingTracer();
 *     protected Tracer tracer() { return tracer; }
 *     protected List<Finished> finished() {
 *         return tracer.spans().stream().filter(RecordedSpan::ended)
 *                 .map(s -> new Finished(s.name(), s.parent(), s.attributes(), s.failure() != null)).toList();
 *     }
 * }
 * }</pre>
 */
public abstract class TracerContract {
    /**
     * A span as the backend received it.
     *
     * @param name       its name
     * @param parent     the name of its parent span, or null for a root span
     * @param attributes its attributes (string values as String, number values as Long)
     * @param failed     whether it was marked failed
     */
    public record Finished(String name, String parent, Map<String, Object> attributes, boolean failed) {
    }

    private String prefix;

    /** The tracer under test. */
    protected abstract Tracer tracer();

    /** Every span ended so far (in any order). */
    protected abstract List<Finished> finished();

    @BeforeEach
    void uniqueNames() {
        prefix = "contract-" + UUID.randomUUID() + ".";
    }

    private Finished only(String name) {
        List<Finished> named = finished().stream().filter(f -> f.name().equals(prefix + name)).toList();
        assertEquals(1, named.size(), "one finished span named " + name + ": " + named);
        return named.get(0);
    }

    private String parentOf(String name) {
        String parent = only(name).parent();
        return parent == null ? null : parent.substring(prefix.length());
    }

    @Test
    void aSpanCarriesItsNameAndAttributes() {
        try (Tracer.Span span = tracer().start(prefix + "photo")) {
            span.attribute("bucket", "photos").attribute("bytes", 42L);
        }
        Finished photo = only("photo");
        assertNull(photo.parent());
        assertFalse(photo.failed());
        assertEquals("photos", photo.attributes().get("bucket"));
        assertEquals(42L, photo.attributes().get("bytes"));
    }

    @Test
    void aSpanOpenedWhileAnotherIsOpenIsItsChild() {
        try (Tracer.Span photo = tracer().start(prefix + "photo")) {
            try (Tracer.Span check = tracer().start(prefix + "check")) {
                check.attribute("stage", 1L);
            }
            try (Tracer.Span render = tracer().start(prefix + "render")) {
                try (Tracer.Span encode = tracer().start(prefix + "encode")) {
                    encode.attribute("format", "jpeg");
                }
            }
        }
        try (Tracer.Span next = tracer().start(prefix + "next")) {
            next.attribute("after", "photo");
        }
        assertNull(parentOf("photo"));
        assertEquals("photo", parentOf("check"));
        assertEquals("photo", parentOf("render"), "a closed sibling is no parent");
        assertEquals("render", parentOf("encode"));
        assertNull(parentOf("next"), "once the photo span is closed, a new span is a root again");
    }

    @Test
    void aFailureMarksTheSpan() {
        try (Tracer.Span span = tracer().start(prefix + "photo")) {
            span.failed(new IllegalStateException("boom"));
        }
        assertTrue(only("photo").failed());
    }

    @Test
    void aSpanOnAnotherThreadIsNotAChildOfThisThreadsSpan() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Tracer.Span photo = tracer().start(prefix + "photo")) {
            other.submit(() -> tracer().start(prefix + "elsewhere").close()).get(10, TimeUnit.SECONDS);
        } finally {
            other.shutdownNow();
        }
        assertNull(parentOf("elsewhere"));
    }

    @Test
    void aNullAttributeValueIsDroppedNotThrown() {
        try (Tracer.Span span = tracer().start(prefix + "photo")) {
            span.attribute("errorCode", (String) null).attribute("key", "k");
        }
        Finished photo = only("photo");
        assertFalse(photo.attributes().containsKey("errorCode"), photo.toString());
        assertEquals("k", photo.attributes().get("key"));
    }

    @Test
    void concurrentPhotosKeepTheirOwnChildren() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        try (Tracer.Span photo = tracer().start(prefix + "photo-" + thread + "-" + i)) {
                            tracer().start(prefix + "render-" + thread + "-" + i).close();
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, String> parents = finished().stream().filter(f -> f.name().startsWith(prefix + "render-"))
                .collect(Collectors.toMap(Finished::name, f -> String.valueOf(f.parent())));
        assertEquals(100, parents.size());
        parents.forEach((render, parent) -> assertEquals(render.replace("render-", "photo-"), parent));
    }
}
