/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.upload;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.gallery.GalleryService;
import com.galerly.core.spi.FileNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PendingUploadsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
    private static final KeyLayout LAYOUT = KeyLayout.standard();
    private static final PhotoKey PHOTO = PhotoKey.of(GalleryId.of("trip"), PhotoId.generator(CLOCK).next());

    private static Photo record(String fileName) {
        UploadRequest request = UploadRequest.of(r -> r.gallery(PHOTO.gallery()).contentType("image/jpeg")
                .contentLength(1000).fileName(fileName));
        Instant urlExpiry = CLOCK.instant().plus(Duration.ofMinutes(15));
        return PendingUploads.record(LAYOUT, PHOTO, LAYOUT.incomingKey(PHOTO.gallery(), PHOTO.id(), "jpg"), request,
                "user-1", CLOCK.instant(), urlExpiry, PendingUploads.DEFAULT_TTL);
    }

    @Test
    void theRecordKeepsTheFileNameAsFileNamesCleansIt() {
        for (String raw : new String[] {"C:\\Users\\al\u202Ece\\IMG_0001.JPG", "  ..holiday\u200B   at  the beach.jpg ",
                "../../etc/passwd", "x".repeat(300) + ".jpeg", "Été 2026.HEIC"}) {
            assertEquals(FileNames.sanitize(raw).orElse(null), record(raw).fileName(), raw);
        }
        assertEquals("holiday at the beach.jpg", record("  ..holiday\u200B   at  the beach.jpg ").fileName());
        assertNull(record(" .. ").fileName(), "nothing printable left: no name");
    }

    @Test
    void theRecordWaitsItsTtlPastTheUrlsExpiry() {
        Photo pending = record("a.jpg");
        assertEquals(CLOCK.instant().plus(Duration.ofMinutes(15)).plus(PendingUploads.DEFAULT_TTL),
                pending.expiresAt());
    }

    @Test
    void oneRangeForEveryPendingExpirySetting() {
        assertEquals(PendingUploads.MIN_TTL, PendingUploads.checkTtl(PendingUploads.MIN_TTL));
        assertEquals(PendingUploads.MAX_TTL, PendingUploads.checkTtl(PendingUploads.MAX_TTL));
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> PendingUploads.checkTtl(Duration.ofSeconds(59)));
        assertTrue(tooShort.getMessage().startsWith("pendingExpiry must be PT1M..PT720H, was PT59S"),
                tooShort.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PendingUploads.checkTtl(Duration.ofDays(31)));
        assertThrows(NullPointerException.class, () -> PendingUploads.checkTtl(null));
        // GalleryService takes what the upload services take (it used to refuse less than an hour)
        assertDoesNotThrow(() -> GalleryService.builder().pendingExpiry(Duration.ofMinutes(5)));
        assertThrows(IllegalArgumentException.class,
                () -> GalleryService.builder().pendingExpiry(Duration.ofSeconds(30)));
    }
}
