/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.gallery;

import com.galerly.core.GalleryId;
import com.galerly.core.PhotoKey;
import com.galerly.core.delivery.Invalidation;
import com.galerly.core.spi.Checks;
import com.galerly.core.storage.BlobVersion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What deleting a photo or a gallery erased, for the caller's records (a GDPR erasure request, say): every object
 * version and delete marker removed under the erased prefixes, the records removed, the CDN invalidations asked for
 * (or why none was needed), and until when a signed URL or cookie handed out before the erasure may still be
 * presented.
 *
 * <p>A rerun after a crash half-way finds less to remove, but gives the same final state and an
 * {@linkplain #sameErasureAs equivalent} receipt: the same scope and prefixes, the same invalidations (their caller
 * references are derived from the scope, so the CDN returns the ones already created), the same outstanding-access
 * bound (computed from when the record was tombstoned, not from the rerun's clock), and nothing left.
 *
 * <pre>{@code
 * ErasureReceipt receipt = gallery.delete("alice", photo);
 * receipt.removed();                // [renditions/g/01jd..._thumbnail.5f3a9c.jpg@3HL4kq..., ...]
 * receipt.invalidations();          // [] and receipt.invalidationNote(): "URLs are content-addressed ..."
 * receipt.outstandingUntil();       // 2026-12-03T11:00:00Z: the last signed URL of it expires then
 * }</pre>
 *
 * @param gallery          the gallery erased, or the gallery of the photo erased
 * @param photo            the photo erased, or null when a whole gallery was
 * @param prefixes         the key prefixes erased (originals, renditions, incoming)
 * @param removed          the object versions and delete markers this run removed
 * @param recordsRemoved   how many records this run removed (a tombstone may remain, as the record's end)
 * @param invalidations    the CDN invalidations asked for
 * @param invalidationNote why no invalidation was needed, or null when some were asked for
 * @param outstandingUntil the latest expiry of any signed URL or cookie that may still be outstanding for the erased
 *                         content, or null when its gallery was public (unsigned URLs do not expire; the invalidations
 *                         and content-addressed keys are then what stops delivery)
 * @param leftOver         object versions still found under the prefixes after the run (0 for a complete erasure)
 * @param erasedAt         when this run finished
 */
public record ErasureReceipt(GalleryId gallery, PhotoKey photo, List<String> prefixes, List<BlobVersion> removed,
                             int recordsRemoved, List<Invalidation> invalidations, String invalidationNote,
                             Instant outstandingUntil, int leftOver, Instant erasedAt) {
    public ErasureReceipt {
        Checks.notNull(gallery, "gallery");
        if (photo != null && !photo.gallery().equals(gallery)) {
            throw new IllegalArgumentException("photo " + photo + " is not in gallery " + gallery);
        }
        prefixes = List.copyOf(Checks.notNull(prefixes, "prefixes"));
        removed = List.copyOf(Checks.notNull(removed, "removed"));
        Checks.notNegative(recordsRemoved, "recordsRemoved");
        invalidations = List.copyOf(Checks.notNull(invalidations, "invalidations"));
        if (invalidations.isEmpty() == (invalidationNote == null)) {
            throw new IllegalArgumentException("a receipt has either invalidations or a note saying why none was needed");
        }
        Checks.notNegative(leftOver, "leftOver");
        Checks.notNull(erasedAt, "erasedAt");
    }

    /** The photo erased, if one was (empty for a gallery). */
    public Optional<PhotoKey> photoKey() {
        return Optional.ofNullable(photo);
    }

    /** Whether nothing is left under the erased prefixes. */
    public boolean complete() {
        return leftOver == 0;
    }

    /** The distinct keys removed (any version). */
    public List<String> keys() {
        return removed.stream().map(BlobVersion::key).distinct().toList();
    }

    /**
     * Whether {@code other} records the same erasure: same scope, prefixes, invalidations (by id), note and
     * outstanding bound, both complete. What each run removed may differ (a rerun removes what the first left).
     */
    public boolean sameErasureAs(ErasureReceipt other) {
        return gallery.equals(other.gallery) && java.util.Objects.equals(photo, other.photo)
                && prefixes.equals(other.prefixes)
                && invalidations.stream().map(Invalidation::id).toList()
                        .equals(other.invalidations.stream().map(Invalidation::id).toList())
                && java.util.Objects.equals(invalidationNote, other.invalidationNote)
                && java.util.Objects.equals(outstandingUntil, other.outstandingUntil)
                && complete() && other.complete();
    }
}
