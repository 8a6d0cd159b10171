/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.storage;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Object storage: S3 in production ({@code galerly-aws}), an in-memory fake in tests ({@code galerly-testkit}).
 * Both pass the same contract suite, {@code BlobStoreContract}.
 *
 * <pre>{@code
 * blobs.put("renditions/g/p_thumbnail.jpg", bytes, PutOptions.immutable("image/jpeg"));
 * Optional<BlobMetadata> head = blobs.head("originals/g/p.jpg");
 * try (BlobContent in = blobs.get("originals/g/p.jpg")) { ... }
 * blobs.deleteAll(List.of(a, b, c));
 * List<BlobVersion> erased = blobs.erase("renditions/g/p_");   // every version and delete marker
 * }</pre>
 *
 * <p>Failures are {@link com.galerly.core.GalerlyException}s: {@code NOT_FOUND} when a read finds nothing,
 * {@code IO_ERROR} (retryable) for storage failures, {@code THROTTLED} (retryable) when told to slow down.
 */
public interface BlobStore {
    /** The object's metadata, or empty if there is none. */
    Optional<BlobMetadata> head(String key);

    /** Opens the object for streaming; never reads it whole into memory. Throws NOT_FOUND if absent. */
    BlobContent get(String key);

    /**
     * Reads up to {@code length} bytes from {@code offset} (fewer at the end of the object).
     * Throws NOT_FOUND if absent.
     */
    byte[] getRange(String key, long offset, int length);

    /**
     * Writes the object whole, replacing any existing one; returns what a HEAD would now return (a remote store may
     * take {@code lastModified} from its answer to the write, within a second of the stored time).
     */
    BlobMetadata put(String key, byte[] bytes, PutOptions options);

    /**
     * Copies an object within the store, writing the copy with {@code options} (content type, cache control and
     * metadata replace the source's); returns what a HEAD of the copy would return. Remote stores copy
     * server-side, without the bytes passing through this process. Throws NOT_FOUND if the source is absent.
     */
    default BlobMetadata copy(String sourceKey, String targetKey, PutOptions options) {
        try (BlobContent content = get(sourceKey)) {
            return put(targetKey, content.stream().readAllBytes(), options);
        } catch (java.io.IOException e) {
            throw com.galerly.core.GalerlyException.io("copying " + sourceKey + " to " + targetKey + " failed", e);
        }
    }

    /** Deletes the object; deleting an absent key succeeds (idempotent). */
    void delete(String key);

    /** Deletes every key; absent ones are ignored. Implementations batch where the store allows. */
    default void deleteAll(Collection<String> keys) {
        keys.forEach(this::delete);
    }

    /** Keys under {@code prefix}, in lexicographic order. */
    List<String> list(String prefix);

    /**
     * Every stored version under {@code prefix}, delete markers included, in key order and newest first within a
     * key. A store without versions lists its current objects with a null version id (the default).
     */
    default List<BlobVersion> versions(String prefix) {
        return list(java.util.Objects.requireNonNull(prefix, "prefix")).stream().map(BlobVersion::unversioned).toList();
    }

    /**
     * Erases everything under {@code prefix} so that nothing can be restored: on a versioned bucket every version
     * and every delete marker (a plain delete there only adds a marker and keeps the bytes). Returns what it
     * removed; a second run finds nothing and returns an empty list. Writes racing with it under the prefix may
     * survive; run it again after they stop.
     *
     * @throws com.galerly.core.GalerlyException INVALID_ARGUMENT for an empty prefix (that would be the whole
     *                                           bucket)
     */
    default List<BlobVersion> erase(String prefix) {
        List<BlobVersion> found = versions(requireErasablePrefix(prefix));
        if (!found.isEmpty()) {
            deleteAll(found.stream().map(BlobVersion::key).toList());
        }
        return found;
    }

    /** The prefix, if {@link #erase(String)} may take it: not null, not empty. */
    static String requireErasablePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            throw com.galerly.core.GalerlyException.invalid(
                    "erase needs a non-empty prefix (an empty one is the whole bucket), was " + (prefix == null ? "null" : "\"\""));
        }
        return prefix;
    }
}
