/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import com.galerly.testkit.FakeImage;
import com.galerly.testkit.FakeImageProcessor;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.TestClock;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** One classification of failures for S3 notifications, SQS and S3 Batch Operations. */
class RenditionHandlerFailuresTest {
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private final FakeImageProcessor fake = new FakeImageProcessor();
    private final AtomicReference<RuntimeException> failNext = new AtomicReference<>();
    private final AtomicReference<Instant> deadlineSeen = new AtomicReference<>();
    private final List<EventFailure> reported = new ArrayList<>();
    private final KeyLayout layout = KeyLayout.standard();
    private final PhotoId.Generator ids = PhotoId.generator(clock);
    private final RenditionHandler handler = new RenditionHandler(bucket -> RenditionPipeline.builder()
            .processor(new Failing()).blobs(blobs).photos(photos).clock(clock).build()) {
        @Override
        protected void failed(EventFailure failure) {
            reported.add(failure);
        }
    };

    /** The fake processor, throwing what {@link #failNext} holds once. */
    private final class Failing implements ImageProcessor {
        @Override
        public ImageInfo inspect(ImageSource source) {
            return fake.inspect(source);
        }

        @Override
        public ProcessedImage process(ImageSource source, RenditionProfile profile) {
            RuntimeException e = failNext.getAndSet(null);
            if (e != null) {
                throw e;
            }
            return fake.process(source, profile);
        }

        @Override
        public ProcessedImage process(ImageSource source, RenditionProfile profile, Instant deadline) {
            deadlineSeen.set(deadline);
            return process(source, profile);
        }
    }

    private BlobMetadata upload() {
        PhotoKey photo = new PhotoKey(GalleryId.of("g"), ids.next());
        return blobs.put(layout.originalKey(photo.gallery(), photo.id(), "jpg"), FakeImage.of(300, 200).toBytes(),
                PutOptions.of("image/jpeg"));
    }

    private static String s3(BlobMetadata head) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                 "s3":{"bucket":{"name":"photos"},"object":{"key":"%s","size":%d,"eTag":"%s","sequencer":"01"}}}]}"""
                .formatted(URLEncoder.encode(head.key(), StandardCharsets.UTF_8), head.size(), head.eTag());
    }

    private static String sqs(String... bodies) {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < bodies.length; i++) {
            String quoted = "\"" + bodies[i].replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
            records.append(i == 0 ? "" : ",").append("{\"messageId\":\"m").append(i)
                    .append("\",\"eventSource\":\"aws:sqs\",\"body\":").append(quoted).append('}');
        }
        return "{\"Records\":[" + records + "]}";
    }

    private String handle(String event) {
        return new String(handler.handle(event.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private static List<String> failedIds(String response) {
        return JsonNode.parser().parse(response).field("batchItemFailures").orElseThrow().asArray().stream()
                .map(f -> f.field("itemIdentifier").orElseThrow().text()).toList();
    }

    @Test
    void sqsKeepsANonRetryableProcessingFailureAndDropsOnlyWhatCannotBeParsed() {
        BlobMetadata denied = upload();
        BlobMetadata fine = upload();
        // an S3 4xx other than the known ones surfaces as INVALID_ARGUMENT: a processing failure, not a bad event
        failNext.set(GalerlyException.invalid("S3 answered 400 InvalidRequest"));
        String response = handle(sqs(s3(denied), "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\"}]}", s3(fine), "{not json"));
        assertEquals(List.of("m0"), failedIds(response), response);
        assertEquals(3, reported.size(), reported.toString());
        EventFailure processing = reported.get(0);
        assertEquals(EventFailure.Kind.FAILED, processing.kind());
        assertEquals("m0", processing.messageId());
        assertEquals(denied.key(), processing.key());
        assertEquals(ErrorCode.INVALID_ARGUMENT, processing.code());
        assertEquals(EventFailure.Kind.UNPARSEABLE, reported.get(1).kind());
        assertEquals("m1", reported.get(1).messageId());
        assertEquals(EventFailure.Kind.UNPARSEABLE, reported.get(2).kind());
        assertEquals("m3", reported.get(2).messageId());
        assertEquals(List.of(), failedIds(handle(sqs(s3(denied)))), "redelivered after the fix, it completes");
    }

    @Test
    void theSameFailureIsClassifiedAlikeByTheThreeSources() {
        for (RuntimeException thrown : List.of(new GalerlyException(ErrorCode.CONFIGURATION, "no webp encoder"),
                new IllegalStateException("a bug"), GalerlyException.io("S3 timed out", null))) {
            boolean retry = thrown instanceof GalerlyException g && g.retryable();
            BlobMetadata a = upload();
            failNext.set(thrown);
            GalerlyException direct = assertThrows(GalerlyException.class, () -> handle(s3(a)));
            assertEquals(retry, direct.retryable(), thrown.toString());

            BlobMetadata b = upload();
            failNext.set(thrown);
            assertEquals(List.of("m0"), failedIds(handle(sqs(s3(b)))), thrown.toString());

            BlobMetadata c = upload();
            BlobMetadata d = upload();
            failNext.set(thrown);
            String batch = """
                    {"invocationSchemaVersion":"2.0","invocationId":"i","job":{"id":"j"},"tasks":[
                      {"taskId":"t1","s3Key":"%s","s3VersionId":null,"s3Bucket":"photos"},
                      {"taskId":"t2","s3Key":"%s","s3VersionId":null,"s3Bucket":"photos"},
                      {"taskId":"t3","s3VersionId":null}]}""".formatted(c.key(), d.key());
            JsonNode results = JsonNode.parser().parse(handle(batch)).field("results").orElseThrow();
            assertEquals(retry ? "TemporaryFailure" : "PermanentFailure", code(results, 0), thrown.toString());
            assertEquals("Succeeded", code(results, 1), "one failure never loses the other tasks' results");
            assertEquals("PermanentFailure", code(results, 2));
            assertTrue(text(results, 2).startsWith("UNPARSEABLE"), text(results, 2));
        }
        assertTrue(reported.stream().filter(f -> f.code() == ErrorCode.INTERNAL).count() >= 3, reported.toString());
        photos.all().forEach(p -> assertTrue(p.status() != PhotoStatus.FAILED, "never FAILED: " + p));
    }

    private static String code(JsonNode results, int i) {
        return results.asArray().get(i).field("resultCode").orElseThrow().text();
    }

    private static String text(JsonNode results, int i) {
        return results.asArray().get(i).field("resultString").orElseThrow().text();
    }

    @Test
    void theInvocationsRemainingTimeLessAMarginBecomesEachPhotosDeadline() throws Exception {
        BlobMetadata head = upload();
        Context context = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(),
                new Class<?>[] {Context.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> 60_000;
                    default -> null;
                });
        Instant before = Instant.now();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(s3(head).getBytes(StandardCharsets.UTF_8)), out, context);
        Instant deadline = deadlineSeen.get();
        assertNotNull(deadline);
        assertTrue(!deadline.isBefore(before.plusSeconds(53)) && !deadline.isAfter(Instant.now().plusSeconds(54)),
                "60 s left less a tenth: " + deadline + " vs " + before);
    }
}
