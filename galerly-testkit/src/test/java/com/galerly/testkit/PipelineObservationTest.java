/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenderTimes;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.metrics.Stage;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import com.galerly.testkit.logging.LogCapture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the pipeline reports about its work: stage timings, spans per photo and per stage, the DEBUG line. */
class PipelineObservationTest {
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final RecordingTracer tracer = new RecordingTracer();
    private final KeyLayout layout = KeyLayout.standard();
    private final PhotoId.Generator ids = PhotoId.generator(clock);

    /** Renders like the fake, taking 120 ms of the test clock. */
    private final ImageProcessor slowRenderer = new ImageProcessor() {
        private final FakeImageProcessor fake = new FakeImageProcessor();

        @Override
        public ImageInfo inspect(ImageSource source) {
            return fake.inspect(source);
        }

        @Override
        public ProcessedImage process(ImageSource source, RenditionProfile profile) {
            clock.advance(Duration.ofMillis(120));
            return fake.process(source, profile);
        }
    };

    private final RenditionPipeline pipeline = RenditionPipeline.builder().adoptUnknownOriginals(true)   // originals put directly: adopted
            .processor(slowRenderer).blobs(blobs)
            .photos(photos).clock(clock).metrics(metrics).tracer(tracer).build();

    private ObjectCreated upload(PhotoKey photo, byte[] bytes) {
        BlobMetadata head = blobs.put(layout.originalKey(photo.gallery(), photo.id(), "jpg"), bytes,
                PutOptions.of("image/jpeg"));
        return new ObjectCreated("photos", head.key(), head.size(), head.eTag(), null, "01");
    }

    @Test
    void aProcessedPhotoIsTimedPerStageTracedAndLoggedAtDebug() {
        PhotoKey photo = new PhotoKey(GalleryId.of("g"), ids.next());
        ObjectCreated event = upload(photo, FakeImage.of(3000, 2000).toBytes());
        Outcome outcome;
        try (LogCapture log = LogCapture.of("com.galerly.core")) {
            outcome = pipeline.handle(event);
            List<String> debug = log.lines("DEBUG");
            assertEquals(1, debug.size(), debug.toString());
            String line = debug.get(0);
            assertTrue(line.contains("processed photo " + photo), line);
            assertTrue(line.contains("key " + event.key()), line);
            assertTrue(line.contains("render=120ms"), line);
            assertTrue(line.contains("check=0ms") && line.contains("store=0ms") && line.contains("record=0ms"), line);
        }
        assertEquals(Outcome.Kind.PROCESSED, outcome.kind());

        assertEquals(List.of(Stage.CHECK, Stage.RENDER, Stage.STORE, Stage.RECORD),
                metrics.stages().stream().map(RecordingMetrics.StageTiming::stage).toList());
        assertEquals(Duration.ofMillis(120), metrics.stages().get(1).elapsed());
        assertEquals(Duration.ofMillis(120), metrics.events().get(0).elapsed());

        assertEquals(List.of("galerly.photo", "galerly.check", "galerly.render", "galerly.store", "galerly.record"),
                tracer.spans().stream().map(RecordingTracer.RecordedSpan::name).toList());
        RecordingTracer.RecordedSpan root = tracer.span("galerly.photo").orElseThrow();
        assertEquals(null, root.parent());
        assertEquals("photos", root.attributes().get("galerly.bucket"));
        assertEquals(event.key(), root.attributes().get("galerly.key"));
        assertEquals("PROCESSED", root.attributes().get("galerly.outcome"));
        assertEquals(photo.toString(), root.attributes().get("galerly.photo"));
        for (RecordingTracer.RecordedSpan span : tracer.spans()) {
            assertTrue(span.ended(), span + " ended");
            if (span != root) {
                assertEquals("galerly.photo", span.parent(), span + " is a child of the photo's span");
            }
        }
    }

    @Test
    void theProcessorsStepTimingsAreReportedInsideTheRenderStage() {
        ImageProcessor timed = new ImageProcessor() {
            private final FakeImageProcessor fake = new FakeImageProcessor();

            @Override
            public ImageInfo inspect(ImageSource source) {
                return fake.inspect(source);
            }

            @Override
            public ProcessedImage process(ImageSource source, RenditionProfile profile) {
                clock.advance(Duration.ofMillis(90));
                ProcessedImage image = fake.process(source, profile);
                return new ProcessedImage(image.info(), image.renditions(), image.placeholder(),
                        new RenderTimes(Duration.ofMillis(40), Duration.ofMillis(30), Duration.ofMillis(35)));
            }
        };
        RenditionPipeline timedPipeline = RenditionPipeline.builder().adoptUnknownOriginals(true).processor(timed).blobs(blobs).photos(photos)
                .clock(clock).metrics(metrics).tracer(tracer).build();
        PhotoKey photo = new PhotoKey(GalleryId.of("g"), ids.next());
        try (LogCapture log = LogCapture.of("com.galerly.core")) {
            assertEquals(Outcome.Kind.PROCESSED, timedPipeline.handle(upload(photo, FakeImage.of(3000, 2000).toBytes())).kind());
            String line = log.lines("DEBUG").get(0);
            assertTrue(line.contains("render=90ms decode=40ms resize=30ms encode=35ms"), line);
        }
        assertEquals(List.of(Stage.CHECK, Stage.DECODE, Stage.RESIZE, Stage.ENCODE, Stage.RENDER, Stage.STORE,
                        Stage.RECORD), metrics.stages().stream().map(RecordingMetrics.StageTiming::stage).toList());
        assertEquals(Duration.ofMillis(35), metrics.stages().get(3).elapsed());
        RecordingTracer.RecordedSpan render = tracer.span("galerly.render").orElseThrow();
        assertEquals(40L, render.attributes().get("galerly.decode_ms"));
        assertEquals(30L, render.attributes().get("galerly.resize_ms"));
        assertEquals(35L, render.attributes().get("galerly.encode_ms"));
    }

    @Test
    void aProcessorThatDoesNotTimeItsStepsReportsNoSteps() {
        PhotoKey photo = new PhotoKey(GalleryId.of("g"), ids.next());
        pipeline.handle(upload(photo, FakeImage.of(800, 600).toBytes()));
        assertTrue(metrics.stages().stream().noneMatch(t -> t.stage() == Stage.DECODE || t.stage() == Stage.ENCODE),
                metrics.stages().toString());
        assertTrue(!tracer.span("galerly.render").orElseThrow().attributes().containsKey("galerly.decode_ms"));
    }

    @Test
    void aRejectedPhotoCarriesItsErrorCodeOnTheSpan() {
        PhotoKey photo = new PhotoKey(GalleryId.of("g"), ids.next());
        Outcome outcome = pipeline.handle(upload(photo, "not an image".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(Outcome.Kind.REJECTED, outcome.kind());
        RecordingTracer.RecordedSpan root = tracer.span("galerly.photo").orElseThrow();
        assertEquals(outcome.code().name(), root.attributes().get("galerly.error_code"));
        assertTrue(tracer.spans().stream().allMatch(RecordingTracer.RecordedSpan::ended));
    }

    @Test
    void aFailedAttemptMarksThePhotoAndTheStageSpansFailed() {
        PhotoKey photo = new PhotoKey(GalleryId.of("g"), ids.next());
        ObjectCreated event = upload(photo, FakeImage.of(800, 600).toBytes());
        blobs.faults().failNext("put", 1, Fault.TRANSIENT);
        GalerlyException e = assertThrows(GalerlyException.class, () -> pipeline.handle(event));
        assertTrue(e.retryable());
        RecordingTracer.RecordedSpan store = tracer.span("galerly.store").orElseThrow();
        assertNotNull(store.failure(), "the stage that failed");
        assertEquals(e, tracer.span("galerly.photo").orElseThrow().failure());
        assertEquals(e.code().name(), tracer.span("galerly.photo").orElseThrow().attributes().get("galerly.error_code"));
        assertTrue(tracer.spans().stream().allMatch(RecordingTracer.RecordedSpan::ended), "every span ended");
        assertEquals(List.of(new RecordingMetrics.Failure(e.code(), true)), metrics.failures());
        assertTrue(metrics.stages().stream().anyMatch(t -> t.stage() == Stage.STORE));
    }
}
