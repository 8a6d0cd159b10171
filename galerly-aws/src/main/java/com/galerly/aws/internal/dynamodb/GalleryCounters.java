/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal.dynamodb;

import com.galerly.core.GalleryId;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.photo.GalleryCounts;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Exact gallery counts on DynamoDB without transactions (dynalite has no {@code TransactWriteItems}): a photo write
 * that changes what its record counts carries the difference as a <em>marker</em> on the photo item, and the
 * gallery's counter item ({@code PK = G#{gallery}}, {@code SK = COUNTS}) applies each marker at most once because it
 * may only apply a token it holds in its {@code intents} set, and removes it in the same update. The steps, each one
 * conditional write:
 *
 * <ol>
 *   <li>register: {@code ADD intents :token} on the counter (before the photo write, so a marker on a photo item
 *       always names a registered token);</li>
 *   <li>the photo write itself (version compare-and-set), with the marker {@code countToken/countPhotos/countBytes};
 *       a lost race unregisters the token ({@code DELETE intents :token});</li>
 *   <li>apply: {@code ADD photos :dp, bytes :db DELETE intents :token} if {@code contains(intents, :token)};</li>
 *   <li>clear: {@code REMOVE} the marker from the photo item if it still names the token (and only then give it its
 *       TTL: an item carrying a marker never expires).</li>
 * </ol>
 *
 * Anyone who finds a marker (the next writer of the photo before it overwrites the item, or {@link #heal}) settles
 * it with 3 and 4; a crash anywhere leaves either nothing applied and nothing written, or a marker that the next
 * reader settles. The argument is in {@code docs/lifecycle.md}.
 */
public final class GalleryCounters {
    public static final String COUNTS_SK = "COUNTS";
    public static final String TOKEN = "countToken";
    public static final String PHOTOS = "countPhotos";
    public static final String BYTES = "countBytes";
    /** The TTL a marked item gets once its marker is cleared (an item with a marker must not expire). */
    public static final String DEFERRED_TTL = "deferredExpiresAt";

    private final DynamoDbClient client;
    private final String table;

    /** A difference written on a photo item, not yet known to be applied. */
    public record Marker(String token, long photos, long bytes) {
        /** The version of the photo write that carried it (tokens are {@code photo.version.millis.random}). */
        long version() {
            return Long.parseLong(token.split("\\.")[1]);
        }

        Instant registeredAt() {
            return Instant.ofEpochMilli(Long.parseLong(token.split("\\.")[2]));
        }

        PhotoId photo() {
            return PhotoId.of(token.split("\\.")[0]);
        }
    }

    public GalleryCounters(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    /** A new marker for the write of {@code version} of {@code photo}. */
    public static Marker marker(PhotoKey photo, long version, Instant now, long photos, long bytes) {
        String token = photo.id().value() + "." + version + "." + now.toEpochMilli() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        return new Marker(token, photos, bytes);
    }

    /** The marker on a photo item, if any. */
    public static Optional<Marker> markerOf(Map<String, AttributeValue> item) {
        AttributeValue token = item.get(TOKEN);
        return token == null ? Optional.empty() : Optional.of(new Marker(token.s(),
                Long.parseLong(item.get(PHOTOS).n()), Long.parseLong(item.get(BYTES).n())));
    }

    /** {@code item} with the marker added and its TTL deferred until the marker is cleared. */
    public static Map<String, AttributeValue> withMarker(Map<String, AttributeValue> item, Marker marker) {
        Map<String, AttributeValue> marked = new HashMap<>(item);
        marked.put(TOKEN, PhotoItems.s(marker.token()));
        marked.put(PHOTOS, PhotoItems.n(marker.photos()));
        marked.put(BYTES, PhotoItems.n(marker.bytes()));
        AttributeValue ttl = marked.remove(PhotoItems.TTL);
        if (ttl != null) {
            marked.put(DEFERRED_TTL, ttl);
        }
        return marked;
    }

    public static Map<String, AttributeValue> key(GalleryId gallery) {
        return Map.of(PhotoItems.PK, PhotoItems.s(PhotoItems.partition(gallery)), PhotoItems.SK, PhotoItems.s(COUNTS_SK));
    }

    /** The counts and the tokens in flight, in one consistent GetItem. */
    public record Counter(GalleryCounts counts, List<String> intents) {
    }

    public Counter read(GalleryId gallery) {
        Map<String, AttributeValue> item = call("GetItem", () -> client.getItem(r -> r.tableName(table)
                .key(key(gallery)).consistentRead(true)).item());
        if (item == null || item.isEmpty()) {
            return new Counter(GalleryCounts.empty(gallery), List.of());
        }
        long photos = item.containsKey("photos") ? Long.parseLong(item.get("photos").n()) : 0;
        long bytes = item.containsKey("bytes") ? Long.parseLong(item.get("bytes").n()) : 0;
        return new Counter(new GalleryCounts(gallery, photos, bytes),
                item.containsKey("intents") ? item.get("intents").ss() : List.of());
    }

    /** Step 1: the counter will accept this token once. */
    public void register(GalleryId gallery, Marker marker) {
        call("UpdateItem", () -> client.updateItem(r -> r.tableName(table).key(key(gallery))
                .updateExpression("ADD intents :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(List.of(marker.token()))))));
    }

    /** After a lost photo write: the token can never be on an item, so the counter forgets it. */
    public void unregister(GalleryId gallery, Marker marker) {
        call("UpdateItem", () -> client.updateItem(r -> r.tableName(table).key(key(gallery))
                .updateExpression("DELETE intents :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromSs(List.of(marker.token()))))));
    }

    /**
     * Steps 3 and 4 for a marker found on (or just written to) {@code photo}'s item: applies it unless the counter
     * already did, then clears it from the item. A failure leaves the marker for the next reader.
     */
    public void settle(PhotoKey photo, Marker marker, AttributeValue deferredTtl) {
        try {
            call("UpdateItem", () -> client.updateItem(r -> r.tableName(table).key(key(photo.gallery()))
                    .updateExpression("ADD photos :dp, bytes :db DELETE intents :t")
                    .conditionExpression("contains(intents, :token)")
                    .expressionAttributeValues(Map.of(":dp", PhotoItems.n(marker.photos()),
                            ":db", PhotoItems.n(marker.bytes()),
                            ":t", AttributeValue.fromSs(List.of(marker.token())),
                            ":token", PhotoItems.s(marker.token())))));
        } catch (ConditionalCheckFailedException alreadyApplied) {
            // another settler consumed the token first: applied exactly once either way
        }
        clear(photo, marker, deferredTtl);
    }

    private void clear(PhotoKey photo, Marker marker, AttributeValue deferredTtl) {
        Map<String, String> names = new HashMap<>(Map.of("#token", TOKEN, "#photos", PHOTOS, "#bytes", BYTES));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":token", PhotoItems.s(marker.token())));
        String update = "REMOVE #token, #photos, #bytes";
        if (deferredTtl != null) {
            update = "SET #ttl = :ttl REMOVE #token, #photos, #bytes, #deferred";
            names.put("#ttl", PhotoItems.TTL);
            names.put("#deferred", DEFERRED_TTL);
            values.put(":ttl", deferredTtl);
        }
        String expression = update;
        try {
            call("UpdateItem", () -> client.updateItem(r -> r.tableName(table).key(PhotoItems.key(photo))
                    .updateExpression(expression).conditionExpression("#token = :token")
                    .expressionAttributeNames(names).expressionAttributeValues(values)));
        } catch (ConditionalCheckFailedException clearedOrReplaced) {
            // cleared by another settler, or replaced by a writer that settled it first
        }
    }

    /**
     * Settles what crashed writers left behind in a gallery: every token the counter has held for longer than
     * {@code age} is looked up on its photo item; a marker still there is applied and cleared, and a token whose photo
     * write can no longer happen (the item moved past its version without it) is forgotten. Returns how many tokens
     * were settled or forgotten.
     */
    public int heal(GalleryId gallery, List<String> intents, Instant now, Duration age,
                    java.util.function.Function<PhotoKey, Optional<Map<String, AttributeValue>>> readItem) {
        int healed = 0;
        for (String token : intents) {
            Marker probe = new Marker(token, 0, 0);
            if (probe.registeredAt().plus(age).isAfter(now)) {
                continue;
            }
            PhotoKey photo = new PhotoKey(gallery, probe.photo());
            Optional<Map<String, AttributeValue>> item = readItem.apply(photo);
            Optional<Marker> marker = item.flatMap(GalleryCounters::markerOf);
            if (marker.isPresent() && marker.get().token().equals(token)) {
                settle(photo, marker.get(), item.get().get(DEFERRED_TTL));
                healed++;
            } else if (item.isPresent() ? Long.parseLong(item.get().get(PhotoItems.VERSION).n()) >= probe.version()
                    : probe.version() > 1) {
                unregister(gallery, probe);
                healed++;
            }
        }
        return healed;
    }

    private <T> T call(String operation, Supplier<T> call) {
        return DynamoDbErrors.call(operation, table, call);
    }
}
