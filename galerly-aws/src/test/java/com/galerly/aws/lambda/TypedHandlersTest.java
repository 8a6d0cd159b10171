/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3BatchEventV2;
import com.amazonaws.services.lambda.runtime.events.S3BatchResponse;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
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
import com.galerly.testkit.Fault;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.RecordingMetrics;
import com.galerly.testkit.TestClock;
import java.lang.reflect.Proxy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The typed entry points on aws-lambda-java-events types run the stream handler's code. */
class TypedHandlersTest {
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final KeyLayout layout = KeyLayout.builder().originalsPrefix("my uploads/").build();
    private final RenditionPipeline pipeline = RenditionPipeline.builder().adoptUnknownOriginals(true)   // originals put directly
            .processor(new FakeImageProcessor())
            .blobs(blobs).photos(photos).layout(layout).clock(clock).metrics(metrics).build();
    private final PhotoId.Generator ids = PhotoId.generator(clock);

    private PhotoKey photo() {
        return new PhotoKey(GalleryId.of("g"), ids.next());
    }

    private BlobMetadata upload(PhotoKey photo, byte[] bytes) {
        return blobs.put(layout.originalKey(photo.gallery(), photo.id(), "jpg"), bytes, PutOptions.of("image/jpeg"));
    }

    private static S3EventNotification.S3EventNotificationRecord record(BlobMetadata head, String sequencer) {
        // as S3 sends it: the key form-encoded ("my uploads/" -> "my+uploads%2F")
        S3EventNotification.S3ObjectEntity object = new S3EventNotification.S3ObjectEntity(
                URLEncoder.encode(head.key(), StandardCharsets.UTF_8), head.size(), head.eTag(), null, sequencer);
        S3EventNotification.S3Entity s3 = new S3EventNotification.S3Entity("cfg",
                new S3EventNotification.S3BucketEntity("photos", null, "arn:aws:s3:::photos"), object, "1.0");
        return new S3EventNotification.S3EventNotificationRecord("eu-west-1", "ObjectCreated:Put", "aws:s3",
                "2026-12-03T08:00:00.000Z", "2.1", null, null, s3, null);
    }

    private static String notificationJson(BlobMetadata head) {
        return """
                {"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"photos"},
                 "object":{"key":"%s","size":%d,"eTag":"%s","sequencer":"01"}}}]}"""
                .formatted(URLEncoder.encode(head.key(), StandardCharsets.UTF_8), head.size(), head.eTag());
    }

    private static SQSEvent.SQSMessage message(String id, String body) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setEventSource("aws:sqs");
        m.setBody(body);
        return m;
    }

    @Test
    void sqsEventsAnswerWithTheMessagesThatFailedTransiently() {
        PhotoKey ok = photo();
        PhotoKey flaky = photo();
        BlobMetadata okHead = upload(ok, FakeImage.of(600, 400).toBytes());
        BlobMetadata flakyHead = upload(flaky, FakeImage.of(600, 400).toBytes());
        SQSEvent event = new SQSEvent();
        event.setRecords(List.of(message("m-ok", notificationJson(okHead)), message("m-flaky", notificationJson(flakyHead)),
                message("m-garbage", "not json")));
        blobs.faults().failNext("get", 1, Fault.TRANSIENT);       // the first photo's read... is m-ok's
        SQSBatchResponse response = SqsRenditionHandler.of(pipeline).handleRequest(event, null);
        assertEquals(List.of("m-ok"), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList());
        assertEquals(PhotoStatus.ACTIVE, photos.get(flaky).orElseThrow().status());
        assertEquals(1, metrics.flushes(), "metrics flushed after the invocation");

        event.setRecords(List.of(message("m-ok", notificationJson(okHead))));
        assertEquals(List.of(), SqsRenditionHandler.of(pipeline).handleRequest(event, null).getBatchItemFailures());
        assertEquals(PhotoStatus.ACTIVE, photos.get(ok).orElseThrow().status());
    }

    @Test
    void s3EventsDecodeKeysAndFailTheInvocationOnATransientFailure() {
        PhotoKey a = photo();
        PhotoKey b = photo();
        S3Event event = new S3Event(List.of(record(upload(a, FakeImage.of(300, 200).toBytes()), "01"),
                record(upload(b, FakeImage.of(300, 200).toBytes()), "02")));
        S3RenditionHandler handler = S3RenditionHandler.of(pipeline);
        blobs.faults().failNext("head", 1, Fault.TRANSIENT);
        GalerlyException e = assertThrows(GalerlyException.class, () -> handler.handleRequest(event, null));
        assertTrue(e.retryable());
        assertEquals(PhotoStatus.ACTIVE, photos.get(b).orElseThrow().status(), "the other record was handled");
        assertNull(handler.handleRequest(event, null));
        assertEquals(PhotoStatus.ACTIVE, photos.get(a).orElseThrow().status());
    }

    @Test
    void s3BatchOperationsTasksGetOneResultEach() {
        PhotoKey good = photo();
        PhotoKey bad = photo();
        BlobMetadata goodHead = upload(good, FakeImage.of(900, 900).toBytes());
        BlobMetadata badHead = upload(bad, "not an image".getBytes(StandardCharsets.UTF_8));
        S3BatchEventV2 event = new S3BatchEventV2("2.0", "inv-1", new S3BatchEventV2.Job("job-1", null), List.of(
                new S3BatchEventV2.Task("t-good", URLEncoder.encode(goodHead.key(), StandardCharsets.UTF_8), null, "photos"),
                new S3BatchEventV2.Task("t-bad", URLEncoder.encode(badHead.key(), StandardCharsets.UTF_8), null, "photos")));
        S3BatchResponse response = S3BatchRenditionHandler.of(pipeline).handleRequest(event, null);
        assertEquals("2.0", response.getInvocationSchemaVersion());
        assertEquals("inv-1", response.getInvocationId());
        assertEquals(S3BatchResponse.ResultCode.PermanentFailure, response.getTreatMissingKeysAs());
        assertEquals(List.of("t-good", "t-bad"), response.getResults().stream().map(S3BatchResponse.Result::getTaskId).toList());
        assertEquals(List.of(S3BatchResponse.ResultCode.Succeeded, S3BatchResponse.ResultCode.PermanentFailure),
                response.getResults().stream().map(S3BatchResponse.Result::getResultCode).toList());
        assertTrue(response.getResults().get(1).getResultString().startsWith("REJECTED UNSUPPORTED_FORMAT"),
                response.getResults().get(1).getResultString());
        assertEquals(PhotoStatus.ACTIVE, photos.get(good).orElseThrow().status());
    }

    @Test
    void everyTypedHandlerGivesEachPhotoTheInvocationsRemainingTimeLessAMargin() {
        List<Instant> deadlines = new CopyOnWriteArrayList<>();
        FakeImageProcessor fake = new FakeImageProcessor();
        ImageProcessor timed = new ImageProcessor() {
            @Override
            public ImageInfo inspect(ImageSource source) {
                return fake.inspect(source);
            }

            @Override
            public ProcessedImage process(ImageSource source, RenditionProfile profile) {
                throw new AssertionError("rendered without the invocation's deadline");
            }

            @Override
            public ProcessedImage process(ImageSource source, RenditionProfile profile, Instant deadline) {
                deadlines.add(deadline);
                return fake.process(source, profile);
            }
        };
        RenditionPipeline bounded = RenditionPipeline.builder().adoptUnknownOriginals(true).processor(timed)
                .blobs(blobs).photos(photos).layout(layout).clock(clock).build();
        Context context = (Context) Proxy.newProxyInstance(Context.class.getClassLoader(),
                new Class<?>[] {Context.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRemainingTimeInMillis" -> 60_000;
                    case "getAwsRequestId" -> "req-1";
                    default -> null;
                });
        Instant before = Instant.now();
        S3RenditionHandler.of(bounded).handleRequest(
                new S3Event(List.of(record(upload(photo(), FakeImage.of(300, 200).toBytes()), "01"))), context);
        SQSEvent sqs = new SQSEvent();
        sqs.setRecords(List.of(message("m-1", notificationJson(upload(photo(), FakeImage.of(300, 200).toBytes())))));
        SqsRenditionHandler.of(bounded).handleRequest(sqs, context);
        BlobMetadata task = upload(photo(), FakeImage.of(300, 200).toBytes());
        S3BatchRenditionHandler.of(bounded).handleRequest(new S3BatchEventV2("2.0", "inv-2",
                new S3BatchEventV2.Job("job-2", null), List.of(new S3BatchEventV2.Task("t-1",
                        URLEncoder.encode(task.key(), StandardCharsets.UTF_8), null, "photos"))), context);
        assertEquals(3, deadlines.size(), "one photo per handler: " + deadlines);
        for (Instant deadline : deadlines) {
            assertTrue(!deadline.isBefore(before.plusSeconds(53)) && !deadline.isAfter(Instant.now().plusSeconds(54)),
                    "60 s left less a tenth: " + deadline + " vs " + before);
        }
    }
}
