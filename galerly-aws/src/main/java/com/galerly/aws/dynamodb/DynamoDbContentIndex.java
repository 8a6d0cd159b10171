/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.dynamodb;

import com.galerly.aws.internal.dynamodb.DynamoDbErrors;
import com.galerly.core.GalleryId;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.upload.ContentIndex;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * The {@link ContentIndex} in the photos table ({@link PhotoTable}): one item per gallery and digest,
 * {@code PK = G#{gallery}}, {@code SK = D#{sha256}}, {@code photo = {id}}, written with conditional writes
 * ({@code attribute_not_exists}, or {@code photo = :expected}). Gallery listings read only {@code P#} items, so
 * these never show up as photos.
 *
 * <pre>{@code
 * ContentIndex index = DynamoDbContentIndex.create(dynamoDb, "photos");
 * S3UploadService uploads = S3UploadService.builder().bucket(bucket).contentIndex(index).build();
 * }</pre>
 */
public final class DynamoDbContentIndex implements ContentIndex {
    private static final String DIGEST_PREFIX = "D#";

    private final DynamoDbClient client;
    private final String table;

    private DynamoDbContentIndex(DynamoDbClient client, String table) {
        this.client = Objects.requireNonNull(client, "client must not be null");
        this.table = Objects.requireNonNull(table, "table must not be null");
    }

    public static DynamoDbContentIndex create(DynamoDbClient client, String table) {
        return new DynamoDbContentIndex(client, table);
    }

    @Override
    public PhotoKey putIfAbsent(String sha256, PhotoKey photo) {
        return putIf(sha256, photo, r -> r.conditionExpression("attribute_not_exists(PK)"));
    }

    @Override
    public PhotoKey replace(String sha256, PhotoKey expected, PhotoKey photo) {
        return putIf(sha256, photo, r -> r.conditionExpression("photo = :expected")
                .expressionAttributeValues(Map.of(":expected", s(expected.id().value()))));
    }

    /** Makes {@code photo} the digest's holder if {@code condition} holds; returns the holder after the attempt. */
    private PhotoKey putIf(String sha256, PhotoKey photo, Consumer<PutItemRequest.Builder> condition) {
        Map<String, AttributeValue> item = new HashMap<>(key(sha256, photo.gallery()));
        item.put("photo", s(photo.id().value()));
        try {
            client.putItem(r -> condition.accept(r.tableName(table).item(item)));
            return photo;
        } catch (ConditionalCheckFailedException lost) {
            return holder(sha256, photo.gallery()).orElse(photo);
        } catch (SdkException e) {
            throw DynamoDbErrors.map("PutItem", table, e);
        }
    }

    @Override
    public void remove(String sha256, PhotoKey photo) {
        try {
            client.deleteItem(r -> r.tableName(table).key(key(sha256, photo.gallery()))
                    .conditionExpression("photo = :photo")
                    .expressionAttributeValues(Map.of(":photo", s(photo.id().value()))));
        } catch (ConditionalCheckFailedException notTheHolder) {
            // another photo holds it (or nobody): nothing to remove
        } catch (SdkException e) {
            throw DynamoDbErrors.map("DeleteItem", table, e);
        }
    }

    private java.util.Optional<PhotoKey> holder(String sha256, GalleryId gallery) {
        try {
            Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table).key(key(sha256, gallery))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? java.util.Optional.empty()
                    : java.util.Optional.of(new PhotoKey(gallery, PhotoId.of(item.get("photo").s())));
        } catch (SdkException e) {
            throw DynamoDbErrors.map("GetItem", table, e);
        }
    }

    private static Map<String, AttributeValue> key(String sha256, GalleryId gallery) {
        return Map.of("PK", s("G#" + gallery.value()), "SK", s(DIGEST_PREFIX + sha256));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    @Override
    public String toString() {
        return "DynamoDbContentIndex[" + table + "]";
    }
}
