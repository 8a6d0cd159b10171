/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.GalleryId;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoStatus;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.photo.PhotoRepository;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryPhotoRepositoryTest extends PhotoRepositoryContract {
    @Override
    protected PhotoRepository repository(TestClock clock) {
        return new InMemoryPhotoRepository(clock);
    }

    @Test
    void expiredPendingRecordsArePurgedLikeADynamoDbTtlSweep() {
        InMemoryPhotoRepository photos = new InMemoryPhotoRepository(clock);
        GalleryId gallery = GalleryId.of("ttl");
        PhotoId.Generator ids = PhotoId.generator(clock);
        PhotoId id = ids.next();
        photos.create(Photo.builder().gallery(gallery).id(id).status(PhotoStatus.PENDING)
                .originalKey("originals/ttl/" + id + ".jpg").uploadedAt(clock.instant())
                .expiresAt(clock.instant().plus(Duration.ofHours(1))).build());
        assertEquals(0, photos.purgeExpired());
        clock.advance(Duration.ofHours(2));
        assertEquals(1, photos.purgeExpired());
        assertTrue(photos.list(gallery, PageRequest.first()).photos().isEmpty());
    }

    @Test
    void repositoriesSharingATokenKeyAcceptEachOthersTokens() {
        byte[] key = "0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        InMemoryPhotoRepository a = InMemoryPhotoRepository.withTokenKey(clock, key);
        InMemoryPhotoRepository b = InMemoryPhotoRepository.withTokenKey(clock, key);
        GalleryId gallery = GalleryId.of("shared");
        PhotoId.Generator ids = PhotoId.generator(clock);
        for (int i = 0; i < 2; i++) {
            PhotoId id = ids.next();
            Photo p = Photo.builder().gallery(gallery).id(id).originalKey("originals/shared/" + id + ".jpg")
                    .uploadedAt(clock.instant()).build();
            a.create(p);
            b.create(p);
        }
        String token = a.list(gallery, PageRequest.first(1)).nextToken();
        assertEquals(1, b.list(gallery, PageRequest.first(1).next(token)).photos().size());
    }
}
