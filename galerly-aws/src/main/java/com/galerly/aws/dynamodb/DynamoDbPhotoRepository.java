/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.dynamodb;

import com.galerly.aws.internal.dynamodb.DynamoDbErrors;
import com.galerly.aws.internal.dynamodb.GalleryCounters;
import com.galerly.aws.internal.dynamodb.PhotoItems;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.photo.ClaimRequest;
import com.galerly.core.photo.ClaimResult;
import com.galerly.core.photo.Completion;
import com.galerly.core.photo.GalleryCounts;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.photo.PhotoPage;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.photo.PhotoTransitions;
import com.galerly.core.spi.Checks;
import com.galerly.core.spi.ConditionalWrites;
import com.galerly.core.spi.PageTokens;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The {@link PhotoRepository} on one DynamoDB table ({@code PK = G#{gallery}}, {@code SK = P#{photo}}; see
 * {@link PhotoTable} for its definition). Every status change reads the item, applies {@link PhotoTransitions},
 * and writes it back only if its {@code version} is unchanged; a lost race re-reads and decides again
 * ({@link ConditionalWrites}, the loop the JDBC repository and the in-memory fake run too), so the rules are exactly
 * those of the in-memory fake (both pass {@code PhotoRepositoryContract}).
 *
 * <p>Each gallery also has a counter item ({@code SK = COUNTS}, which listings skip): {@link #counts} reads it with one
 * GetItem. A write that changes what a record counts carries the difference on the photo item and the counter applies
 * it exactly once, with conditional updates only (no {@code TransactWriteItems}, so it runs on dynalite too); a write
 * costs three more requests when its counts change (ACTIVE in, ACTIVE out, other bytes) and none otherwise. The
 * scheme and why it is exact: {@code docs/lifecycle.md}.
 *
 * <pre>{@code
 * PhotoRepository photos = DynamoDbPhotoRepository.builder()
 *     .client(DynamoDbClient.create()).table("galerly-photos")
 *     .pageTokenKey(secretBytes)        // the same in every Lambda instance, so page tokens survive
 *     .build();
 * }</pre>
 */
public final class DynamoDbPhotoRepository implements PhotoRepository {
    private static final int BATCH_GET = 100;

    private final DynamoDbClient client;
    private final String table;
    private final Clock clock;
    private final PageTokens tokens;
    private final GalleryCounters counters;

    /** How long a counter's token may stay in flight before {@link #counts} looks after it (its writer crashed). */
    private static final Duration STRANDED = Duration.ofMinutes(1);

    private DynamoDbPhotoRepository(Builder b) {
        this.client = b.client;
        this.table = b.table;
        this.clock = b.clock;
        this.tokens = b.tokens == null ? PageTokens.random() : b.tokens;
        this.counters = new GalleryCounters(b.client, b.table);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A repository with a per-process page-token key (tokens do not survive a restart). */
    public static DynamoDbPhotoRepository create(DynamoDbClient client, String table, Clock clock) {
        return builder().client(client).table(table).clock(clock).build();
    }

    public String table() {
        return table;
    }

    /** The stored record, tombstones included. */
    private Optional<Photo> read(PhotoKey key) {
        return readItem(key).map(PhotoItems::fromItem);
    }

    /** The stored item, tombstones and count markers included. */
    private Optional<Map<String, AttributeValue>> readItem(PhotoKey key) {
        return call("GetItem", () -> {
            Map<String, AttributeValue> item = client.getItem(r -> r.tableName(table).key(PhotoItems.key(key))
                    .consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.<Map<String, AttributeValue>>empty() : Optional.of(item);
        });
    }

    @Override
    public Optional<Photo> get(PhotoKey key) {
        return PhotoTransitions.visible(read(key));
    }

    @Override
    public List<Photo> getAll(Collection<PhotoKey> keys) {
        Map<PhotoKey, Photo> found = new HashMap<>();
        List<PhotoKey> distinct = keys.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += BATCH_GET) {
            List<Map<String, AttributeValue>> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET))
                    .stream().map(PhotoItems::key).toList();
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(batch).consistentRead(true).build());
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round > 0) {
                    ConditionalWrites.backOff(round);
                }
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = call("BatchGetItem", () -> client.batchGetItem(r -> r.requestItems(request)));
                response.responses().getOrDefault(table, List.of()).forEach(item -> {
                    Photo p = PhotoItems.fromItem(item);
                    found.put(p.key(), p);
                });
                pending = response.unprocessedKeys();
            }
        }
        return keys.stream().map(found::get).filter(java.util.Objects::nonNull).filter(PhotoTransitions::visible)
                .toList();
    }

    @Override
    public void create(Photo photo) {
        ConditionalWrites.create(records, photo);
    }

    @Override
    public ClaimResult claim(ClaimRequest request) {
        return ConditionalWrites.claim(records, request, clock);
    }

    @Override
    public Photo complete(PhotoKey key, Lease lease, Completion completion) {
        return ConditionalWrites.complete(records, key, lease, completion, clock);
    }

    @Override
    public Photo fail(PhotoKey key, Lease lease, ErrorCode code, String message) {
        return ConditionalWrites.fail(records, key, lease, code, message, clock);
    }

    @Override
    public void release(PhotoKey key, Lease lease) {
        ConditionalWrites.release(records, key, lease, clock);
    }

    @Override
    public PhotoPage list(GalleryId gallery, PageRequest page) {
        Map<String, AttributeValue> values = Map.of(":pk", PhotoItems.s(PhotoItems.partition(gallery)),
                ":p", PhotoItems.s(PhotoItems.PHOTO_PREFIX),
                ":pending", PhotoItems.s(PhotoStatus.PENDING.name()),
                ":now", PhotoItems.n(clock.instant().getEpochSecond()));
        Map<String, AttributeValue> start = page.token() == null ? null : Map.of(
                PhotoItems.PK, PhotoItems.s(PhotoItems.partition(gallery)),
                PhotoItems.SK, PhotoItems.s(PhotoItems.PHOTO_PREFIX
                        + PhotoId.of(tokens.decode(gallery, page.token())).value()));
        // one more than asked tells whether another page exists, so the last page never carries a token; the
        // filter (PENDING past its TTL, which DynamoDB deletes only eventually) applies after Limit and tombstones
        // are skipped, so keep querying until the page is full or the gallery ends
        List<Photo> photos = new ArrayList<>();
        boolean more = false;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = call("Query", () -> client.query(r -> r.tableName(table)
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :p)")
                    .filterExpression("NOT (#status = :pending AND #ttl <= :now)")
                    .expressionAttributeNames(Map.of("#status", "status", "#ttl", PhotoItems.TTL))
                    .expressionAttributeValues(values).exclusiveStartKey(from)
                    .limit(page.limit() + 1).consistentRead(true).scanIndexForward(true)));
            for (Map<String, AttributeValue> item : response.items()) {
                Photo photo = PhotoItems.fromItem(item);
                if (!PhotoTransitions.visible(photo)) {
                    continue;
                }
                if (photos.size() == page.limit()) {
                    more = true;
                    break;
                }
                photos.add(photo);
            }
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (!more && start != null);
        return new PhotoPage(photos, more ? tokens.encode(gallery, photos.get(photos.size() - 1).id().value()) : null);
    }

    /** Replaces the record with a tombstone ({@link PhotoTransitions#delete}), which DynamoDB's TTL removes later. */
    @Override
    public boolean delete(PhotoKey key) {
        return ConditionalWrites.delete(records, key, clock);
    }

    /**
     * One GetItem of the gallery's counter item ({@code SK = COUNTS}). When the counter holds a token for longer than
     * a minute (its writer crashed between the photo write and the counter update), this read settles it first: the
     * counts then include every photo write that happened.
     */
    @Override
    public GalleryCounts counts(GalleryId gallery) {
        Checks.notNull(gallery, "gallery");
        GalleryCounters.Counter counter = counters.read(gallery);
        if (!counter.intents().isEmpty()
                && counters.heal(gallery, counter.intents(), clock.instant(), STRANDED, this::readItem) > 0) {
            counter = counters.read(gallery);
        }
        return counter.counts();
    }

    /**
     * The items as {@link ConditionalWrites} reads and writes them. A read settles a count marker a previous writer
     * left on the item first (before this write replaces the item).
     */
    private final ConditionalWrites.Records<RuntimeException> records = new ConditionalWrites.Records<>() {
        @Override
        public Optional<Photo> read(PhotoKey key) {
            Optional<Map<String, AttributeValue>> item = readItem(key);
            item.flatMap(GalleryCounters::markerOf).ifPresent(marker ->
                    counters.settle(key, marker, item.get().get(GalleryCounters.DEFERRED_TTL)));
            return item.map(PhotoItems::fromItem);
        }

        @Override
        public boolean write(Photo next, Optional<Photo> current) {
            return DynamoDbPhotoRepository.this.write(next, current);
        }
    };

    /**
     * Writes {@code next} if the stored item is still {@code current}; false if another writer came first. A write
     * that changes what the record counts ({@link GalleryCounts#of}) carries the difference as a marker and applies
     * it to the gallery's counter exactly once ({@link GalleryCounters}).
     */
    private boolean write(Photo next, Optional<Photo> current) {
        GalleryCounts was = current.map(GalleryCounts::of).orElse(GalleryCounts.empty(next.gallery()));
        GalleryCounts now = GalleryCounts.of(next);
        if (was.equals(now)) {
            return put(PhotoItems.toItem(next), current);
        }
        GalleryCounters.Marker marker = GalleryCounters.marker(next.key(), next.version(), clock.instant(),
                now.photos() - was.photos(), now.bytes() - was.bytes());
        Map<String, AttributeValue> item = GalleryCounters.withMarker(PhotoItems.toItem(next), marker);
        counters.register(next.gallery(), marker);
        // a put that fails outright leaves the token registered (written or not, counts() sorts it out later); one
        // whose condition failed may be an SDK retry of our own write whose response was lost: then it did happen
        boolean written = put(item, current)
                || readItem(next.key()).flatMap(GalleryCounters::markerOf).filter(marker::equals).isPresent();
        if (!written) {
            counters.unregister(next.gallery(), marker);
            return false;
        }
        try {
            counters.settle(next.key(), marker, item.get(GalleryCounters.DEFERRED_TTL));
        } catch (GalerlyException later) {
            // the photo write happened; its marker stays on the item for the next reader or counts() to settle
        }
        return true;
    }

    /** Puts {@code item} if the stored item is still {@code current}; false if another writer came first. */
    private boolean put(Map<String, AttributeValue> item, Optional<Photo> current) {
        PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(item);
        if (current.isPresent()) {
            put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", PhotoItems.VERSION))
                    .expressionAttributeValues(Map.of(":v", PhotoItems.n(current.get().version())));
        } else {
            put.conditionExpression("attribute_not_exists(PK)");
        }
        try {
            call("PutItem", () -> client.putItem(put.build()));
            return true;
        } catch (ConditionalCheckFailedException lost) {
            return false;
        }
    }

    private <T> T call(String operation, Supplier<T> call) {
        return DynamoDbErrors.call(operation, table, call);
    }

    @Override
    public String toString() {
        return "DynamoDbPhotoRepository[" + table + "]";
    }

    /** Builds a {@link DynamoDbPhotoRepository}; client and table are required. */
    public static final class Builder {
        private DynamoDbClient client;
        private String table;
        private Clock clock = Clock.systemUTC();
        private PageTokens tokens;

        private Builder() {
        }

        public Builder client(DynamoDbClient client) {
            this.client = Checks.notNull(client, "client");
            return this;
        }

        /** The table name (3..255 of A-Z a-z 0-9 _ - .). */
        public Builder table(String table) {
            Checks.notNull(table, "table");
            if (!table.matches("[A-Za-z0-9_.-]{3,255}")) {
                throw new IllegalArgumentException("table must be 3..255 of A-Z a-z 0-9 _ - ., was " + Checks.quote(table));
            }
            this.table = table;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /**
         * The HMAC key that protects page tokens (at least 16 bytes). Give every instance the same key (from
         * Secrets Manager or an environment variable) so a token from one Lambda works on the next.
         */
        public Builder pageTokenKey(byte[] key) {
            this.tokens = new PageTokens(Checks.notNull(key, "pageTokenKey"));   // checks and copies the key
            return this;
        }

        public DynamoDbPhotoRepository build() {
            if (client == null || table == null) {
                throw new IllegalStateException("client and table are required");
            }
            return new DynamoDbPhotoRepository(this);
        }
    }
}
