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
}
