/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.BlobVersion;
import com.galerly.core.storage.PutOptions;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a {@link BlobStore} on a <em>versioned</em> bucket must show (besides {@link BlobStoreContract}, which
 * holds on any bucket): writes keep the older versions, a delete only adds a delete marker, and
 * {@link BlobStore#erase(String)} removes every version and marker so nothing can be restored. Extend it with a
 * store whose bucket has versioning enabled. It asserts through {@code head}, {@code versions} and {@code erase},
 * not {@code list}, so it also runs on Adobe S3Mock 4.11.0, whose ListObjectsV2 still lists a key whose newest
 * version is a delete marker.
 *
 * <pre>{@code
 * class S3MockVersionedBlobStoreTest extends VersionedBlobStoreContract {
 *     @RegisterExtension static final S3MockExtension S3 = S3MockExtension.builder().silent().build();
 *     @Override protected BlobStore store() { return S3BlobStore.create(versionedClient, "versioned"); }
 * }
 * }</pre>
 */
public abstract class VersionedBlobStoreContract {
    private String prefix;

    /** The store under test, on a versioned bucket. */
    protected abstract BlobStore store();

    @BeforeEach
    void freshPrefix() {
        prefix = "versioned-" + UUID.randomUUID() + "/";
    }

    /** A key under this test's own prefix. */
    protected String key(String name) {
        return prefix + name;
    }

    @Test
    void everyWriteIsKeptAndADeleteOnlyAddsAMarker() {
        String first = store().put(key("k.jpg"), new byte[] {1}, PutOptions.of("image/jpeg")).versionId();
        String second = store().put(key("k.jpg"), new byte[] {2}, PutOptions.of("image/jpeg")).versionId();
        assertNotNull(first, "a versioned bucket names the version it wrote");
        store().delete(key("k.jpg"));
        assertTrue(store().head(key("k.jpg")).isEmpty());

        List<BlobVersion> versions = store().versions(key("k.jpg"));
        assertEquals(3, versions.size(), versions.toString());
        assertTrue(versions.get(0).deleteMarker(), "newest first: the delete marker");
        assertEquals(List.of(second, first), versions.subList(1, 3).stream().map(BlobVersion::versionId).toList());
        assertFalse(versions.get(1).deleteMarker() || versions.get(2).deleteMarker());
    }

    @Test
    void eraseRemovesEveryVersionAndEveryDeleteMarker() {
        String v1 = store().put(key("g/p_thumb.jpg"), new byte[] {1}, PutOptions.of("image/jpeg")).versionId();
        String v2 = store().put(key("g/p_thumb.jpg"), new byte[] {2}, PutOptions.of("image/jpeg")).versionId();
        store().deleteAll(List.of(key("g/p_thumb.jpg")));
        String v3 = store().put(key("g/p_large.jpg"), new byte[] {3}, PutOptions.of("image/jpeg")).versionId();
        store().put(key("g/q_thumb.jpg"), new byte[] {4}, PutOptions.of("image/jpeg"));

        List<BlobVersion> removed = store().erase(key("g/p_"));

        assertEquals(4, removed.size(), removed.toString());
        assertEquals(1, removed.stream().filter(BlobVersion::deleteMarker).count(), removed.toString());
        assertTrue(removed.stream().map(BlobVersion::versionId).collect(Collectors.toSet()).containsAll(Set.of(v1, v2, v3)));
        assertEquals(List.of(), store().versions(key("g/p_")), "nothing left to restore");
        assertEquals(List.of(key("g/q_thumb.jpg")), store().versions(key("g/")).stream().map(BlobVersion::key).toList(),
                "a neighbour's versions stay");
        assertEquals(List.of(), store().erase(key("g/p_")), "a second erase finds nothing");
    }

    @Test
    void aPlainDeleteKeepsTheBytesRestorable() {
        store().put(key("kept.jpg"), new byte[] {1}, PutOptions.of("image/jpeg"));
        store().deleteAll(List.of(key("kept.jpg")));
        assertEquals(2, store().versions(key("kept.jpg")).size(), "the version and its delete marker");
    }
}
