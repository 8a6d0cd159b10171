/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import com.galerly.core.trace.Tracer;
import com.galerly.testkit.FakeImage;
import com.galerly.testkit.FakeImageProcessor;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.TestClock;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pipeline's spans through OpenTelemetry's API, exported by an SDK the test sets up. */
class TracingTest {
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final KeyLayout layout = KeyLayout.standard();

    @Test
    void oneSpanPerPhotoWithAChildPerStage() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build()) {
            Tracer tracer = Tracing.openTelemetry(otel);
            RenditionPipeline pipeline = RenditionPipeline.builder().processor(new FakeImageProcessor()).blobs(blobs)
                    .photos(new InMemoryPhotoRepository(clock)).clock(clock).tracer(tracer).build();
            PhotoKey photo = new PhotoKey(GalleryId.of("g"), PhotoId.generator(clock).next());
            BlobMetadata head = blobs.put(layout.originalKey(photo.gallery(), photo.id(), "jpg"),
                    FakeImage.of(1200, 800).toBytes(), PutOptions.of("image/jpeg"));
            assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(new ObjectCreated("photos", head.key(), head.size(),
                    head.eTag(), null, "01")).kind());

            Map<String, SpanData> spans = exporter.getFinishedSpanItems().stream()
                    .collect(Collectors.toMap(SpanData::getName, Function.identity()));
            assertEquals(List.of("galerly.check", "galerly.photo", "galerly.record", "galerly.render", "galerly.store"),
                    spans.keySet().stream().sorted().toList());
            SpanData root = spans.get("galerly.photo");
            assertEquals(Tracing.INSTRUMENTATION_SCOPE, root.getInstrumentationScopeInfo().getName());
            assertEquals(head.key(), root.getAttributes().get(AttributeKey.stringKey("galerly.key")));
            assertEquals("PROCESSED", root.getAttributes().get(AttributeKey.stringKey("galerly.outcome")));
            for (SpanData span : spans.values()) {
                assertEquals(root.getTraceId(), span.getTraceId(), "one trace");
                if (span != root) {
                    assertEquals(root.getSpanId(), span.getParentSpanId(), span.getName() + " is a child of the photo");
                }
            }
        }
    }

    @Test
    void aFailureSetsTheErrorStatus() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (OpenTelemetrySdk otel = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build()) {
            RenditionPipeline pipeline = RenditionPipeline.builder().processor(new FakeImageProcessor()).blobs(blobs)
                    .photos(new InMemoryPhotoRepository(clock)).clock(clock).tracer(Tracing.openTelemetry(otel)).build();
            PhotoKey photo = new PhotoKey(GalleryId.of("g"), PhotoId.generator(clock).next());
            BlobMetadata head = blobs.put(layout.originalKey(photo.gallery(), photo.id(), "jpg"),
                    FakeImage.of(1200, 800).toBytes(), PutOptions.of("image/jpeg"));
            blobs.faults().failNext("put", 1, com.galerly.testkit.Fault.TRANSIENT);
            assertThrows(RuntimeException.class, () -> pipeline.handle(new ObjectCreated("photos", head.key(),
                    head.size(), head.eTag(), null, "01")));
            SpanData root = exporter.getFinishedSpanItems().stream().filter(s -> s.getName().equals("galerly.photo"))
                    .findFirst().orElseThrow();
            assertEquals(StatusCode.ERROR, root.getStatus().getStatusCode());
            assertEquals("IO_ERROR", root.getAttributes().get(AttributeKey.stringKey("galerly.error_code")));
            assertTrue(root.getEvents().stream().anyMatch(e -> e.getName().equals("exception")));
        }
    }

    @Test
    void withoutAnSdkTheGlobalApiIsANoOpAndAWrongArgumentIsRefused() {
        Tracer tracer = Tracing.openTelemetry();
        try (Tracer.Span span = tracer.start("galerly.photo")) {
            span.attribute("galerly.key", "k").attribute("galerly.bytes", 3);
        }
        assertTrue(Tracing.available());
        assertThrows(IllegalArgumentException.class, () -> Tracing.openTelemetry("not an OpenTelemetry"));
    }
}
