/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.Rendition;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.photo.GalleryCounts;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.reconcile.FindingKind;
import com.galerly.core.reconcile.ReconcileReport;
import com.galerly.core.reconcile.Reconciler;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rendition deleted by hand under a matching profile fingerprint: an ordinary backfill still writes nothing, the
 * reconciler finds it, and its repair forces a re-render that brings it back under the same key (the same URL).
 */
class MissingRenditionRepairTest {
    private static final String BUCKET = "photos";
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private final KeyLayout layout = KeyLayout.standard();
    private final GalleryId gallery = GalleryId.of("repairs");
    private final PhotoId.Generator ids = PhotoId.generator(clock);
    private final RenditionPipeline pipeline = RenditionPipeline.builder().processor(new FakeImageProcessor())
            .blobs(blobs).photos(photos).profile(RenditionProfile.standard()).layout(layout).clock(clock).build();
    private final Reconciler reconciler = Reconciler.builder().blobs(blobs).photos(photos).layout(layout).clock(clock)
            .profileFingerprint(pipeline.profileFingerprint()).rerender(pipeline.rerender(BUCKET)).build();

    private PhotoKey upload(int width) {
        PhotoKey photo = new PhotoKey(gallery, ids.next());
        BlobMetadata head = blobs.put(layout.originalKey(gallery, photo.id(), "jpg"), FakeImage.of(width, 600).toBytes(),
                PutOptions.of("image/jpeg"));
        assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(new ObjectCreated(BUCKET, head.key(), head.size(),
                head.eTag(), null, "0" + width)).kind());
        return photo;
    }

    private ObjectCreated backfillTask(PhotoKey photo) {
        BlobMetadata head = blobs.head(layout.originalKey(gallery, photo.id(), "jpg")).orElseThrow();
        return new ObjectCreated(BUCKET, head.key(), head.size(), head.eTag(), null, null);
    }

    private int writes() {
        return (int) blobs.putCount() + blobs.faults().calls("delete") + blobs.faults().calls("deleteAll")
                + photos.faults().calls("complete") + photos.faults().calls("fail") + photos.faults().calls("release")
                + photos.faults().calls("create") + photos.faults().calls("delete");
    }

    @Test
    void aMissingRenditionIsRenderedAgainUnderItsOwnKeyWhileABackfillStillWritesNothing() {
        PhotoKey damaged = upload(1000);
        PhotoKey intact = upload(1200);
        Photo before = photos.get(damaged).orElseThrow();
        Map<String, Rendition> renditions = before.renditions();
        String lost = renditions.get("small").key();
        GalleryCounts counts = photos.counts(gallery);
        blobs.deleteAll(List.of(lost));                                   // deleted by hand

        int writes = writes();
        assertEquals(Outcome.Kind.DUPLICATE, pipeline.handle(backfillTask(damaged)).kind());
        assertEquals(Outcome.Kind.DUPLICATE, pipeline.handle(backfillTask(intact)).kind());
        assertEquals(writes, writes(), "a backfill under the matching fingerprint makes no write at all");

        ReconcileReport found = reconciler.check(gallery);
        assertEquals(1, found.findings().size(), found.toString());
        assertEquals(FindingKind.MISSING_RENDITION, found.findings().get(0).kind());
        assertEquals(lost, found.findings().get(0).key());

        ReconcileReport repaired = reconciler.repair(gallery);
        assertEquals(List.of(), repaired.unrepaired(), repaired.toString());
        assertEquals(1, repaired.repaired().size());
        assertTrue(blobs.head(lost).isPresent(), "the rendition is back");
        Photo after = photos.get(damaged).orElseThrow();
        assertEquals(renditions.values().stream().map(Rendition::key).toList(),
                after.renditions().values().stream().map(Rendition::key).toList(), "under the same keys: the same URLs");
        assertEquals(before.profileFingerprint(), after.profileFingerprint());
        for (Rendition r : after.renditions().values()) {
            assertTrue(blobs.head(r.key()).isPresent(), r.key());
        }
        assertEquals(counts, photos.counts(gallery), "the counts are those of the same photos");

        writes = writes();
        assertTrue(reconciler.repair(gallery).findings().isEmpty(), "nothing left to repair");
        assertEquals(writes, writes(), "a second repair makes no write");
        assertEquals(Outcome.Kind.DUPLICATE, pipeline.handle(backfillTask(damaged)).kind());
        assertEquals(writes, writes(), "and a backfill still none");
    }

    @Test
    void aDuplicatedOrLateRepairFindsTheRecordChangedAndWritesNothing() {
        PhotoKey photo = upload(1000);
        Photo read = photos.get(photo).orElseThrow();
        blobs.deleteAll(List.of(read.renditions().get("thumbnail").key()));
        assertEquals(Outcome.Kind.PROCESSED, pipeline.rerender(BUCKET, read).kind(), "the first repair");
        int writes = writes();
        Outcome again = pipeline.rerender(BUCKET, read);                  // the same repair, from the same read
        assertEquals(Outcome.Kind.DUPLICATE, again.kind(), again.toString());
        assertEquals(writes, writes(), "no write");
        GalerlyException refused = assertThrows(GalerlyException.class, () -> pipeline.rerender(BUCKET).rerender(read));
        assertEquals(ErrorCode.CONFLICT, refused.code(), "a Rerender reports it unrepaired, with the pipeline's answer");
        assertTrue(refused.getMessage().contains("DUPLICATE"), refused.getMessage());
    }

    @Test
    void aRecordWhoseOriginalIsGoneCannotBeRenderedAgain() {
        PhotoKey photo = upload(1000);
        Photo read = photos.get(photo).orElseThrow();
        blobs.deleteAll(List.of(read.originalKey()));
        assertEquals(ErrorCode.NOT_FOUND, assertThrows(GalerlyException.class,
                () -> pipeline.rerender(BUCKET, read)).code());
    }
}
