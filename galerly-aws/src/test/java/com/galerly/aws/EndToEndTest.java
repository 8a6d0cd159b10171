/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.aws.dynamodb.DynamoDbPhotoRepository;
import com.galerly.aws.dynamodb.PhotoTable;
import com.galerly.aws.lambda.RenditionHandler;
import com.galerly.aws.s3.S3BlobStore;
import com.galerly.aws.s3.S3Bucket;
import com.galerly.aws.s3.S3UploadService;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.gallery.AccessPolicy;
import com.galerly.core.gallery.GalleryService;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import com.galerly.testkit.FakeImage;
import com.galerly.testkit.FakeImageProcessor;
import com.galerly.testkit.GalleryAudit;
import com.galerly.testkit.Fault;
import com.galerly.testkit.Faults;
import com.galerly.testkit.TestClock;
import com.galerly.testkit.aws.SdkFaultInterceptor;
import com.galerly.testkit.dynamodb.DynaliteExtension;
import com.galerly.testkit.s3.S3ProxyExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The rendition flow on real parts: S3Proxy and dynalite over HTTP, real SDK clients with injected
 * faults, the handler fed S3 notification and S3 Batch Operations JSON. The image processor is the test kit's
 * fake (pixels are galerly-imaging's business), so hundreds of events run in seconds.
 */
class EndToEndTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("e2e-photos").build();
    @RegisterExtension
    static final DynaliteExtension DDB = DynaliteExtension.create();
    private static final String TABLE = "e2e-photos";
    private static final Duration LEASE = Duration.ofMinutes(5);

    private static final Faults S3_FAULTS = new Faults();
    private static final Faults DDB_FAULTS = new Faults();
    private static S3Client s3;
    private static DynamoDbClient dynamoDb;

    private final TestClock clock = TestClock.at(java.time.Instant.now());
    private final KeyLayout layout = KeyLayout.standard();

    @BeforeAll
    static void clients() {
        PhotoTable.create(DDB.client(), TABLE);
        s3 = S3Bucket.of(b -> b.name("e2e-photos").region(S3.region()).endpoint(S3.endpoint()).pathStyle(true))
                .clientBuilder(S3.credentialsProvider())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new SdkFaultInterceptor(S3_FAULTS))).build();
        dynamoDb = DynamoDbClient.builder().endpointOverride(DDB.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(DDB.credentialsProvider())
                .overrideConfiguration(c -> c.addExecutionInterceptor(new SdkFaultInterceptor(DDB_FAULTS))).build();
    }

    @AfterAll
    static void close() {
        s3.close();
        dynamoDb.close();
    }

    private S3BlobStore blobs() {
        return S3BlobStore.create(s3, "e2e-photos");
    }

    private DynamoDbPhotoRepository photos() {
        return DynamoDbPhotoRepository.create(dynamoDb, TABLE, clock);
    }

    private RenditionHandler handler() {
        return RenditionHandler.of(RenditionPipeline.builder().processor(new FakeImageProcessor()).blobs(blobs())
                .photos(photos()).layout(layout).clock(clock).leaseDuration(LEASE).build());
    }

    private static String notification(BlobMetadata head, String sequencer) {
        return """
                {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","eventName":"ObjectCreated:Put",
                  "s3":{"bucket":{"name":"e2e-photos"},"object":{"key":"%s","size":%d,"eTag":"%s","sequencer":"%s"}}}]}"""
                .formatted(URLEncoder.encode(head.key(), StandardCharsets.UTF_8), head.size(), head.eTag(), sequencer);
    }

    @Test
    void hundredsOfEventsDeliveredTwiceShuffledWithFaultsEndExactlyRight() {
        Random random = new Random(2026);
        GalleryId gallery = GalleryId.of("replay");
        PhotoId.Generator ids = PhotoId.generator(clock, random);
        S3BlobStore blobs = blobs();
        List<String> events = new ArrayList<>();
        Map<PhotoKey, int[]> latest = new HashMap<>();
        long sequencer = 0x00AB000000L;
        for (int p = 0; p < 80; p++) {
            PhotoKey photo = new PhotoKey(gallery, ids.next());
            for (int upload = 0, uploads = 1 + random.nextInt(2); upload < uploads; upload++) {
                int w = 200 + random.nextInt(5000);
                int h = 200 + random.nextInt(5000);
                BlobMetadata head = blobs.put(layout.originalKey(gallery, photo.id(), "jpg"),
                        FakeImage.of(w, h).toBytes(), PutOptions.of("image/jpeg"));
                events.add(notification(head, Long.toHexString(sequencer += 1 + random.nextInt(9)).toUpperCase()));
                latest.put(photo, new int[] {w, h});
            }
        }
        List<String> deliveries = new ArrayList<>(events);
        deliveries.addAll(events);
        Collections.shuffle(deliveries, random);
        assertTrue(deliveries.size() >= 200, "hundreds of deliveries: " + deliveries.size());

        RenditionHandler handler = handler();
        S3_FAULTS.failRandomly(0.04, Fault.TRANSIENT, 1);
        DDB_FAULTS.failRandomly(0.04, Fault.THROTTLED, 2);
        Deque<String> queue = new ArrayDeque<>(deliveries);
        int attempts = 0;
        try {
            while (!queue.isEmpty()) {
                assertTrue(++attempts < 5_000, "does not converge");
                String event = queue.poll();
                try {
                    handler.handle(event.getBytes(StandardCharsets.UTF_8));
                } catch (GalerlyException e) {
                    assertTrue(e.retryable(), e.toString());
                    queue.add(event);
                    clock.advance(random.nextInt(4) == 0 ? LEASE.plusSeconds(1) : Duration.ofSeconds(1));
                }
            }
        } finally {
            S3_FAULTS.clear();
            DDB_FAULTS.clear();
        }
        assertTrue(S3_FAULTS.injected() + DDB_FAULTS.injected() > 10, "faults were injected");

        DynamoDbPhotoRepository photos = photos();
        GalleryAudit.Report audit = GalleryAudit.of(photos, blobs, layout, RenditionProfile.standard()).audit(gallery);
        assertTrue(audit.consistent(), audit.problems().toString());
        assertEquals(latest.size(), audit.active());
        for (Map.Entry<PhotoKey, int[]> e : latest.entrySet()) {
            Photo photo = photos.get(e.getKey()).orElseThrow();
            assertEquals(e.getValue()[0], photo.width());
            assertEquals(e.getValue()[1], photo.height());
            assertEquals(blobs.head(photo.originalKey()).orElseThrow().eTag(), photo.eTag());
        }

        GalleryService service = GalleryService.builder()
                .uploads(S3UploadService.builder().bucket(S3Bucket.of(b -> b.name("e2e-photos").region(S3.region())
                        .endpoint(S3.endpoint()).pathStyle(true))).client(s3)
                        .credentialsProvider(S3.credentialsProvider()).clock(clock).build())
                .photos(photos).blobs(blobs).layout(layout).urls(key -> "https://cdn.test/" + key)
                .access(AccessPolicy.allowAll()).clock(clock).build();
        assertEquals(80, service.deleteGallery("owner", gallery).recordsRemoved());
        assertTrue(blobs.list(layout.originalsPrefix(gallery)).isEmpty());
        assertTrue(blobs.list(layout.renditionsPrefix(gallery)).isEmpty());
        assertTrue(photos.list(gallery, PageRequest.first()).photos().isEmpty());
    }

    @Test
    void s3BatchOperationsBackfillsExistingOriginalsFromAManifest() {
        GalleryId gallery = GalleryId.of("backfill");
        PhotoId.Generator ids = PhotoId.generator(clock);
        S3BlobStore blobs = blobs();
        StringBuilder tasks = new StringBuilder();
        List<PhotoKey> keys = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            PhotoKey photo = new PhotoKey(gallery, ids.next());
            keys.add(photo);
            String key = layout.originalKey(gallery, photo.id(), "jpg");
            blobs.put(key, FakeImage.of(3000 + i, 2000).toBytes(), PutOptions.of("image/jpeg"));
            tasks.append(i == 0 ? "" : ",").append("""
                    {"taskId":"t%d","s3Key":"%s","s3VersionId":null,"s3Bucket":"e2e-photos"}"""
                    .formatted(i, URLEncoder.encode(key, StandardCharsets.UTF_8)));
        }
        String job = """
                {"invocationSchemaVersion":"2.0","invocationId":"inv","job":{"id":"backfill","userArguments":{}},"tasks":[%s]}"""
                .formatted(tasks);
        JsonNode result = JsonNode.parser().parse(new String(handler().handle(job.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8));
        List<JsonNode> results = result.field("results").orElseThrow().asArray();
        assertEquals(25, results.size());
        results.forEach(r -> assertEquals("Succeeded", r.field("resultCode").orElseThrow().text(), r.toString()));
        for (PhotoKey photo : keys) {
            assertEquals(PhotoStatus.ACTIVE, photos().get(photo).orElseThrow().status());
        }
    }
}
