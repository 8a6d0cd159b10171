/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import com.galerly.testkit.Fault;
import com.galerly.testkit.FakeImageProcessor;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.FakeImage;
import com.galerly.testkit.TestClock;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** The three event shapes, on the test kit's fakes. */
class RenditionHandlerTest {
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private final RenditionHandler handler = RenditionHandler.of(RenditionPipeline.builder()
            .processor(new FakeImageProcessor()).blobs(blobs).photos(photos).clock(clock).build());
    private final KeyLayout layout = KeyLayout.standard();
    private final PhotoId.Generator ids = PhotoId.generator(clock);
    private final GalleryId gallery = GalleryId.of("g");

    private PhotoKey newPhoto() {
        return new PhotoKey(gallery, ids.next());
    }

    private BlobMetadata upload(PhotoKey photo, byte[] bytes) {
        return blobs.put(layout.originalKey(photo.gallery(), photo.id(), "jpg"), bytes, PutOptions.of("image/jpeg"));
    }

    private static String s3Record(String eventName, String bucket, BlobMetadata head, String sequencer) {
        String encoded = URLEncoder.encode(head.key(), StandardCharsets.UTF_8);
        return """
                {"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1","eventName":"%s",
                 "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"%s","arn":"arn:aws:s3:::%s"},
                       "object":{"key":"%s","size":%d,"eTag":"%s","sequencer":"%s"}}}"""
                .formatted(eventName, bucket, bucket, encoded, head.size(), head.eTag(), sequencer);
    }

    private static String notification(String... records) {
        return "{\"Records\":[" + String.join(",", records) + "]}";
    }

    private static String sqs(String... bodies) {
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < bodies.length; i++) {
            records.append(i == 0 ? "" : ",").append("{\"messageId\":\"m").append(i)
                    .append("\",\"eventSource\":\"aws:sqs\",\"body\":").append(quote(bodies[i])).append('}');
        }
        return "{\"Records\":[" + records + "]}";
    }

    private static String quote(String json) {
        return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private String handle(String event) {
        return new String(handler.handle(event.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    private PhotoStatus status(PhotoKey photo) {
        return photos.get(photo).orElseThrow().status();
    }

    @Test
    void anS3NotificationWithManyRecordsProcessesEachOriginal() {
        PhotoKey a = newPhoto();
        PhotoKey b = newPhoto();
        String event = notification(
                s3Record("ObjectCreated:Put", "photos", upload(a, FakeImage.of(3000, 2000).toBytes()), "01"),
                s3Record("ObjectCreated:CompleteMultipartUpload", "photos", upload(b, FakeImage.of(800, 800).toBytes()), "02"),
                s3Record("ObjectRemoved:Delete", "photos", upload(newPhoto(), new byte[] {1}), "03"));
        assertEquals("{}", handle(event));
        assertEquals(PhotoStatus.ACTIVE, status(a));
        assertEquals(PhotoStatus.ACTIVE, status(b));
        assertEquals("{}", handle(event), "a redelivery is harmless");
    }

    @Test
    void keysArriveUrlEncoded() {
        KeyLayout spaced = KeyLayout.builder().originalsPrefix("my uploads/").build();
        RenditionHandler h = RenditionHandler.of(RenditionPipeline.builder().processor(new FakeImageProcessor())
                .blobs(blobs).photos(photos).layout(spaced).clock(clock).build());
        PhotoKey photo = newPhoto();
        BlobMetadata head = blobs.put(spaced.originalKey(gallery, photo.id(), "jpg"),
                FakeImage.of(100, 100).toBytes(), PutOptions.of("image/jpeg"));
        String record = s3Record("ObjectCreated:Put", "photos", head, "01");
        assertTrue(record.contains("my+uploads%2F"), record);
        h.handle(notification(record).getBytes(StandardCharsets.UTF_8));
        assertEquals(PhotoStatus.ACTIVE, status(photo));
    }

    @Test
    void aTransientFailureFailsTheInvocationAfterTheOtherRecords() {
        PhotoKey a = newPhoto();
        PhotoKey b = newPhoto();
        String event = notification(
                s3Record("ObjectCreated:Put", "photos", upload(a, FakeImage.of(300, 200).toBytes()), "01"),
                s3Record("ObjectCreated:Put", "photos", upload(b, FakeImage.of(300, 200).toBytes()), "02"));
        blobs.faults().failNext("head", 1, Fault.TRANSIENT);
        GalerlyException e = assertThrows(GalerlyException.class, () -> handle(event));
        assertTrue(e.retryable());
        assertEquals(PhotoStatus.ACTIVE, status(b), "the other record was still handled");
        handle(event);
        assertEquals(PhotoStatus.ACTIVE, status(a));
    }

    @Test
    void badImagesNeverFailTheInvocation() {
        PhotoKey photo = newPhoto();
        assertEquals("{}", handle(notification(s3Record("ObjectCreated:Put", "photos",
                upload(photo, "not an image".getBytes(StandardCharsets.UTF_8)), "01"))));
        assertEquals(PhotoStatus.FAILED, status(photo));
    }

    @Test
    void sqsReportsOnlyTheMessagesThatFailedTransiently() {
        PhotoKey ok = newPhoto();
        PhotoKey flaky = newPhoto();
        String event = sqs(
                notification(s3Record("ObjectCreated:Put", "photos", upload(ok, FakeImage.of(300, 200).toBytes()), "01")),
                "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Bucket\":\"photos\"}",
                "{\"Type\":\"Notification\",\"TopicArn\":\"arn:aws:sns:eu-west-1:1:t\",\"Message\":" + quote(notification(
                        s3Record("ObjectCreated:Put", "photos", upload(flaky, FakeImage.of(300, 200).toBytes()), "02")))
                        + "}",
                "this is not json");
        photos.faults().failNext("claim", 2, Fault.THROTTLED);      // the first two claims are throttled
        String response = handle(event);
        JsonNode failures = JsonNode.parser().parse(response).field("batchItemFailures").orElseThrow();
        List<String> ids = failures.asArray().stream().map(f -> f.field("itemIdentifier").orElseThrow().text()).toList();
        assertEquals(List.of("m0", "m2"), ids, response);
        assertEquals(0, photos.all().stream().filter(p -> p.status() == PhotoStatus.ACTIVE).count());
        assertEquals("{\"batchItemFailures\":[]}", handle(event));
        assertEquals(PhotoStatus.ACTIVE, status(ok));
        assertEquals(PhotoStatus.ACTIVE, status(flaky));
    }

    @Test
    void s3BatchOperationsReportsEachTaskInBothSchemas() {
        PhotoKey ok = newPhoto();
        PhotoKey bad = newPhoto();
        BlobMetadata okHead = upload(ok, FakeImage.of(1000, 700).toBytes());
        BlobMetadata badHead = upload(bad, FakeImage.corruptBytes());
        String v1 = """
                {"invocationSchemaVersion":"1.0","invocationId":"inv-1","job":{"id":"job-1"},"tasks":[
                  {"taskId":"t1","s3Key":"%s","s3VersionId":null,"s3BucketArn":"arn:aws:s3:::photos"}]}"""
                .formatted(URLEncoder.encode(okHead.key(), StandardCharsets.UTF_8));
        JsonNode r1 = JsonNode.parser().parse(handle(v1));
        assertEquals("1.0", r1.field("invocationSchemaVersion").orElseThrow().text());
        assertEquals("inv-1", r1.field("invocationId").orElseThrow().text());
        assertEquals("PermanentFailure", r1.field("treatMissingKeysAs").orElseThrow().text());
        assertEquals("Succeeded", result(r1, 0, "resultCode"));
        assertEquals(PhotoStatus.ACTIVE, status(ok));

        String v2 = """
                {"invocationSchemaVersion":"2.0","invocationId":"inv-2","job":{"id":"job-2","userArguments":{}},"tasks":[
                  {"taskId":"t1","s3Key":"%s","s3VersionId":null,"s3Bucket":"photos"},
                  {"taskId":"t2","s3Key":"%s","s3VersionId":null,"s3Bucket":"photos"},
                  {"taskId":"t3","s3Key":"originals/g/01aaaaaaaaaaaaaaaaaaaaaaaa.jpg","s3VersionId":null,"s3Bucket":"photos"}]}"""
                .formatted(okHead.key(), badHead.key());
        blobs.faults().failNext("head", 1, Fault.TRANSIENT);
        JsonNode r2 = JsonNode.parser().parse(handle(v2));
        assertEquals("TemporaryFailure", result(r2, 0, "resultCode"));
        assertEquals("PermanentFailure", result(r2, 1, "resultCode"));
        assertTrue(result(r2, 1, "resultString").startsWith("REJECTED CORRUPT_IMAGE"), result(r2, 1, "resultString"));
        assertEquals("PermanentFailure", result(r2, 2, "resultCode"));
        assertTrue(result(r2, 2, "resultString").startsWith("MISSING"), result(r2, 2, "resultString"));
        JsonNode again = JsonNode.parser().parse(handle(v2));
        assertEquals("Succeeded", result(again, 0, "resultCode"));
        assertTrue(result(again, 0, "resultString").startsWith("DUPLICATE"), result(again, 0, "resultString"));
    }

    private static String result(JsonNode response, int index, String field) {
        return response.field("results").orElseThrow().asArray().get(index).field(field).orElseThrow().text();
    }

    @Test
    void refusesPayloadsThatAreNoKnownEvent() {
        for (String bad : List.of("[]", "{}", "not json", "{\"Records\":[]}x")) {
            GalerlyException e = assertThrows(GalerlyException.class, () -> handle(bad), bad);
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        }
    }
}
