/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import com.galerly.core.photo.ClaimRequest;
import com.galerly.core.photo.ClaimResult;
import com.galerly.core.photo.Completion;
import com.galerly.core.reconcile.Finding;
import com.galerly.core.reconcile.FindingKind;
import com.galerly.core.reconcile.ReconcileReport;
import com.galerly.core.reconcile.Reconciler;
import com.galerly.core.storage.PutOptions;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.S3InventoryFiles;
import com.galerly.testkit.S3InventoryFiles.Row;
import com.galerly.testkit.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reconciliation from an S3 Inventory report of 100,000 objects (100 galleries x 200 photos x an original and four
 * renditions) with injected defects: it finds exactly those, never lists the bucket, confirms each with one HEAD,
 * and a second repair on the same (now stale) inventory changes nothing. Request counts come from the fakes'
 * {@code Faults.calls}.
 */
class ReconcileInventoryTest {
    private static final List<String> NAMES = List.of("thumbnail", "small", "medium", "large");
    private static final int GALLERIES = 100;
    private static final int PHOTOS = 200;
    private static final long SEED = 17;

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-12-01T00:00:00Z");
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private final KeyLayout layout = KeyLayout.standard();
    private final PhotoId.Generator ids = PhotoId.generator(clock, new SplittableRandom(SEED));
    private final List<Row> rows = new ArrayList<>();
    private final List<PhotoKey> rerendered = new ArrayList<>();
    /** What the test injected: kind + photo id, which the report must match exactly. */
    private final Set<String> injected = new HashSet<>();

    @Test
    void findsExactlyTheInjectedDefectsAndASecondRepairChangesNothing() {
        Instant old = clock.instant();
        List<List<PhotoId>> galleries = new ArrayList<>();
        for (int g = 0; g < GALLERIES; g++) {
            List<PhotoId> inGallery = new ArrayList<>();
            for (int p = 0; p < PHOTOS; p++) {
                PhotoId id = ids.next();
                photos.create(active(gallery(g), id, "fp-2"));
                inGallery.add(id);
            }
            galleries.add(inGallery);
        }
        SplittableRandom random = new SplittableRandom(SEED);
        // defects, each in a random gallery
        for (int i = 0; i < 7; i++) {                        // a rendition nothing references
            GalleryId g = gallery(random.nextInt(GALLERIES));
            PhotoId id = ids.next();
            object(layout.renditionKey(g, id, "small", "jpg"), old);
            injected.add(FindingKind.ORPHAN_RENDITION + " " + id);
        }
        for (int i = 0; i < 3; i++) {                        // an original without a record
            PhotoId id = ids.next();
            object(layout.originalKey(gallery(random.nextInt(GALLERIES)), id, "jpg"), old);
            injected.add(FindingKind.ORPHAN_ORIGINAL + " " + id);
        }
        for (int i = 0; i < 5; i++) {                        // a recorded rendition lost
            int g = random.nextInt(GALLERIES);
            PhotoId id = galleries.get(g).get(random.nextInt(PHOTOS));
            String lost = layout.renditionKey(gallery(g), id, "large", "jpg");
            blobs.delete(lost);
            rows.removeIf(r -> r.key().equals(lost));
            injected.add(FindingKind.MISSING_RENDITION + " " + id);
        }
        for (int i = 0; i < 6; i++) {                        // rendered by the previous profile
            PhotoId id = ids.next();
            photos.create(active(gallery(random.nextInt(GALLERIES)), id, "fp-1"));
            injected.add(FindingKind.FINGERPRINT_DRIFT + " " + id);
        }
        for (int i = 0; i < 4; i++) {                        // PENDING past expiry although its original came
            GalleryId g = gallery(random.nextInt(GALLERIES));
            PhotoId id = ids.next();
            photos.create(pending(g, id, old.plus(Duration.ofDays(1))));
            object(layout.originalKey(g, id, "jpg"), old);
            injected.add(FindingKind.EXPIRED_PENDING + " " + id);
        }
        for (int i = 0; i < 3; i++) {                        // a worker died holding the lease
            PhotoId id = ids.next();
            photos.create(processing(gallery(random.nextInt(GALLERIES)), id, old.plus(Duration.ofMinutes(15))));
            injected.add(FindingKind.EXPIRED_LEASE + " " + id);
        }
        // a stale inventory row: an orphan that is in the report but already gone from the bucket
        String alreadyGone = layout.renditionKey(gallery(0), ids.next(), "small", "jpg");
        object(alreadyGone, old);
        blobs.delete(alreadyGone);

        clock.advance(Duration.ofDays(3));
        Instant now = clock.instant();
        // decoys written just before the report: a fresh unreferenced rendition, a live worker's rendition, a young PENDING
        object(layout.renditionKey(gallery(1), ids.next(), "thumbnail", "jpg"), now.minus(Duration.ofMinutes(5)));
        PhotoId working = ids.next();
        photos.create(processing(gallery(2), working, now.plus(Duration.ofMinutes(10))));
        object(layout.renditionKey(gallery(2), working, "thumbnail", "jpg"), now.minus(Duration.ofHours(2)));
        photos.create(pending(gallery(3), ids.next(), now.plus(Duration.ofHours(20))));

        assertEquals(100_000, GALLERIES * PHOTOS * (NAMES.size() + 1));
        Path manifest = S3InventoryFiles.write(dir, "photos", "daily", now, rows, 25_000);
        S3Inventory inventory = S3Inventory.read(manifest);
        Reconciler reconciler = Reconciler.builder().blobs(blobs).photos(photos).layout(layout).clock(clock)
                .grace(Duration.ofHours(1)).profileFingerprint("fp-2").rerender(this::render).build();

        Calls before = calls();
        int getAllBefore = photos.faults().calls("getAll");
        ReconcileReport report = reconciler.check(inventory.objects());
        Calls checked = calls().minus(before);
        int checkedGetAll = photos.faults().calls("getAll") - getAllBefore;

        assertEquals(injected, summary(report.findings()));
        assertEquals(injected.size(), report.findings().size());
        assertEquals(rows.size(), report.objects());
        assertEquals(GALLERIES, report.galleries());
        // requests: one page of records per gallery, one HEAD per suspect, no listing of the bucket, no write, and
        // one getAll per gallery holding originals no listed record names (orphans, expired PENDING: at most 7)
        int suspects = 7 + 1 + 3 + 5;          // orphan renditions (+ the stale row), orphan originals, missing
        assertEquals(new Calls(GALLERIES, 0, suspects, 0, 0), checked);
        assertTrue(checkedGetAll >= 1 && checkedGetAll <= 7, checkedGetAll + " getAll");

        ReconcileReport repaired = reconciler.repair(inventory.objects());
        assertEquals(injected.size(), repaired.repaired().size(), repaired.unrepaired().toString());
        assertEquals(5 + 6 + 4 + 3, rerendered.size(), "pixels only where needed, once per photo");

        Calls afterRepair = calls();
        long puts = blobs.putCount();
        rerendered.clear();
        ReconcileReport second = reconciler.repair(inventory.objects());     // the same, now stale, report
        Calls secondRun = calls().minus(afterRepair);
        assertTrue(second.clean(), second.findings().toString());
        assertEquals(0, secondRun.writes(), "a second repair makes no write: " + secondRun);
        assertEquals(puts, blobs.putCount());
        assertEquals(List.of(), rerendered);
        assertEquals(GALLERIES, secondRun.lists());
        assertEquals(0, secondRun.blobLists());
    }

    private GalleryId gallery(int g) {
        return GalleryId.of(String.format("g%03d", g));
    }

    /** An object in the bucket and in the report. */
    private void object(String key, Instant written) {
        Instant at = clock.instant();
        clock.set(written);
        blobs.put(key, new byte[] {1}, PutOptions.of("image/jpeg"));
        clock.set(at);
        rows.add(Row.current(key, 1, written));
    }

    private Photo active(GalleryId g, PhotoId id, String fingerprint) {
        List<Rendition> ordered = new ArrayList<>();
        for (String name : NAMES) {
            String key = layout.renditionKey(g, id, name, "jpg");
            object(key, clock.instant());
            ordered.add(new Rendition(name, key, 10, 10, 1, "image/jpeg"));
        }
        String original = layout.originalKey(g, id, "jpg");
        object(original, clock.instant());
        return Photo.builder().gallery(g).id(id).status(PhotoStatus.ACTIVE).originalKey(original)
                .uploadedAt(clock.instant()).renditions(ordered).profileFingerprint(fingerprint).build();
    }

    private Photo pending(GalleryId g, PhotoId id, Instant expiresAt) {
        return Photo.builder().gallery(g).id(id).status(PhotoStatus.PENDING).originalKey(layout.originalKey(g, id, "jpg"))
                .uploadedAt(clock.instant()).expiresAt(expiresAt).build();
    }

    private Photo processing(GalleryId g, PhotoId id, Instant leaseEnds) {
        return pending(g, id, null).toBuilder().status(PhotoStatus.PROCESSING).lease(new Lease("t-" + id, leaseEnds)).build();
    }

    /** The test's stand-in for the pipeline: the renditions written and the record ACTIVE with the current profile. */
    private void render(Photo photo) {
        rerendered.add(photo.key());
        List<Rendition> ordered = new ArrayList<>();
        for (String name : NAMES) {
            String key = layout.renditionKey(photo.gallery(), photo.id(), name, "jpg");
            blobs.put(key, new byte[] {2}, PutOptions.immutable("image/jpeg"));
            ordered.add(new Rendition(name, key, 10, 10, 1, "image/jpeg"));
        }
        ClaimResult claim = photos.claim(new ClaimRequest(photo.key(), photo.originalKey(), "rerender-" + rerendered.size(),
                null, 1, "image/jpeg", "lease-" + rerendered.size(), Duration.ofMinutes(5)));
        assertTrue(claim.claimed(), claim.toString());
        photos.complete(photo.key(), claim.photo().lease(), new Completion("image/jpeg", 10, 10, ordered, null, null,
                "fp-2"));
    }

    private static Set<String> summary(List<Finding> findings) {
        return findings.stream().map(f -> f.kind() + " " + f.photo().id()).collect(Collectors.toSet());
    }

    private Calls calls() {
        return new Calls(photos.faults().calls("list"), blobs.faults().calls("list"), blobs.faults().calls("head"),
                blobs.faults().calls("delete") + blobs.faults().calls("deleteAll") + (int) blobs.putCount(),
                photos.faults().calls("create") + photos.faults().calls("delete") + photos.faults().calls("release")
                        + photos.faults().calls("complete") + photos.faults().calls("claim"));
    }

    /** Requests by kind: record pages, bucket listings, HEADs, object writes, record writes. */
    private record Calls(int lists, int blobLists, int heads, int blobWrites, int recordWrites) {
        Calls minus(Calls o) {
            return new Calls(lists - o.lists, blobLists - o.blobLists, heads - o.heads, blobWrites - o.blobWrites,
                    recordWrites - o.recordWrites);
        }

        int writes() {
            return blobWrites + recordWrites;
        }
    }
}
