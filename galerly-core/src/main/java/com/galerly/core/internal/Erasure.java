/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.internal;

import com.galerly.core.GalleryId;
import com.galerly.core.PhotoKey;
import com.galerly.core.delivery.CdnInvalidator;
import com.galerly.core.delivery.DeliveryUrls;
import com.galerly.core.delivery.Invalidation;
import com.galerly.core.gallery.ErasureReceipt;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.BlobVersion;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The object side of an erasure, shared by a photo's and a gallery's: every version under the given prefixes
 * removed, the CDN asked to drop cached renditions where someone holding a URL could still fetch them, and the
 * receipt. Runs after the access checks and before the records go, so a crash part-way leaves records whose rerun
 * finishes the job.
 *
 * @param blobs         the store
 * @param urls          delivery URLs, whose paths the invalidations name
 * @param invalidator   the CDN, or null when none is configured
 * @param clock         the clock
 */
public record Erasure(BlobStore blobs, DeliveryUrls urls, CdnInvalidator invalidator, Clock clock) {
    /** Removes every version and delete marker under each prefix; returns what it removed. */
    public List<BlobVersion> eraseObjects(List<String> prefixes) {
        List<BlobVersion> removed = new ArrayList<>();
        for (String prefix : prefixes) {
            removed.addAll(blobs.erase(prefix));
        }
        return removed;
    }

    /**
     * Invalidates {@code renditionsPrefix}'s URL path with a wildcard unless the renditions are private and
     * content-addressed, counts what is left under the prefixes, and returns the receipt.
     *
     * @param photo            the photo erased, or null for the whole gallery
     * @param removed          what {@link #eraseObjects} removed
     * @param renditionsPrefix the key prefix of the renditions served through the CDN
     * @param isPrivate        whether the gallery's URLs are signed
     * @param contentAddressed whether every rendition key erased carries its content's fingerprint
     * @param recordsRemoved   records removed by this run
     * @param tombstonedAt     when the record(s) stopped being listed: the bound on outstanding signed URLs counts
     *                         from it, so a rerun gives the same bound
     * @param signedUrlExpiry  how long a signed URL handed out for the gallery stays valid
     */
    public ErasureReceipt receipt(GalleryId gallery, PhotoKey photo, List<String> prefixes, List<BlobVersion> removed,
                                  String renditionsPrefix, boolean isPrivate, boolean contentAddressed,
                                  int recordsRemoved, Instant tombstonedAt, Duration signedUrlExpiry) {
        List<Invalidation> invalidations = List.of();
        String note;
        if (isPrivate && contentAddressed) {
            note = "renditions are content-addressed and their URLs signed: no new URL can name the erased bytes, and"
                    + " every signed URL or cookie handed out expires by the outstanding bound";
        } else if (invalidator == null) {
            note = "no CdnInvalidator is configured: cached copies stay at the CDN until their cache TTL"
                    + (isPrivate ? "" : " and can be fetched by anyone holding a URL");
        } else {
            String path = URI.create(urls.url(renditionsPrefix)).getRawPath() + "*";
            invalidations = invalidator.invalidate(reference(gallery, photo), List.of(path));
            note = null;
        }
        int leftOver = 0;
        for (String prefix : prefixes) {
            leftOver += blobs.versions(prefix).size();
        }
        return new ErasureReceipt(gallery, photo, prefixes, removed, recordsRemoved, invalidations, note,
                isPrivate ? tombstonedAt.plus(signedUrlExpiry) : null, leftOver, clock.instant());
    }

    /** The caller reference of an erasure: the same for every run of it, so a rerun creates no new invalidation. */
    static String reference(GalleryId gallery, PhotoKey photo) {
        return "erase-" + gallery.value() + (photo == null ? "" : "-" + photo.id().value());
    }
}
