/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.testkit.PhotoRepositoryContract;
import com.galerly.testkit.TestClock;
import com.galerly.testkit.dynamodb.DynaliteExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The repository contract against dynalite (a DynamoDB-API server the test kit starts), plus DynamoDB-specific behaviour. */
class DynamoDbPhotoRepositoryTest extends PhotoRepositoryContract {
    @RegisterExtension
    static final DynaliteExtension DDB = DynaliteExtension.create();
    private static final String TABLE = "photos";

    @BeforeAll
    static void createTable() {
        PhotoTable.create(DDB.client(), TABLE);
        PhotoTable.create(DDB.client(), TABLE);     // idempotent
    }

    @Override
    protected PhotoRepository repository(TestClock clock) {
        return DynamoDbPhotoRepository.create(DDB.client(), TABLE, clock);
    }

    @Test
    void storesTheDesignedSingleTableLayoutWithATtlInEpochSeconds() {
        GalleryId gallery = GalleryId.of("layout");
        PhotoId id = PhotoId.generator(clock).next();
        repository.create(Photo.builder().gallery(gallery).id(id).status(PhotoStatus.PENDING)
                .originalKey("originals/layout/" + id + ".jpg").uploadedAt(clock.instant())
                .expiresAt(clock.instant().plusSeconds(86_400)).build());
        var item = DDB.client().getItem(r -> r.tableName(TABLE).key(java.util.Map.of(
                "PK", AttributeValue.fromS("G#layout"), "SK", AttributeValue.fromS("P#" + id)))).item();
        assertEquals("PENDING", item.get("status").s());
        assertEquals(Long.toString(clock.instant().getEpochSecond() + 86_400), item.get("expiresAt").n());
        assertEquals("1", item.get("version").n());
        assertNull(item.get("leaseToken"));
    }

    @Test
    void batchGetsMoreThanOneHundredKeys() {
        GalleryId gallery = GalleryId.of("batch");
        PhotoId.Generator ids = PhotoId.generator(clock);
        List<PhotoKey> keys = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            PhotoId id = ids.next();
            keys.add(new PhotoKey(gallery, id));
            repository.create(Photo.builder().gallery(gallery).id(id).originalKey("originals/batch/" + id + ".jpg")
                    .uploadedAt(clock.instant()).build());
        }
        List<PhotoKey> reversed = new ArrayList<>(keys);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, repository.getAll(reversed).stream().map(Photo::key).toList());
    }

    @Test
    void aMissingTableIsAConfigurationError() {
        PhotoRepository missing = DynamoDbPhotoRepository.create(DDB.client(), "no-such-table", clock);
        GalerlyException e = assertThrows(GalerlyException.class,
                () -> missing.get(new PhotoKey(GalleryId.of("g"), PhotoId.generator(clock).next())));
        assertEquals(ErrorCode.CONFIGURATION, e.code());
    }

    @Test
    void builderValidatesItsSettings() {
        assertThrows(IllegalArgumentException.class, () -> DynamoDbPhotoRepository.builder().table("a b"));
        assertThrows(IllegalArgumentException.class, () -> DynamoDbPhotoRepository.builder().pageTokenKey(new byte[4]));
        assertThrows(IllegalStateException.class, () -> DynamoDbPhotoRepository.builder().table("photos").build());
    }
}
