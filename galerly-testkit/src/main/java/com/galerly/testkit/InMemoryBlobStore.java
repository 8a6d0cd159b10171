/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.GalerlyException;
import com.galerly.core.KeyLayout;
import com.galerly.core.storage.BlobContent;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.PutOptions;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A thread-safe in-memory {@link BlobStore} that behaves like S3 where tests can tell: the ETag is the hex MD5 of
 * the bytes, keys are refused as S3 would refuse them ({@link KeyLayout#requireSafeKey}), an optional version id
 * changes on every write, and reads stream a snapshot. Passes {@link BlobStoreContract}.
 *
 * <pre>{@code
 * InMemoryBlobStore blobs = new InMemoryBlobStore(clock);
 * blobs.put("originals/g/p.jpg", bytes, PutOptions.of("image/jpeg"));
 * blobs.faults().failNext("get", 1, Fault.TRANSIENT);
 * assertThat(blobs.keys()).containsExactly("originals/g/p.jpg");
 * }</pre>
 */
public final class InMemoryBlobStore implements BlobStore {
    private final ConcurrentSkipListMap<String, Stored> objects = new ConcurrentSkipListMap<>();
    private final Faults faults = new Faults();
    private final Clock clock;
    private final boolean versioned;
    private final AtomicLong puts = new AtomicLong();

    public InMemoryBlobStore(Clock clock) {
        this(clock, false);
    }

    /** With {@code versioned}, every write gets a new version id, as in a versioned bucket. */
    public InMemoryBlobStore(Clock clock, boolean versioned) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.versioned = versioned;
    }

    /** Fault injection for this store; operations are {@code head, get, getRange, put, delete, deleteAll, list}. */
    public Faults faults() {
        return faults;
    }

    @Override
    public Optional<BlobMetadata> head(String key) {
        faults.check("head");
        return Optional.ofNullable(objects.get(key)).map(Stored::metadata);
    }

    @Override
    public BlobContent get(String key) {
        faults.check("get");
        Stored stored = require(key);
        return new BlobContent(stored.metadata, new ByteArrayInputStream(stored.bytes));
    }

    @Override
    public byte[] getRange(String key, long offset, int length) {
        faults.check("getRange");
        if (offset < 0 || length < 0) {
            throw GalerlyException.invalid("range must not be negative, was offset " + offset + " length " + length);
        }
        Stored stored = require(key);
        int from = (int) Math.min(offset, stored.bytes.length);
        int to = (int) Math.min((long) from + length, stored.bytes.length);
        return Arrays.copyOfRange(stored.bytes, from, to);
    }

    @Override
    public BlobMetadata put(String key, byte[] bytes, PutOptions options) {
        faults.check("put");
        KeyLayout.requireSafeKey(key, KeyLayout.S3_MAX_KEY_BYTES);
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(options, "options");
        byte[] copy = bytes.clone();
        BlobMetadata metadata = new BlobMetadata(key, copy.length, options.contentType(), md5(copy),
                versioned ? UUID.randomUUID().toString() : null, clock.instant(), options.cacheControl(),
                options.metadata());
        objects.put(key, new Stored(copy, metadata));
        puts.incrementAndGet();
        return metadata;
    }

    @Override
    public void delete(String key) {
        faults.check("delete");
        objects.remove(key);
    }

    @Override
    public void deleteAll(java.util.Collection<String> keys) {
        faults.check("deleteAll");
        keys.forEach(objects::remove);
    }

    @Override
    public List<String> list(String prefix) {
        faults.check("list");
        Objects.requireNonNull(prefix, "prefix");
        return List.copyOf(objects.subMap(prefix, true, prefix + Character.MAX_VALUE, true).keySet());
    }

    /** Every key stored, in order (not subject to faults). */
    public List<String> keys() {
        return List.copyOf(objects.keySet());
    }

    /** The stored bytes of a key (not subject to faults), or empty. */
    public Optional<byte[]> bytes(String key) {
        return Optional.ofNullable(objects.get(key)).map(s -> s.bytes.clone());
    }

    /** How many puts succeeded since creation. */
    public long putCount() {
        return puts.get();
    }

    private Stored require(String key) {
        Stored stored = objects.get(key);
        if (stored == null) {
            throw GalerlyException.notFound("no object at key " + key);
        }
        return stored;
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(byte[] bytes, BlobMetadata metadata) {
    }

    @Override
    public String toString() {
        return "InMemoryBlobStore[" + objects.size() + " objects]";
    }

    /** A snapshot of metadata by key, for assertions. */
    public Map<String, BlobMetadata> metadata() {
        Map<String, BlobMetadata> out = new java.util.LinkedHashMap<>();
        objects.forEach((k, v) -> out.put(k, v.metadata));
        return out;
    }
}
