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
import com.galerly.core.storage.BlobVersion;
import com.galerly.core.storage.PutOptions;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
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
 * the bytes, keys are refused as S3 would refuse them ({@link KeyLayout#requireSafeKey}), and reads stream a
 * snapshot. Versioned ({@link #InMemoryBlobStore(Clock, boolean)}), it keeps every version as a versioned bucket
 * does: each write gets a new version id, a delete adds a delete marker and keeps the bytes, and only
 * {@link #erase(String)} removes versions for good. Passes {@link BlobStoreContract} (and, versioned,
 * {@link VersionedBlobStoreContract}).
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
    /** Versioned only: every version of a key, newest first (the current object is the first unless a marker). */
    private final ConcurrentSkipListMap<String, List<BlobVersion>> history = new ConcurrentSkipListMap<>();
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

    /**
     * Fault injection for this store; operations are {@code head, get, getRange, put, delete, deleteAll, list,
     * versions, erase}.
     */
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
        synchronized (history) {
            objects.put(key, new Stored(copy, metadata));
            if (versioned) {
                history.computeIfAbsent(key, k -> new ArrayList<>()).add(0, new BlobVersion(key, metadata.versionId(), false));
            }
        }
        puts.incrementAndGet();
        return metadata;
    }

    @Override
    public void delete(String key) {
        faults.check("delete");
        remove(key);
    }

    @Override
    public void deleteAll(java.util.Collection<String> keys) {
        faults.check("deleteAll");
        keys.forEach(this::remove);
    }

    /** As S3 does: a delete on a versioned bucket adds a delete marker (even for an absent key) and keeps the bytes. */
    private void remove(String key) {
        synchronized (history) {
            objects.remove(key);
            if (versioned) {
                history.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(0, new BlobVersion(key, UUID.randomUUID().toString(), true));
            }
        }
    }

    @Override
    public List<BlobVersion> versions(String prefix) {
        faults.check("versions");
        Objects.requireNonNull(prefix, "prefix");
        synchronized (history) {
            if (!versioned) {
                return objects.subMap(prefix, true, prefix + Character.MAX_VALUE, true).keySet().stream()
                        .map(BlobVersion::unversioned).toList();
            }
            List<BlobVersion> out = new ArrayList<>();
            history.subMap(prefix, true, prefix + Character.MAX_VALUE, true).values().forEach(out::addAll);
            return List.copyOf(out);
        }
    }

    /** One call, however many versions: what S3 does in a few list and batch-delete requests. */
    @Override
    public List<BlobVersion> erase(String prefix) {
        faults.check("erase");
        BlobStore.requireErasablePrefix(prefix);
        synchronized (history) {
            List<BlobVersion> removed = new ArrayList<>();
            if (versioned) {
                history.subMap(prefix, true, prefix + Character.MAX_VALUE, true).values().forEach(removed::addAll);
                history.subMap(prefix, true, prefix + Character.MAX_VALUE, true).clear();
            } else {
                objects.subMap(prefix, true, prefix + Character.MAX_VALUE, true).keySet().stream()
                        .map(BlobVersion::unversioned).forEach(removed::add);
            }
            objects.subMap(prefix, true, prefix + Character.MAX_VALUE, true).clear();
            return List.copyOf(removed);
        }
    }

    @Override
    public List<String> list(String prefix) {
        faults.check("list");
        Objects.requireNonNull(prefix, "prefix");
        return List.copyOf(objects.subMap(prefix, true, prefix + Character.MAX_VALUE, true).keySet());
    }

    /** Every version and delete marker stored, in key order (not subject to faults); versioned stores only keep them. */
    public List<BlobVersion> allVersions() {
        synchronized (history) {
            List<BlobVersion> out = new ArrayList<>();
            (versioned ? history.values().stream().flatMap(List::stream)
                    : objects.keySet().stream().map(BlobVersion::unversioned)).forEach(out::add);
            return out;
        }
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
