/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link Reconciler} over one gallery's listing, on the fakes: each kind of defect found once, repaired once. */
class ReconcilerTest {
    private static final List<String> NAMES = List.of("thumbnail", "small");
    private final TestClock clock = TestClock.standard();
    private final InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
    private final InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
    private final KeyLayout layout = KeyLayout.standard();
    private final GalleryId gallery = GalleryId.of("g1");
    private final PhotoId.Generator ids = PhotoId.generator(clock);
    private final List<PhotoKey> rerendered = new ArrayList<>();

    private final Reconciler reconciler = Reconciler.builder().blobs(blobs).photos(photos).layout(layout).clock(clock)
            .grace(Duration.ofMinutes(30)).profileFingerprint("fp-2").rerender(this::render).build();

    /** The test's stand-in for the pipeline: writes the renditions and records the photo ACTIVE with fp-2. */
    private void render(Photo photo) {
        rerendered.add(photo.key());
        ClaimResult claim = photos.claim(new ClaimRequest(photo.key(), photo.originalKey(), "rerender-" + rerendered.size(),
                null, 1, "image/jpeg", "lease-" + rerendered.size(), Duration.ofMinutes(5)));
        assertTrue(claim.claimed(), claim.toString());
        Photo rendered = active(photo.id(), "fp-2", true);
        photos.complete(photo.key(), claim.photo().lease(), new Completion("image/jpeg", 10, 10,
                List.copyOf(rendered.renditions().values()), null, null, "fp-2"));
    }

    private Photo active(PhotoId id, String fingerprint, boolean writeObjects) {
        List<Rendition> renditions = new ArrayList<>();
        for (String name : NAMES) {
            String key = layout.renditionKey(gallery, id, name, "jpg");
            renditions.add(new Rendition(name, key, 10, 10, 1, "image/jpeg"));
            if (writeObjects) {
                blobs.put(key, new byte[] {1}, PutOptions.immutable("image/jpeg"));
            }
        }
        String original = layout.originalKey(gallery, id, "jpg");
        if (writeObjects) {
            blobs.put(original, new byte[] {2}, PutOptions.of("image/jpeg"));
        }
        return Photo.builder().gallery(gallery).id(id).status(PhotoStatus.ACTIVE).originalKey(original)
                .uploadedAt(clock.instant()).renditions(renditions).profileFingerprint(fingerprint).build();
    }

    private PhotoId activePhoto(String fingerprint) {
        PhotoId id = ids.next();
        photos.create(active(id, fingerprint, true));
        return id;
    }

    @Test
    void aCleanGalleryCostsThreeListingsAndOnePageOfRecords() {
        for (int i = 0; i < 5; i++) {
            activePhoto("fp-2");
        }
        clock.advance(Duration.ofHours(2));
        ReconcileReport report = reconciler.check(gallery);
        assertTrue(report.clean(), report.findings().toString());
        assertEquals(15, report.objects());
        assertEquals(5, report.records());
        assertEquals(3, blobs.faults().calls("list"), "renditions, originals and quarantine prefixes");
        assertEquals(1, photos.faults().calls("list"));
        assertEquals(0, blobs.faults().calls("head"));
    }

    @Test
    void everyKindOfDefectIsFoundOnceRepairedOnceAndASecondRepairChangesNothing() {
        activePhoto("fp-2");                                                   // healthy
        PhotoId orphaned = ids.next();                                         // renditions, no record
        blobs.put(layout.renditionKey(gallery, orphaned, "thumbnail", "jpg"), new byte[] {1}, PutOptions.of("image/jpeg"));
        PhotoId originalOnly = ids.next();                                     // original, no record
        blobs.put(layout.originalKey(gallery, originalOnly, "jpg"), new byte[] {1}, PutOptions.of("image/jpeg"));
        PhotoId missing = activePhoto("fp-2");
        blobs.delete(layout.renditionKey(gallery, missing, "small", "jpg"));
        PhotoId drifted = activePhoto("fp-1");
        PhotoId eventLost = ids.next();
        photos.create(pending(eventLost));
        blobs.put(layout.originalKey(gallery, eventLost, "jpg"), new byte[] {3}, PutOptions.of("image/jpeg"));
        PhotoId deadWorker = ids.next();
        photos.create(pending(deadWorker).toBuilder().status(PhotoStatus.PROCESSING).expiresAt(null)
                .lease(new Lease("t1", clock.instant().plus(Duration.ofMinutes(15)))).build());
        clock.advance(Duration.ofDays(2));
        // not defects: an unreferenced rendition younger than the grace period, a photo still PROCESSING under a live
        // lease whose worker already wrote a rendition, a PENDING record not yet expired
        PhotoId fresh = ids.next();
        blobs.put(layout.renditionKey(gallery, fresh, "thumbnail", "jpg"), new byte[] {1}, PutOptions.of("image/jpeg"));
        PhotoId working = ids.next();
        photos.create(pending(working).toBuilder().status(PhotoStatus.PROCESSING).expiresAt(null)
                .lease(new Lease("t2", clock.instant().plus(Duration.ofMinutes(15)))).build());
        blobs.put(layout.renditionKey(gallery, working, "thumbnail", "jpg"), new byte[] {1}, PutOptions.of("image/jpeg"));
        photos.create(pending(ids.next()));
        // an expired PENDING record whose upload never came: listings hide it and the storage TTL removes it
        PhotoId neverCame = ids.next();
        photos.create(pending(neverCame).toBuilder().expiresAt(clock.instant().minusSeconds(1)).build());

        long putsBefore = blobs.putCount();
        Map<String, Integer> writesBefore = writes();
        ReconcileReport report = reconciler.check(gallery);

        assertEquals(Set.of(
                        FindingKind.ORPHAN_RENDITION + " " + orphaned, FindingKind.ORPHAN_ORIGINAL + " " + originalOnly,
                        FindingKind.MISSING_RENDITION + " " + missing, FindingKind.FINGERPRINT_DRIFT + " " + drifted,
                        FindingKind.EXPIRED_PENDING + " " + eventLost,
                        FindingKind.EXPIRED_LEASE + " " + deadWorker),
                summary(report.findings()));
        assertEquals(6, report.findings().size());
        assertEquals(putsBefore, blobs.putCount(), "checking writes nothing");
        assertEquals(writesBefore, writes(), "checking writes nothing");
        assertEquals(0, blobs.faults().calls("deleteAll") + blobs.faults().calls("delete") - 1, "only the setup's delete");

        ReconcileReport repaired = reconciler.repair(gallery);
        assertEquals(6, repaired.repaired().size(), repaired.unrepaired().toString());
        assertEquals(4, rerendered.size(), "pixels only where needed, once per photo: " + rerendered);
        assertEquals(Set.of(missing, drifted, eventLost, deadWorker), rerendered.stream().map(PhotoKey::id)
                .collect(Collectors.toSet()));
        assertTrue(blobs.head(layout.renditionKey(gallery, orphaned, "thumbnail", "jpg")).isEmpty());
        assertTrue(blobs.head(layout.originalKey(gallery, originalOnly, "jpg")).isEmpty());
        assertTrue(blobs.head(layout.renditionKey(gallery, fresh, "thumbnail", "jpg")).isPresent());
        assertTrue(blobs.head(layout.renditionKey(gallery, working, "thumbnail", "jpg")).isPresent());

        long puts = blobs.putCount();
        int deletes = blobs.faults().calls("deleteAll") + blobs.faults().calls("delete");
        Map<String, Integer> writes = writes();
        rerendered.clear();
        ReconcileReport second = reconciler.repair(gallery);
        assertTrue(second.clean(), second.findings().toString());
        assertEquals(puts, blobs.putCount());
        assertEquals(deletes, blobs.faults().calls("deleteAll") + blobs.faults().calls("delete"));
        assertEquals(writes, writes(), "a second repair makes no write");
        assertEquals(List.of(), rerendered);
    }

    @Test
    void uploadsStillInQuarantineAreComparedToo() {
        PhotoId lostEvent = ids.next();                // its upload came, its event was lost, its record expired
        photos.create(pending(lostEvent));
        blobs.put(layout.incomingKey(gallery, lostEvent, "jpg"), new byte[] {1}, PutOptions.of("image/jpeg"));
        PhotoId noRecord = ids.next();                 // an upload nobody asked for (or whose record is gone)
        blobs.put(layout.incomingKey(gallery, noRecord, "jpg"), new byte[] {1}, PutOptions.of("image/jpeg"));
        clock.advance(Duration.ofDays(2));
        ReconcileReport report = reconciler.check(gallery);
        assertEquals(Set.of(FindingKind.EXPIRED_PENDING + " " + lostEvent, FindingKind.ORPHAN_ORIGINAL + " " + noRecord),
                summary(report.findings()));
        ReconcileReport repaired = reconciler.repair(gallery);
        assertEquals(2, repaired.repaired().size(), repaired.unrepaired().toString());
        assertEquals(List.of(lostEvent), rerendered.stream().map(PhotoKey::id).toList());
        assertTrue(blobs.head(layout.incomingKey(gallery, noRecord, "jpg")).isEmpty());
    }

    @Test
    void aRepairThatFailsIsReportedAndTheOthersGoOn() {
        PhotoId orphaned = ids.next();
        blobs.put(layout.renditionKey(gallery, orphaned, "thumbnail", "jpg"), new byte[] {1}, PutOptions.of("image/jpeg"));
        activePhoto("fp-1");
        clock.advance(Duration.ofDays(2));
        blobs.faults().failNext("deleteAll", 1, Fault.TRANSIENT);
        ReconcileReport report = reconciler.repair(gallery);
        assertEquals(List.of(FindingKind.ORPHAN_RENDITION), report.unrepaired().stream().map(Finding::kind).toList());
        assertTrue(report.unrepaired().get(0).detail().contains("IO_ERROR"), report.unrepaired().get(0).detail());
        assertEquals(List.of(FindingKind.FINGERPRINT_DRIFT), report.repaired().stream().map(Finding::kind).toList());
    }

    private Map<String, Integer> writes() {
        return Map.of("create", photos.faults().calls("create"), "delete", photos.faults().calls("delete"),
                "release", photos.faults().calls("release"), "complete", photos.faults().calls("complete"));
    }

    private Photo pending(PhotoId id) {
        return Photo.builder().gallery(gallery).id(id).status(PhotoStatus.PENDING)
                .originalKey(layout.originalKey(gallery, id, "jpg")).uploadedAt(clock.instant())
                .expiresAt(clock.instant().plus(Duration.ofDays(1))).build();
    }

    private static Set<String> summary(List<Finding> findings) {
        return findings.stream().map(f -> f.kind() + " " + f.photo().id()).collect(Collectors.toSet());
    }
}
