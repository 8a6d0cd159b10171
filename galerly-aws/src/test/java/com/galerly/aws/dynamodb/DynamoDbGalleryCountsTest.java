/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import com.galerly.core.photo.ClaimRequest;
import com.galerly.core.photo.ClaimResult;
import com.galerly.core.photo.Completion;
import com.galerly.core.photo.GalleryCounts;
import com.galerly.testkit.Faults;
import com.galerly.testkit.TestClock;
import com.galerly.testkit.dynamodb.DynaliteExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The DynamoDB counts scheme (marker on the photo item, tokens on the counter item; docs/lifecycle.md) on dynalite,
 * with crashes injected between its steps: the photo write happens and the counter update does not, or the counter
 * registers a token and the photo write does not.
 */
class DynamoDbGalleryCountsTest {
    @RegisterExtension
    static final DynaliteExtension DDB = DynaliteExtension.create();
    private static final String TABLE = "counts";
    private static final Duration LEASE = Duration.ofMinutes(15);
    private static final Crash CRASH = new Crash();
    private static DynamoDbClient client;

    private final TestClock clock = TestClock.standard();
    private DynamoDbPhotoRepository photos;
    private GalleryId gallery;
    private PhotoId.Generator ids;

    /** Counts the calls by operation name and fails the requests {@link #when} matches, before they are sent. */
    static final class Crash implements ExecutionInterceptor {
        final Faults calls = new Faults();
        volatile Predicate<SdkRequest> when = r -> false;

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            calls.check(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
            if (when.test(context.request())) {
                throw SdkClientException.create("injected crash before " + context.request().getClass().getSimpleName());
            }
        }
    }

    private static final Predicate<SdkRequest> APPLY = r -> r instanceof UpdateItemRequest u
            && u.updateExpression().startsWith("ADD photos");
    private static final Predicate<SdkRequest> MARKED_PUT = r -> r instanceof PutItemRequest p
            && p.item().containsKey("countToken");

    @BeforeAll
    static void createTable() {
        client = DynamoDbClient.builder().endpointOverride(DDB.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(DDB.credentialsProvider())
                .overrideConfiguration(c -> c.addExecutionInterceptor(CRASH)).build();
        PhotoTable.create(client, TABLE);
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @BeforeEach
    void setUp() {
        CRASH.when = r -> false;
        photos = DynamoDbPhotoRepository.create(client, TABLE, clock);
        gallery = GalleryId.of("c-" + UUID.randomUUID().toString().substring(0, 12));
        ids = PhotoId.generator(clock);
    }

    private ClaimRequest claim(PhotoKey key, String eTag) {
        return new ClaimRequest(key, KeyLayout.standard().originalKey(key.gallery(), key.id(), "jpg"), eTag, "01", 1000,
                "image/jpeg", UUID.randomUUID().toString(), LEASE);
    }

    private Completion completion(PhotoKey key) {
        return new Completion("image/jpeg", 600, 400, List.of(new Rendition("thumbnail",
                KeyLayout.standard().renditionKey(key.gallery(), key.id(), "thumbnail", "jpg"), 400, 400, 100,
                "image/jpeg")), null);
    }

    private Map<String, AttributeValue> rawItem(String sk) {
        return client.getItem(r -> r.tableName(TABLE).consistentRead(true).key(Map.of(
                "PK", AttributeValue.fromS("G#" + gallery.value()), "SK", AttributeValue.fromS(sk)))).item();
    }

    /** A photo completed while the counter update after its write crashes: ACTIVE, with its marker still on it. */
    private PhotoKey completedWithoutTheCounter() {
        PhotoKey key = new PhotoKey(gallery, ids.next());
        ClaimResult claimed = photos.claim(claim(key, "etag-1"));
        CRASH.when = APPLY;
        Photo active = photos.complete(key, claimed.lease().orElseThrow(), completion(key));
        CRASH.when = r -> false;
        assertEquals(PhotoStatus.ACTIVE, active.status(), "the photo write happened; only the counter update crashed");
        assertTrue(rawItem("P#" + key.id().value()).containsKey("countToken"), "its marker stays on the item");
        return key;
    }

    @Test
    void countsAreOneGetItemAndACountedWriteCostsThreeUpdatesMore() {
        PhotoKey key = new PhotoKey(gallery, ids.next());
        ClaimResult claimed = photos.claim(claim(key, "etag-1"));
        int[] before = {CRASH.calls.calls("GetItem"), CRASH.calls.calls("PutItem"), CRASH.calls.calls("UpdateItem")};
        photos.complete(key, claimed.lease().orElseThrow(), completion(key));
        assertEquals(1, CRASH.calls.calls("GetItem") - before[0], "the read it decides on");
        assertEquals(1, CRASH.calls.calls("PutItem") - before[1], "the photo write");
        assertEquals(3, CRASH.calls.calls("UpdateItem") - before[2], "register, apply, clear");
        int puts = CRASH.calls.calls("PutItem");
        int updates0 = CRASH.calls.calls("UpdateItem");
        photos.release(key, claimed.lease().orElseThrow());                  // a no-op: nothing counted changes
        photos.claim(claim(key, "etag-1"));                                  // DUPLICATE: no write
        assertEquals(puts, CRASH.calls.calls("PutItem"));
        assertEquals(updates0, CRASH.calls.calls("UpdateItem"), "writes that change no count cost nothing more");
        int gets = CRASH.calls.calls("GetItem");
        int updates = CRASH.calls.calls("UpdateItem");
        assertEquals(new GalleryCounts(gallery, 1, 1100), photos.counts(gallery));
        assertEquals(gets + 1, CRASH.calls.calls("GetItem"));
        assertEquals(updates, CRASH.calls.calls("UpdateItem"), "reading writes nothing");
        assertFalse(rawItem("P#" + key.id().value()).containsKey("countToken"), "settled markers are cleared");
        assertFalse(rawItem("COUNTS").containsKey("intents"), "and their tokens consumed");
    }

    @Test
    void aCrashAfterThePhotoWriteIsSettledByTheRedeliveredEvent() {
        PhotoKey key = completedWithoutTheCounter();
        assertEquals(GalleryCounts.empty(gallery), photos.counts(gallery), "the counter lags while the write is fresh");
        assertEquals(ClaimResult.Verdict.DUPLICATE, photos.claim(claim(key, "etag-1")).verdict(), "the redelivery");
        assertEquals(new GalleryCounts(gallery, 1, 1100), photos.counts(gallery));
        assertEquals(ClaimResult.Verdict.DUPLICATE, photos.claim(claim(key, "etag-1")).verdict());
        assertEquals(new GalleryCounts(gallery, 1, 1100), photos.counts(gallery), "and only once");
    }

    @Test
    void aCrashAfterThePhotoWriteIsSettledByALaterCountsRead() {
        completedWithoutTheCounter();
        clock.advance(Duration.ofMinutes(2));
        assertEquals(new GalleryCounts(gallery, 1, 1100), photos.counts(gallery));
        assertEquals(new GalleryCounts(gallery, 1, 1100), photos.counts(gallery));
        assertFalse(rawItem("COUNTS").containsKey("intents"));
    }

    @Test
    void aStrandedDeleteKeepsItsTombstoneUntilSettledThenGivesItItsTtl() {
        PhotoKey key = new PhotoKey(gallery, ids.next());
        photos.complete(key, photos.claim(claim(key, "etag-1")).lease().orElseThrow(), completion(key));
        CRASH.when = APPLY;
        assertTrue(photos.delete(key));
        CRASH.when = r -> false;
        Map<String, AttributeValue> tombstone = rawItem("P#" + key.id().value());
        assertEquals("DELETED", tombstone.get("status").s());
        assertNull(tombstone.get("expiresAt"), "a marked item must not expire before its difference is applied");
        assertTrue(tombstone.containsKey("deferredExpiresAt"));
        assertFalse(photos.delete(key), "a duplicated delete finds nothing to delete, and settles the marker");
        assertEquals(GalleryCounts.empty(gallery), photos.counts(gallery));
        Map<String, AttributeValue> settled = rawItem("P#" + key.id().value());
        assertEquals(tombstone.get("deferredExpiresAt"), settled.get("expiresAt"), "then it gets its TTL");
        assertNull(settled.get("countToken"));
    }

    @Test
    void aCrashBetweenRegisteringAndThePhotoWriteCountsNothingAndItsTokenIsForgotten() {
        PhotoKey key = new PhotoKey(gallery, ids.next());
        ClaimResult claimed = photos.claim(claim(key, "etag-1"));
        CRASH.when = MARKED_PUT;
        assertThrows(GalerlyException.class, () -> photos.complete(key, claimed.lease().orElseThrow(), completion(key)));
        CRASH.when = r -> false;
        assertEquals(PhotoStatus.PROCESSING, photos.get(key).orElseThrow().status());
        assertEquals(1, rawItem("COUNTS").get("intents").ss().size(), "the token it registered");
        photos.complete(key, claimed.lease().orElseThrow(), completion(key));     // the worker's retry
        assertEquals(new GalleryCounts(gallery, 1, 1100), photos.counts(gallery));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(new GalleryCounts(gallery, 1, 1100), photos.counts(gallery), "the dead token applies nothing");
        assertFalse(rawItem("COUNTS").containsKey("intents"), "and is forgotten once its write can no longer happen");
    }

    @Test
    void concurrentSettlersOfOneMarkerApplyItOnce() throws Exception {
        List<PhotoKey> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(completedWithoutTheCounter());
        }
        clock.advance(Duration.ofMinutes(2));
        int workers = 6;
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int worker = w;
                done.add(pool.submit(() -> {
                    start.await();
                    DynamoDbPhotoRepository own = DynamoDbPhotoRepository.create(client, TABLE, clock);
                    for (PhotoKey key : keys) {                 // redeliveries and readers, all at once
                        if (worker % 2 == 0) {
                            own.claim(claim(key, "etag-1"));
                        } else {
                            own.counts(gallery);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(new GalleryCounts(gallery, 3, 3300), photos.counts(gallery));
        assertFalse(rawItem("COUNTS").containsKey("intents"));
    }
}
