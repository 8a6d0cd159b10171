/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.photo.ClaimRequest;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Photos never stuck, never resurrected: dead workers' leases are reclaimed and then given up on, deleted photos
 * stay deleted whatever is replayed, and only image faults are recorded FAILED.
 */
class PhotoLifecycleTest {
    private static final Duration LEASE = Duration.ofMinutes(15);

    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private final FakeImageProcessor fake = new FakeImageProcessor();
    private final KeyLayout layout = KeyLayout.standard();
    private final GalleryId gallery = GalleryId.of("party");
    private final PhotoId.Generator ids = PhotoId.generator(clock);

    private RenditionPipeline pipeline(ImageProcessor processor) {
        return RenditionPipeline.builder().adoptUnknownOriginals(true)   // originals put directly: adopted
                .processor(processor).blobs(blobs).photos(photos).layout(layout)
                .clock(clock).leaseDuration(LEASE).maxAttempts(2).build();
    }

    private ObjectCreated upload(PhotoKey photo, String sequencer) {
        BlobMetadata head = blobs.put(layout.originalKey(photo.gallery(), photo.id(), "jpg"),
                FakeImage.of(1200, 800).toBytes(), PutOptions.of("image/jpeg"));
        return new ObjectCreated("b", head.key(), head.size(), head.eTag(), null, sequencer);
    }

    /** A worker that dies mid-photo: claims, then never completes nor releases. */
    private void dieWhileProcessing(PhotoKey photo, ObjectCreated event) {
        ClaimRequest request = new ClaimRequest(photo, event.key(), blobs.head(event.key()).orElseThrow().eTag(),
                event.sequencer(), event.size(), "image/jpeg", "dead-" + clock.instant(), LEASE, 2, true);
        assertTrue(photos.claim(request).claimed());
    }

    @Test
    void aReplayedUploadOfADeletedPhotoNeverBringsItBack() {
        PhotoKey photo = new PhotoKey(gallery, ids.next());
        ObjectCreated event = upload(photo, "01");
        RenditionPipeline pipeline = pipeline(fake);
        assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(event).kind());
        photos.delete(photo);
        blobs.deleteAll(java.util.List.of(event.key()));

        ObjectCreated replayed = upload(photo, "02");             // even a pipeline adopting unknown originals
        Outcome outcome = pipeline.handle(replayed);
        assertEquals(Outcome.Kind.MISSING, outcome.kind(), outcome.toString());
        assertTrue(photos.get(photo).isEmpty());
        assertTrue(photos.list(gallery, PageRequest.first(10)).photos().isEmpty());
        assertTrue(blobs.head(replayed.key()).isEmpty(), "the replayed original is removed again");
        assertEquals(Outcome.Kind.MISSING, pipeline.handle(event).kind(), "a late event of the first upload too");
    }

    @Test
    void aDeleteRacingWithProcessingLeavesNoGhostAndNoRenditions() {
        PhotoKey photo = new PhotoKey(gallery, ids.next());
        ObjectCreated event = upload(photo, "01");
        ImageProcessor deletingMidway = new ImageProcessor() {
            @Override
            public ImageInfo inspect(ImageSource source) {
                return fake.inspect(source);
            }

            @Override
            public ProcessedImage process(ImageSource source, RenditionProfile profile) {
                ProcessedImage done = fake.process(source, profile);
                photos.delete(photo);                           // the owner deletes while we render
                return done;
            }
        };
        Outcome outcome = pipeline(deletingMidway).handle(event);
        assertEquals(Outcome.Kind.STALE, outcome.kind(), outcome.toString());
        assertTrue(photos.get(photo).isEmpty(), "no PROCESSING ghost");
        assertTrue(blobs.keys().stream().noneMatch(k -> k.startsWith(layout.renditionsPrefix(gallery))),
                "renditions written before the delete was noticed are removed: " + blobs.keys());
    }

    @Test
    void aDeadWorkersLeaseIsReclaimedAndAfterMaxAttemptsThePhotoFails() {
        PhotoKey photo = new PhotoKey(gallery, ids.next());
        ObjectCreated event = upload(photo, "01");
        RenditionPipeline pipeline = pipeline(fake);
        dieWhileProcessing(photo, event);
        assertEquals(ErrorCode.CONFLICT, assertThrows(GalerlyException.class, () -> pipeline.handle(event)).code(),
                "busy while the lease runs");
        clock.advance(LEASE.plusSeconds(1));
        dieWhileProcessing(photo, event);                         // the retry dies too (say, out of memory)
        clock.advance(LEASE.plusSeconds(1));
        Outcome outcome = pipeline.handle(event);
        assertEquals(Outcome.Kind.REJECTED, outcome.kind());
        assertEquals(ErrorCode.LIMIT_EXCEEDED, outcome.code());
        Photo failed = photos.get(photo).orElseThrow();
        assertEquals(PhotoStatus.FAILED, failed.status());
        assertTrue(failed.errorMessage().contains("2 attempts"), failed.errorMessage());
    }

    @Test
    void anExpiredLeaseUnderTheAttemptLimitIsProcessed() {
        PhotoKey photo = new PhotoKey(gallery, ids.next());
        ObjectCreated event = upload(photo, "01");
        dieWhileProcessing(photo, event);
        clock.advance(LEASE.plusSeconds(1));
        assertEquals(Outcome.Kind.PROCESSED, pipeline(fake).handle(event).kind());
        assertEquals(2, photos.get(photo).orElseThrow().attempts());
    }

    @Test
    void onlyImageFaultsAreRecordedFailedOthersLeaveThePhotoRetryable() {
        for (ErrorCode code : new ErrorCode[] {ErrorCode.CONFIGURATION, ErrorCode.INTERNAL, ErrorCode.IO_ERROR}) {
            PhotoKey photo = new PhotoKey(gallery, ids.next());
            ObjectCreated event = upload(photo, "01");
            AtomicReference<ErrorCode> fail = new AtomicReference<>(code);
            ImageProcessor broken = new ImageProcessor() {
                @Override
                public ImageInfo inspect(ImageSource source) {
                    return fake.inspect(source);
                }

                @Override
                public ProcessedImage process(ImageSource source, RenditionProfile profile) {
                    if (fail.get() != null) {
                        throw new GalerlyException(fail.get(), "injected " + fail.get());
                    }
                    return fake.process(source, profile);
                }
            };
            RenditionPipeline pipeline = pipeline(broken);
            assertEquals(code, assertThrows(GalerlyException.class, () -> pipeline.handle(event)).code());
            Photo stuck = photos.get(photo).orElseThrow();
            assertFalse(stuck.status() == PhotoStatus.FAILED, code + " must not mark the photo FAILED");
            fail.set(null);                                         // a fixed deployment, or a backfill
            assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(event).kind(), code.toString());
        }
    }

    @Test
    void byDefaultAnOriginalWithoutARecordIsRefusedAndLeftInPlace() {
        PhotoKey photo = new PhotoKey(gallery, ids.next());
        RenditionPipeline strict = RenditionPipeline.builder().processor(fake).blobs(blobs).photos(photos)
                .layout(layout).clock(clock).build();
        ObjectCreated event = upload(photo, "01");
        Outcome outcome = strict.handle(event);
        assertEquals(Outcome.Kind.REJECTED, outcome.kind());
        assertEquals(ErrorCode.UNKNOWN_UPLOAD, outcome.code());
        assertTrue(outcome.detail().contains("adoptUnknownOriginals"), outcome.detail());
        assertTrue(photos.get(photo).isEmpty(), "nothing recorded");
        assertTrue(blobs.head(event.key()).isPresent(), "an original is not the pipeline's to delete");
        assertTrue(blobs.keys().stream().noneMatch(k -> k.startsWith(layout.renditionsPrefix(gallery))));
    }

    @Test
    void theDeadlineReachesTheProcessor() {
        PhotoKey photo = new PhotoKey(gallery, ids.next());
        AtomicReference<Instant> seen = new AtomicReference<>();
        ImageProcessor recording = new ImageProcessor() {
            @Override
            public ImageInfo inspect(ImageSource source) {
                return fake.inspect(source);
            }

            @Override
            public ProcessedImage process(ImageSource source, RenditionProfile profile) {
                return fake.process(source, profile);
            }

            @Override
            public ProcessedImage process(ImageSource source, RenditionProfile profile, Instant deadline) {
                seen.set(deadline);
                return process(source, profile);
            }
        };
        Instant deadline = clock.instant().plusSeconds(42);
        assertEquals(Outcome.Kind.PROCESSED, pipeline(recording).handle(upload(photo, "01"), deadline).kind());
        assertEquals(deadline, seen.get());
    }

    @Test
    void aProfileNoEncoderWritesIsAConfigurationErrorWhenThePipelineIsBuilt() {
        ImageProcessor noWebp = new ImageProcessor() {
            @Override
            public ImageInfo inspect(ImageSource source) {
                return fake.inspect(source);
            }

            @Override
            public ProcessedImage process(ImageSource source, RenditionProfile profile) {
                return fake.process(source, profile);
            }

            @Override
            public void requireEncoders(RenditionProfile profile) {
                throw new GalerlyException(ErrorCode.CONFIGURATION, "no encoder for webp");
            }
        };
        assertEquals(ErrorCode.CONFIGURATION, assertThrows(GalerlyException.class,
                () -> pipeline(noWebp)).code());
    }
}
