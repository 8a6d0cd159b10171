/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoStatus;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.upload.DuplicatePolicy;
import com.galerly.core.upload.Quarantine;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadTicket;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The pipeline's side of the trust path on the fakes: events of incoming keys, confirm first or not. */
class RenditionPipelineTrustTest {
    private final TestClock clock = TestClock.at(Instant.parse("2026-12-03T08:00:00Z"));
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private final FakeImageProcessor processor = new FakeImageProcessor();
    private final InMemoryContentIndex index = new InMemoryContentIndex();
    private final InMemoryUploadService uploads = InMemoryUploadService.builder().blobs(blobs).clock(clock)
            .repository(photos).processor(processor).contentIndex(index).duplicates(DuplicatePolicy.LINK).build();
    private final RenditionPipeline pipeline = RenditionPipeline.builder().processor(processor).blobs(blobs)
            .photos(photos).clock(clock).quarantine(Quarantine.builder().blobs(blobs).processor(processor)
                    .photos(photos).contentIndex(index).duplicates(DuplicatePolicy.LINK).build()).build();
    private final GalleryId gallery = GalleryId.of("g");
    private long sequencer = 0x100;

    private UploadTicket upload(byte[] body) {
        UploadTicket ticket = uploads.presignPut(UploadRequest.of(r -> r.gallery(gallery).contentType("image/jpeg")
                .contentLength(body.length)));
        uploads.put(ticket.url(), ticket.headers(), body);
        return ticket;
    }

    private Outcome event(String key) {
        BlobMetadata head = blobs.head(key).orElse(null);
        return pipeline.handle(new ObjectCreated("b", key, head == null ? -1 : head.size(),
                head == null ? null : head.eTag(), null, Long.toHexString(sequencer += 16)));
    }

    private static String promoted(UploadTicket ticket) {
        return KeyLayout.standard().promotedKey(KeyLayout.standard().parseIncoming(ticket.key()).orElseThrow());
    }

    @Test
    void confirmFirstThenTheEventRendersThePromotedOriginal() {
        UploadTicket ticket = upload(FakeImage.of(3000, 2000).toBytes());
        assertTrue(uploads.confirm(ticket.key()).accepted());
        assertFalse(blobs.head(ticket.key()).isPresent());
        assertEquals(PhotoStatus.PROCESSING, photos.get(ticket.photo()).orElseThrow().status());

        String key = ticket.key();
        Outcome outcome = pipeline.handle(new ObjectCreated("b", key, -1, null, null, "0AA"));
        assertEquals(Outcome.Kind.PROCESSED, outcome.kind(), outcome.detail());
        Photo active = photos.get(ticket.photo()).orElseThrow();
        assertEquals(PhotoStatus.ACTIVE, active.status());
        assertEquals(promoted(ticket), active.originalKey());
        assertEquals(Outcome.Kind.DUPLICATE, pipeline.handle(new ObjectCreated("b", key, -1, null, null, "0AA")).kind());
    }

    @Test
    void theEventFirstThenConfirmReportsWhatProcessingDecided() {
        UploadTicket ticket = upload(FakeImage.of(800, 600).toBytes());
        Outcome outcome = event(ticket.key());
        assertEquals(Outcome.Kind.PROCESSED, outcome.kind(), outcome.detail());
        assertEquals(64, photos.get(ticket.photo()).orElseThrow().sha256().length(), "digest recorded");
        assertTrue(uploads.confirm(ticket.key()).accepted());

        UploadTicket mislabelled = upload(com.galerly.testkit.image.ImageFiles.png(
                com.galerly.testkit.image.SyntheticImages.photo(8, 8, 2)));
        assertEquals(ErrorCode.CONTENT_MISMATCH, event(mislabelled.key()).code());
        assertEquals(ErrorCode.CONTENT_MISMATCH, uploads.confirm(mislabelled.key()).errorCode(),
                "confirm after the fact reports the record's reason");
    }

    @Test
    void aReplayedPutAfterPromotionIsDeletedAndTheOriginalStays() {
        byte[] first = FakeImage.of(800, 600).toBytes();
        UploadTicket ticket = upload(first);
        assertEquals(Outcome.Kind.PROCESSED, event(ticket.key()).kind());
        byte[] original = blobs.bytes(promoted(ticket)).orElseThrow();

        byte[] other = FakeImage.of(600, 800).toBytes();
        assertEquals(first.length, other.length);
        uploads.put(ticket.url(), ticket.headers(), other);
        Outcome replay = event(ticket.key());
        assertEquals(Outcome.Kind.STALE, replay.kind());
        assertFalse(blobs.head(ticket.key()).isPresent());
        assertArrayEquals(original, blobs.bytes(promoted(ticket)).orElseThrow());
        assertEquals(800, photos.get(ticket.photo()).orElseThrow().width());
    }

    @Test
    void aDuplicateIsLinkedToTheExistingPhotoWithoutASecondCopy() {
        byte[] bytes = FakeImage.of(640, 480).toBytes();
        UploadTicket first = upload(bytes);
        assertEquals(Outcome.Kind.PROCESSED, event(first.key()).kind());
        UploadTicket second = upload(bytes);
        Outcome outcome = event(second.key());
        assertEquals(Outcome.Kind.DUPLICATE, outcome.kind());
        assertTrue(outcome.detail().contains(first.photo().id().value()), outcome.detail());
        assertTrue(photos.get(second.photo()).isEmpty(), "the duplicate's record is gone");
        assertFalse(blobs.head(promoted(second)).isPresent(), "no second copy");
        assertFalse(blobs.head(second.key()).isPresent());
    }

    @Test
    void anUploadNobodyRecordedIsRefusedDeletedAndNeverPromoted() {
        InMemoryUploadService unrecorded = InMemoryUploadService.builder().blobs(blobs).clock(clock).build();
        byte[] body = FakeImage.of(800, 600).toBytes();
        UploadTicket ticket = unrecorded.presignPut(UploadRequest.of(r -> r.gallery(gallery).contentType("image/jpeg")
                .contentLength(body.length)));
        unrecorded.put(ticket.url(), ticket.headers(), body);
        Outcome outcome = event(ticket.key());
        assertEquals(Outcome.Kind.REJECTED, outcome.kind());
        assertEquals(ErrorCode.UNKNOWN_UPLOAD, outcome.code());
        assertTrue(outcome.detail().contains("PhotoRepository"), outcome.detail());
        assertFalse(blobs.head(ticket.key()).isPresent(), "the upload is deleted");
        assertFalse(blobs.head(promoted(ticket)).isPresent(), "nothing promoted");
        assertTrue(photos.get(ticket.photo()).isEmpty(), "no record made");
        assertTrue(blobs.keys().isEmpty(), "nothing rendered: " + blobs.keys());
    }

    @Test
    void aPutReplayedAfterDeleteIsRefusedAndThePhotoStaysDeleted() {
        byte[] body = FakeImage.of(800, 600).toBytes();
        UploadTicket ticket = upload(body);
        assertEquals(Outcome.Kind.PROCESSED, event(ticket.key()).kind());
        assertTrue(photos.delete(ticket.photo()));
        blobs.deleteAll(blobs.keys());                              // what GalleryService.delete removes

        uploads.put(ticket.url(), ticket.headers(), body);          // the presigned URL is still valid
        Outcome outcome = event(ticket.key());
        assertEquals(Outcome.Kind.REJECTED, outcome.kind(), outcome.toString());
        assertEquals(ErrorCode.UNKNOWN_UPLOAD, outcome.code());
        assertTrue(outcome.detail().contains("deleted"), outcome.detail());
        assertTrue(blobs.keys().isEmpty(), "the replay is deleted, nothing promoted: " + blobs.keys());
        assertTrue(photos.get(ticket.photo()).isEmpty());
    }
}
