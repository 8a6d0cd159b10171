/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import com.galerly.core.image.Fingerprints;
import com.galerly.core.image.Fit;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobContent;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.PutOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pipeline under at-least-once, out-of-order, concurrent delivery and failures, on the test kit's fakes. */
class RenditionPipelineTest {
    private static final String BUCKET = "photos";
    private static final Duration LEASE = Duration.ofMinutes(15);

    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private final FakeImageProcessor processor = new FakeImageProcessor();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final KeyLayout layout = KeyLayout.standard();
    private final GalleryId gallery = GalleryId.of("wedding");
    private final PhotoId.Generator ids = PhotoId.generator(clock);
    private final RenditionPipeline pipeline = pipeline(blobs, RenditionProfile.standard());
    private ExecutorService pool;

    @AfterEach
    void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    private RenditionPipeline pipeline(BlobStore store, RenditionProfile profile) {
        return RenditionPipeline.builder().adoptUnknownOriginals(true)   // originals put directly: adopted
                .processor(processor).blobs(store).photos(photos).profile(profile)
                .layout(layout).clock(clock).metrics(metrics).leaseDuration(LEASE).build();
    }

    private PhotoKey newPhoto() {
        return new PhotoKey(gallery, ids.next());
    }

    private String originalKey(PhotoKey photo) {
        return layout.originalKey(photo.gallery(), photo.id(), "jpg");
    }

    /** Uploads bytes as the photo's original and returns the event S3 would send for it. */
    private ObjectCreated upload(PhotoKey photo, byte[] bytes, String sequencer) {
        BlobMetadata head = blobs.put(originalKey(photo), bytes, PutOptions.of("image/jpeg"));
        return new ObjectCreated(BUCKET, head.key(), head.size(), "\"" + head.eTag() + "\"", null, sequencer);
    }

    private ObjectCreated upload(PhotoKey photo, int width, int height, String sequencer) {
        return upload(photo, FakeImage.of(width, height).toBytes(), sequencer);
    }

    private Photo record(PhotoKey photo) {
        return photos.get(photo).orElseThrow();
    }

    /** Every key in the store belongs to an original or to a rendition recorded on an ACTIVE photo. */
    private void assertNoOrphans() {
        TreeSet<String> expected = new TreeSet<>();
        for (Photo p : photos.all()) {
            expected.add(p.originalKey());
            p.renditions().values().forEach(r -> expected.add(r.key()));
        }
        assertEquals(expected, new TreeSet<>(blobs.keys()));
    }

    @Test
    void processesAnUploadIntoFourRenditionsAndRecordsThemActive() {
        PhotoKey photo = newPhoto();
        Outcome outcome = pipeline.handle(upload(photo, 6000, 4000, "0A"));

        assertEquals(Outcome.Kind.PROCESSED, outcome.kind());
        Photo active = record(photo);
        assertEquals(PhotoStatus.ACTIVE, active.status());
        assertEquals(6000, active.width());
        assertEquals(4000, active.height());
        assertNull(active.lease());
        assertNotNull(active.placeholder());
        Map<String, int[]> expected = Map.of("thumbnail", new int[] {400, 400}, "small", new int[] {800, 533},
                "medium", new int[] {2000, 1333}, "large", new int[] {4000, 2667});
        assertEquals(List.of("thumbnail", "small", "medium", "large"), List.copyOf(active.renditions().keySet()));
        for (Rendition r : active.renditions().values()) {
            assertEquals(expected.get(r.name())[0], r.width(), r.name());
            assertEquals(expected.get(r.name())[1], r.height(), r.name());
            String fingerprint = Fingerprints.rendition(RenditionProfile.standard().spec(r.name()).orElseThrow(),
                    active.eTag(), null, new FakeImageProcessor().outputVersion());
            assertEquals(layout.renditionKey(gallery, photo.id(), r.name(), fingerprint, "jpg"), r.key());
            BlobMetadata stored = blobs.head(r.key()).orElseThrow();
            assertEquals(PutOptions.IMMUTABLE, stored.cacheControl());
            assertEquals("image/jpeg", stored.contentType());
            assertEquals(r.bytes(), stored.size());
        }
        assertNoOrphans();
        assertEquals(1, metrics.count(Outcome.Kind.PROCESSED));
        assertTrue(metrics.events().get(0).bytesOut() > 0);
    }

    @Test
    void portraitOrientationIsRecordedOriented() {
        PhotoKey photo = newPhoto();
        pipeline.handle(upload(photo, FakeImage.of(4032, 3024).orientation(6).toBytes(), "01"));
        Photo active = record(photo);
        assertEquals(3024, active.width());
        assertEquals(4032, active.height());
        assertEquals(600, active.rendition("small").orElseThrow().height());
        assertEquals(450, active.rendition("small").orElseThrow().width());
    }

    @Test
    void duplicateDeliveryIsProcessedOnce() {
        PhotoKey photo = newPhoto();
        ObjectCreated event = upload(photo, 3000, 2000, "0A");
        assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(event).kind());
        assertEquals(Outcome.Kind.DUPLICATE, pipeline.handle(event).kind());
        assertEquals(Outcome.Kind.DUPLICATE, pipeline.handle(event).kind());
        assertEquals(1, processor.processed());
        assertEquals(PhotoStatus.ACTIVE, record(photo).status());
    }

    @Test
    void outOfOrderEventsEndWithTheNewestUpload() {
        PhotoKey photo = newPhoto();
        ObjectCreated older = upload(photo, 1000, 1000, "0055AED6DCD90281E5");
        ObjectCreated newer = upload(photo, 2000, 1000, "0055AED6DCD90281E6");

        assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(newer).kind());
        assertEquals(Outcome.Kind.STALE, pipeline.handle(older).kind());
        assertEquals(2000, record(photo).width());
        assertEquals(newer.eTag(), record(photo).eTag());
        assertEquals(1, processor.processed());
    }

    @Test
    void anOlderSequencerIsStaleEvenWhenTheBytesAreTheSame() {
        PhotoKey photo = newPhoto();
        byte[] bytes = FakeImage.of(1000, 800).toBytes();
        ObjectCreated older = upload(photo, bytes, "0A");
        ObjectCreated newer = upload(photo, bytes, "0B");     // same bytes, same ETag, re-uploaded
        assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(newer).kind());
        assertEquals(Outcome.Kind.STALE, pipeline.handle(older).kind());
    }

    @Test
    void anObjectDeletedBeforeProcessingIsMissing() {
        PhotoKey photo = newPhoto();
        ObjectCreated event = upload(photo, 1000, 1000, "01");
        blobs.delete(event.key());
        assertEquals(Outcome.Kind.MISSING, pipeline.handle(event).kind());
        assertTrue(photos.get(photo).isEmpty());
        assertEquals(0, processor.processed());
    }

    @Test
    void anOverwrittenObjectMakesTheOldEventStale() {
        PhotoKey photo = newPhoto();
        ObjectCreated first = upload(photo, 1000, 1000, "01");
        upload(photo, 1200, 1000, "02");
        assertEquals(Outcome.Kind.STALE, pipeline.handle(first).kind());
        assertTrue(photos.get(photo).isEmpty(), "the newer event will process it");
    }

    @Test
    void anOriginalReplacedWhileBeingProcessedIsStaleAndReleased() {
        PhotoKey photo = newPhoto();
        ObjectCreated event = upload(photo, 1000, 1000, "01");
        BlobStore racing = new DelegatingBlobStore(blobs) {
            @Override
            public BlobContent get(String key) {
                upload(photo, 1500, 1000, "02");      // a new upload lands between HEAD and GET
                return super.get(key);
            }
        };
        assertEquals(Outcome.Kind.STALE, pipeline(racing, RenditionProfile.standard()).handle(event).kind());
        assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(new ObjectCreated(BUCKET, event.key(), -1,
                blobs.head(event.key()).orElseThrow().eTag(), null, "02")).kind());
        assertEquals(1500, record(photo).width());
    }

    @Test
    void aCorruptImageIsRecordedFailedAndNeverRetried() {
        PhotoKey photo = newPhoto();
        ObjectCreated event = upload(photo, FakeImage.corruptBytes(), "01");
        Outcome outcome = pipeline.handle(event);
        assertEquals(Outcome.Kind.REJECTED, outcome.kind());
        assertEquals(ErrorCode.CORRUPT_IMAGE, outcome.code());
        Photo failed = record(photo);
        assertEquals(PhotoStatus.FAILED, failed.status());
        assertEquals(ErrorCode.CORRUPT_IMAGE, failed.errorCode());
        assertTrue(failed.renditions().isEmpty());
        assertEquals(Outcome.Kind.DUPLICATE, pipeline.handle(event).kind());
        assertNoOrphans();
    }

    @Test
    void aNonImageIsRejectedAsUnsupported() {
        PhotoKey photo = newPhoto();
        Outcome outcome = pipeline.handle(upload(photo, "<html>not a photo</html>".getBytes(), "01"));
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT, outcome.code());
        assertEquals(ErrorCode.UNSUPPORTED_FORMAT, record(photo).errorCode());
    }

    @Test
    void anImageOverThePixelLimitIsRejected() {
        PhotoKey photo = newPhoto();
        Outcome outcome = pipeline.handle(upload(photo, 20_000, 20_000, "01"));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, outcome.code());
    }

    @Test
    void aTransientFailureIsThrownForRetryAndTheRetrySucceeds() {
        PhotoKey photo = newPhoto();
        ObjectCreated event = upload(photo, 3000, 2000, "01");
        blobs.faults().failNext("put", 1, Fault.TRANSIENT);

        GalerlyException e = assertThrows(GalerlyException.class, () -> pipeline.handle(event));
        assertTrue(e.retryable());
        assertEquals(PhotoStatus.PROCESSING, record(photo).status());
        assertTrue(record(photo).lease().expiredAt(clock.instant()), "released for an immediate retry");

        assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(event).kind());
        assertEquals(PhotoStatus.ACTIVE, record(photo).status());
        assertNoOrphans();
        assertEquals(1, metrics.failures().size());
    }

    @Test
    void throttlingWhileReadingTheOriginalIsRetryable() {
        PhotoKey photo = newPhoto();
        ObjectCreated event = upload(photo, 3000, 2000, "01");
        blobs.faults().failNext("get", 1, Fault.THROTTLED);
        assertEquals(ErrorCode.THROTTLED, assertThrows(GalerlyException.class, () -> pipeline.handle(event)).code());
        assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(event).kind());
    }

    @Test
    void aCrashBetweenRenditionWriteAndRecordUpdateIsRepairedByTheRetry() {
        PhotoKey photo = newPhoto();
        ObjectCreated event = upload(photo, 3000, 2000, "01");
        // the worker dies after writing renditions: neither complete nor release reach the repository
        photos.faults().failNext("complete", 1, Fault.TRANSIENT).failNext("release", 1, Fault.TRANSIENT);
        assertThrows(GalerlyException.class, () -> pipeline.handle(event));
        assertEquals(PhotoStatus.PROCESSING, record(photo).status());

        GalerlyException busy = assertThrows(GalerlyException.class, () -> pipeline.handle(event));
        assertEquals(ErrorCode.CONFLICT, busy.code());
        assertTrue(busy.retryable(), "a retry before the lease expires is told to come back later");

        clock.advance(LEASE.plusSeconds(1));
        assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(event).kind());
        assertEquals(PhotoStatus.ACTIVE, record(photo).status());
        assertNoOrphans();
    }

    @Test
    void concurrentDeliveriesOfTheSameEventProcessOnce() throws Exception {
        PhotoKey photo = newPhoto();
        ObjectCreated event = upload(photo, 3000, 2000, "01");
        int workers = 6;
        pool = Executors.newFixedThreadPool(workers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return pipeline.handle(event);
            }));
        }
        start.countDown();
        int processed = 0;
        int busy = 0;
        for (Future<Outcome> f : futures) {
            try {
                Outcome o = f.get();
                processed += o.kind() == Outcome.Kind.PROCESSED ? 1 : 0;
                assertTrue(o.kind() == Outcome.Kind.PROCESSED || o.kind() == Outcome.Kind.DUPLICATE, o.toString());
            } catch (java.util.concurrent.ExecutionException e) {
                GalerlyException g = (GalerlyException) e.getCause();
                assertEquals(ErrorCode.CONFLICT, g.code());
                assertTrue(g.retryable());
                busy++;
            }
        }
        for (int i = 0; i < busy; i++) {
            assertEquals(Outcome.Kind.DUPLICATE, pipeline.handle(event).kind(), "a retry finds it done");
        }
        assertEquals(1, processed);
        assertEquals(1, processor.processed());
        assertEquals(PhotoStatus.ACTIVE, record(photo).status());
    }

    @Test
    void renditionsAndForeignKeysAreIgnored() {
        PhotoKey photo = newPhoto();
        pipeline.handle(upload(photo, 1000, 1000, "01"));
        String rendition = record(photo).rendition("small").orElseThrow().key();
        for (String key : List.of(rendition, "elsewhere/x.jpg", "originals/../secrets.jpg", "originals/g/not-an-id.jpg",
                "originals/" + gallery + "/" + photo.id() + ".jpg/extra")) {
            assertEquals(Outcome.Kind.IGNORED, pipeline.handle(ObjectCreated.of(BUCKET, key)).kind(), key);
        }
        assertEquals(1, processor.processed());
    }

    @Test
    void aPendingRecordFromAnUploadRequestTurnsActiveAndKeepsItsMetadata() {
        PhotoKey photo = newPhoto();
        photos.create(Photo.builder().gallery(gallery).id(photo.id()).status(PhotoStatus.PENDING)
                .originalKey(originalKey(photo)).fileName("DSC_0042.JPG").owner("alice")
                .uploadedAt(clock.instant()).expiresAt(clock.instant().plus(Duration.ofDays(1))).build());
        pipeline.handle(upload(photo, 1000, 1000, "01"));
        Photo active = record(photo);
        assertEquals(PhotoStatus.ACTIVE, active.status());
        assertEquals("DSC_0042.JPG", active.fileName());
        assertEquals("alice", active.owner());
        assertNull(active.expiresAt());
    }

    @Test
    void aReplacedOriginalIsReprocessedAndRenditionsItNoLongerHasAreDeleted() {
        PhotoKey photo = newPhoto();
        pipeline.handle(upload(photo, 5000, 4000, "01"));
        String large = record(photo).rendition("large").orElseThrow().key();
        RenditionProfile smaller = RenditionProfile.builder().name("smaller")
                .add(s -> s.name("thumbnail").box(400, 400).fit(Fit.COVER)).build();
        assertEquals(Outcome.Kind.PROCESSED, pipeline(blobs, smaller).handle(upload(photo, 4000, 4000, "02")).kind());
        assertTrue(blobs.head(large).isEmpty(), "the obsolete large rendition was deleted");
        assertEquals(List.of("thumbnail"), List.copyOf(record(photo).renditions().keySet()));
        assertNoOrphans();
    }

    @Test
    void backfillEventsWithoutSequencerOrETagProcessOnce() {
        PhotoKey photo = newPhoto();
        upload(photo, 1000, 1000, null);
        ObjectCreated backfill = ObjectCreated.of(BUCKET, originalKey(photo));
        assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(backfill).kind());
        assertEquals(Outcome.Kind.DUPLICATE, pipeline.handle(backfill).kind());
    }
}
