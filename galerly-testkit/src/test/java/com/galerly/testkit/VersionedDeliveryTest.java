/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.Rendition;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A photo's life on the fakes: fingerprinted rendition keys that change exactly when the bytes may, re-profiling
 * by backfill (no write at all for a photo already rendered by the profile), replace, and old renditions deleted only
 * once the record names the new ones.
 */
class VersionedDeliveryTest {
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private final KeyLayout layout = KeyLayout.standard();
    private final GalleryId gallery = GalleryId.of("wedding");
    private final PhotoId.Generator ids = PhotoId.generator(clock);
    /** Deletes of keys the record still named at that moment (a listed URL would 404). */
    private final List<String> deletedWhileListed = new ArrayList<>();
    private final DelegatingBlobStore watched = new DelegatingBlobStore(blobs) {
        @Override
        public void deleteAll(Collection<String> keys) {
            Set<String> listed = new HashSet<>();
            photos.all().forEach(p -> p.renditions().values().forEach(r -> listed.add(r.key())));
            keys.stream().filter(listed::contains).forEach(deletedWhileListed::add);
            super.deleteAll(keys);
        }
    };

    private RenditionPipeline pipeline(RenditionProfile profile) {
        return RenditionPipeline.builder().adoptUnknownOriginals(true)   // originals put directly: adopted
                .processor(new FakeImageProcessor()).blobs(watched).photos(photos)
                .profile(profile).layout(layout).clock(clock).build();
    }

    private PhotoKey upload(RenditionPipeline pipeline, int width, String sequencer) {
        PhotoKey photo = new PhotoKey(gallery, ids.next());
        assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(put(photo, width, sequencer)).kind());
        return photo;
    }

    private ObjectCreated put(PhotoKey photo, int width, String sequencer) {
        BlobMetadata head = blobs.put(layout.originalKey(gallery, photo.id(), "jpg"), FakeImage.of(width, 600).toBytes(),
                PutOptions.of("image/jpeg"));
        return new ObjectCreated("photos", head.key(), head.size(), head.eTag(), null, sequencer);
    }

    /** What S3 Batch Operations hands the handler for an existing original: no sequencer. */
    private ObjectCreated backfillTask(PhotoKey photo) {
        BlobMetadata head = blobs.head(layout.originalKey(gallery, photo.id(), "jpg")).orElseThrow();
        return new ObjectCreated("photos", head.key(), head.size(), head.eTag(), null, null);
    }

    private Map<String, Rendition> renditions(PhotoKey photo) {
        return photos.get(photo).orElseThrow().renditions();
    }

    private int writes() {
        return (int) blobs.putCount() + blobs.faults().calls("delete") + blobs.faults().calls("deleteAll")
                + photos.faults().calls("complete") + photos.faults().calls("fail") + photos.faults().calls("release")
                + photos.faults().calls("create") + photos.faults().calls("delete");
    }

    @Test
    void aBackfillRendersAgainExactlyThePhotosOfAnotherProfileAndASecondOneWritesNothing() {
        RenditionPipeline standard = pipeline(RenditionProfile.standard());
        List<PhotoKey> all = List.of(upload(standard, 1000, "01"), upload(standard, 1200, "02"), upload(standard, 1400, "03"));
        Map<PhotoKey, Map<String, Rendition>> before = new java.util.HashMap<>();
        all.forEach(p -> before.put(p, renditions(p)));

        int writes = writes();
        for (PhotoKey p : all) {
            assertEquals(Outcome.Kind.DUPLICATE, standard.handle(backfillTask(p)).kind(), "same profile");
        }
        assertEquals(writes, writes(), "a backfill with the same profile makes no write at all");

        RenditionPipeline sharper = pipeline(RenditionProfile.standard().withQuality(92));
        assertNotEquals(standard.profileFingerprint(), sharper.profileFingerprint());
        for (PhotoKey p : all) {
            assertEquals(Outcome.Kind.PROCESSED, sharper.handle(backfillTask(p)).kind());
            Photo record = photos.get(p).orElseThrow();
            assertEquals(sharper.profileFingerprint(), record.profileFingerprint());
            for (Rendition r : record.renditions().values()) {
                assertNotEquals(before.get(p).get(r.name()).key(), r.key(), "a changed spec gives a new URL");
                assertTrue(blobs.head(before.get(p).get(r.name()).key()).isEmpty(), "the old rendition is gone");
            }
        }
        assertEquals(List.of(), deletedWhileListed, "old renditions are deleted only after the record switched");
        assertOnlyRecordedObjects();

        writes = writes();
        for (PhotoKey p : all) {
            assertEquals(Outcome.Kind.DUPLICATE, sharper.handle(backfillTask(p)).kind());
        }
        assertEquals(writes, writes(), "a second backfill makes no write at all");
    }

    @Test
    void aReplacedOriginalGetsNewUrlsAndALateEventForTheOldOneStaysStale() {
        RenditionPipeline pipeline = pipeline(RenditionProfile.standard());
        PhotoKey untouched = upload(pipeline, 900, "01");
        PhotoKey photo = new PhotoKey(gallery, ids.next());
        ObjectCreated first = put(photo, 1000, "02");
        assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(first).kind());
        Map<String, Rendition> old = renditions(photo);
        Map<String, Rendition> untouchedBefore = renditions(untouched);

        ObjectCreated replaced = put(photo, 1600, "03");
        assertEquals(Outcome.Kind.PROCESSED, pipeline.handle(replaced).kind());
        Map<String, Rendition> now = renditions(photo);
        for (String name : now.keySet()) {
            assertNotEquals(old.get(name).key(), now.get(name).key(), name);
            assertTrue(blobs.head(old.get(name).key()).isEmpty(), name);
        }
        assertEquals(Outcome.Kind.STALE, pipeline.handle(first).kind(), "a late event for the old original");
        assertEquals(now, renditions(photo));
        assertEquals(untouchedBefore, renditions(untouched), "an unchanged photo keeps its keys");
        assertEquals(List.of(), deletedWhileListed);
        assertOnlyRecordedObjects();
    }

    @Test
    void theSameOriginalAndProfileGiveTheSameKeysInAnotherRun() {
        RenditionPipeline pipeline = pipeline(RenditionProfile.standard());
        PhotoKey photo = upload(pipeline, 1000, "01");
        Map<String, Rendition> first = renditions(photo);
        InMemoryPhotoRepository elsewhere = new InMemoryPhotoRepository(clock);     // another deployment, same bucket
        RenditionPipeline again = RenditionPipeline.builder().adoptUnknownOriginals(true)   // originals put directly: adopted
                .processor(new FakeImageProcessor()).blobs(blobs)
                .photos(elsewhere).layout(layout).clock(clock).build();
        assertEquals(Outcome.Kind.PROCESSED, again.handle(backfillTask(photo)).kind());
        assertEquals(first.values().stream().map(Rendition::key).toList(),
                elsewhere.get(photo).orElseThrow().renditions().values().stream().map(Rendition::key).toList(),
                "deterministic keys");
        assertFalse(first.isEmpty());
    }

    private void assertOnlyRecordedObjects() {
        TreeSet<String> expected = new TreeSet<>();
        for (Photo p : photos.all()) {
            expected.add(p.originalKey());
            p.renditions().values().forEach(r -> expected.add(r.key()));
        }
        assertEquals(expected, new TreeSet<>(blobs.keys()));
    }
}
