/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.gallery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.GalleryId;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.delivery.Invalidation;
import com.galerly.core.storage.BlobVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErasureReceiptTest {
    private static final GalleryId G = GalleryId.of("g");
    private static final PhotoKey P = new PhotoKey(G, PhotoId.of("01jd6v2k8m3q9x7c5t4r2n0bza"));
    private static final Instant T = Instant.parse("2026-12-03T10:00:00Z");
    private static final List<String> PREFIXES = List.of("originals/g/01jd6v2k8m3q9x7c5t4r2n0bza.",
            "renditions/g/01jd6v2k8m3q9x7c5t4r2n0bza_");
    private static final Invalidation INV = new Invalidation("I1", "erase-g-p", List.of("/renditions/g/p_*"), "InProgress");

    @Test
    void aRerunThatRemovedLessIsTheSameErasure() {
        ErasureReceipt first = new ErasureReceipt(G, P, PREFIXES, List.of(new BlobVersion("originals/g/x.jpg", "v1", false),
                new BlobVersion("originals/g/x.jpg", "v2", false)), 1, List.of(INV), null, T.plusSeconds(3600), 0, T);
        ErasureReceipt rerun = new ErasureReceipt(G, P, PREFIXES, List.of(), 0, List.of(INV), null, T.plusSeconds(3600),
                0, T.plusSeconds(60));
        assertTrue(first.sameErasureAs(rerun));
        assertEquals(List.of("originals/g/x.jpg"), first.keys());
        ErasureReceipt incomplete = new ErasureReceipt(G, P, PREFIXES, List.of(), 0, List.of(INV), null,
                T.plusSeconds(3600), 2, T);
        assertFalse(incomplete.complete());
        assertFalse(first.sameErasureAs(incomplete));
    }

    @Test
    void aReceiptSaysWhyNoInvalidationWasNeededOrListsThem() {
        assertThrows(IllegalArgumentException.class,
                () -> new ErasureReceipt(G, P, PREFIXES, List.of(), 0, List.of(), null, null, 0, T));
        assertThrows(IllegalArgumentException.class,
                () -> new ErasureReceipt(G, P, PREFIXES, List.of(), 0, List.of(INV), "content-addressed", null, 0, T));
        assertThrows(IllegalArgumentException.class, () -> new ErasureReceipt(GalleryId.of("other"), P, PREFIXES,
                List.of(), 0, List.of(INV), null, null, 0, T));
        assertTrue(new ErasureReceipt(G, null, PREFIXES, List.of(), 0, List.of(), "URLs are content-addressed", null, 0, T)
                .photoKey().isEmpty());
    }
}
