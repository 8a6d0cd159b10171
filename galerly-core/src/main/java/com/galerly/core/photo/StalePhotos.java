/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.photo;

import com.galerly.core.GalleryId;
import com.galerly.core.Photo;
import com.galerly.core.spi.Checks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The sweep a reconciler runs to find photos stuck on the way: PROCESSING records whose lease expired (the worker
 * died; re-driving the event reclaims the photo, or marks it FAILED once its attempts are used up) and PENDING
 * records older than {@code pendingAge} (the upload never came, or its event was lost). It reads the gallery a
 * page at a time through any {@link PhotoRepository}; the rule is {@link PhotoTransitions#stale}.
 *
 * <pre>{@code
 * for (Photo p : StalePhotos.in(photos, gallery, clock.instant(), Duration.ofHours(1), 1000)) {
 *     if (p.status() == PhotoStatus.PROCESSING && blobs.head(p.originalKey()).isPresent()) {
 *         pipeline.handle(new ObjectCreated(bucket, p.originalKey(), p.size(), p.eTag(), null, null));
 *     }
 * }
 * }</pre>
 */
public final class StalePhotos {
    private static final int PAGE = 100;

    private StalePhotos() {
    }

    /** Up to {@code limit} stale records of {@code gallery}, oldest upload first. */
    public static List<Photo> in(PhotoRepository photos, GalleryId gallery, Instant now, Duration pendingAge,
                                 int limit) {
        Checks.notNull(photos, "photos");
        Checks.notNull(gallery, "gallery");
        Checks.notNull(now, "now");
        Checks.within(pendingAge, Duration.ofSeconds(1), Duration.ofDays(365), "pendingAge");
        Checks.inRange(limit, 1, 1_000_000, "limit");
        List<Photo> stale = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (stale.size() < limit) {
            PhotoPage page = photos.list(gallery, request);
            for (Photo p : page.photos()) {
                if (PhotoTransitions.stale(p, now, pendingAge) && stale.size() < limit) {
                    stale.add(p);
                }
            }
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.nextToken());
        }
        return stale;
    }
}
