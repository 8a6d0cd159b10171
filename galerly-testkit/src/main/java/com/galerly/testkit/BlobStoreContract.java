/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.storage.BlobContent;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.BlobVersion;
import com.galerly.core.storage.PutOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link BlobStore} must show. Extend it in your implementation's test and return a store
 * (each test writes under its own fresh prefix, so one store may serve the whole class).
 *
 * <pre>{@code
 * class S3BlobStoreTest extends BlobStoreContract {
 *     @RegisterExtension static final S3ProxyExtension S3 = S3ProxyExtension.create();
 *     @Override protected BlobStore store() { return S3BlobStore.create(S3.client(), S3.bucket()); }
 * }
 * }</pre>
 */
public abstract class BlobStoreContract {
    /** This test's own fresh prefix (every key it writes is under it). */
    protected String prefix;

    /** The store under test. */
    protected abstract BlobStore store();

    /** How many keys the batch-delete test writes; more than 1000 proves that batches are split. */
    protected int batchDeleteKeys() {
        return 1_005;
    }

    @BeforeEach
    void freshPrefix() {
        prefix = "contract-" + UUID.randomUUID() + "/";
    }

    /** A key under this test's own prefix. */
    protected String key(String name) {
        return prefix + name;
    }

    @Test
    void putThenHeadAndGetReturnTheBytesAndMetadata() throws IOException {
        byte[] bytes = "hello, gallery".getBytes(StandardCharsets.UTF_8);
        BlobMetadata written = store().put(key("a.txt"), bytes, PutOptions.builder().contentType("text/plain")
                .cacheControl(PutOptions.IMMUTABLE).metadata("filename", "a.txt").build());
        BlobMetadata head = store().head(key("a.txt")).orElseThrow();
        assertEquals(bytes.length, head.size());
        assertEquals("text/plain", head.contentType());
        assertEquals(PutOptions.IMMUTABLE, head.cacheControl());
        assertEquals("a.txt", head.userMetadata().get("filename"));
        assertEquals(written.eTag(), head.eTag());
        assertTrue(!head.eTag().startsWith("\""), "ETags are given without quotes");
        try (BlobContent content = store().get(key("a.txt"))) {
            assertArrayEquals(bytes, content.stream().readAllBytes());
            assertEquals(head.eTag(), content.metadata().eTag());
        }
    }

    @Test
    void headOfAnAbsentKeyIsEmptyAndGetIsNotFound() {
        assertTrue(store().head(key("missing")).isEmpty());
        GalerlyException e = assertThrows(GalerlyException.class, () -> store().get(key("missing")));
        assertEquals(ErrorCode.NOT_FOUND, e.code());
        assertEquals(ErrorCode.NOT_FOUND,
                assertThrows(GalerlyException.class, () -> store().getRange(key("missing"), 0, 8)).code());
    }

    @Test
    void rangesReturnTheRequestedBytesAndStopAtTheEnd() {
        byte[] bytes = new byte[1000];
        new Random(7).nextBytes(bytes);
        store().put(key("r.bin"), bytes, PutOptions.of("application/octet-stream"));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 0, 32), store().getRange(key("r.bin"), 0, 32));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 500, 600), store().getRange(key("r.bin"), 500, 100));
        assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 990, 1000), store().getRange(key("r.bin"), 990, 100));
    }

    @Test
    void overwritingReplacesContentAndETag() throws IOException {
        store().put(key("o.txt"), "one".getBytes(StandardCharsets.UTF_8), PutOptions.of("text/plain"));
        String first = store().head(key("o.txt")).orElseThrow().eTag();
        store().put(key("o.txt"), "two!".getBytes(StandardCharsets.UTF_8), PutOptions.of("text/csv"));
        BlobMetadata second = store().head(key("o.txt")).orElseThrow();
        assertNotEquals(first, second.eTag());
        assertEquals("text/csv", second.contentType());
        try (BlobContent content = store().get(key("o.txt"))) {
            assertEquals("two!", new String(content.stream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void emptyObjectsRoundTrip() throws IOException {
        store().put(key("empty"), new byte[0], PutOptions.of("application/octet-stream"));
        assertEquals(0, store().head(key("empty")).orElseThrow().size());
        try (BlobContent content = store().get(key("empty"))) {
            assertEquals(0, content.stream().readAllBytes().length);
        }
    }

    @Test
    void largeObjectsStreamInChunks() throws IOException {
        byte[] bytes = new byte[5 * 1024 * 1024 + 17];
        new Random(11).nextBytes(bytes);
        store().put(key("big.bin"), bytes, PutOptions.of("application/octet-stream"));
        try (BlobContent content = store().get(key("big.bin")); InputStream in = content.stream()) {
            byte[] chunk = new byte[64 * 1024];
            int total = 0;
            for (int n; (n = in.read(chunk)) > 0; total += n) {
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != bytes[total + i]) {
                        throw new AssertionError("byte " + (total + i) + " differs");
                    }
                }
            }
            assertEquals(bytes.length, total);
        }
    }

    @Test
    void keysWithSpacesPlusAndUnicodeRoundTrip() throws IOException {
        for (String name : List.of("with space.jpg", "a+b=c&d.jpg", "ünïcødé/日本語 写真.jpg", "percent%20sign.jpg")) {
            byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
            store().put(key(name), bytes, PutOptions.of("image/jpeg"));
            try (BlobContent content = store().get(key(name))) {
                assertArrayEquals(bytes, content.stream().readAllBytes(), name);
            }
            assertTrue(store().list(prefix).contains(key(name)), name);
        }
    }

    @Test
    void deleteIsIdempotent() {
        store().put(key("d.txt"), new byte[] {1}, PutOptions.of("text/plain"));
        store().delete(key("d.txt"));
        store().delete(key("d.txt"));
        store().delete(key("never-existed"));
        assertTrue(store().head(key("d.txt")).isEmpty());
    }

    @Test
    void listReturnsKeysUnderThePrefixInOrder() {
        for (String name : List.of("b/2", "a/1", "b/1", "c")) {
            store().put(key(name), new byte[] {1}, PutOptions.of("text/plain"));
        }
        assertEquals(List.of(key("b/1"), key("b/2")), store().list(key("b/")));
        assertEquals(List.of(key("a/1"), key("b/1"), key("b/2"), key("c")), store().list(prefix));
        assertEquals(List.of(), store().list(key("nothing/")));
    }

    @Test
    void deleteAllRemovesEveryKeyAcrossBatchesAndIgnoresAbsentOnes() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < batchDeleteKeys(); i++) {
            String k = key(String.format("many/%05d", i));
            keys.add(k);
            store().put(k, new byte[] {(byte) i}, PutOptions.of("application/octet-stream"));
        }
        keys.add(key("many/absent"));
        store().deleteAll(keys);
        assertEquals(List.of(), store().list(key("many/")));
    }

    @Test
    void eraseRemovesEverythingUnderThePrefixAndNothingElse() {
        for (String name : List.of("p1_thumbnail.jpg", "p1_large.jpg", "p10_thumbnail.jpg", "other/p1_x.jpg")) {
            store().put(key(name), new byte[] {1}, PutOptions.of("image/jpeg"));
        }
        List<BlobVersion> removed = store().erase(key("p1_"));
        assertEquals(java.util.Set.of(key("p1_thumbnail.jpg"), key("p1_large.jpg")),
                removed.stream().map(BlobVersion::key).collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of(key("other/p1_x.jpg"), key("p10_thumbnail.jpg")), store().list(prefix));
        assertEquals(List.of(), store().erase(key("p1_")), "a second erase finds nothing");
        assertEquals(List.of(), store().versions(key("p1_")));
    }

    @Test
    void eraseRefusesAnEmptyPrefix() {
        assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalerlyException.class, () -> store().erase("")).code());
    }

    @Test
    void hostileKeysAreRefusedAsInvalidArguments() {
        for (String bad : List.of("../escape", "/leading", "a/../b", "ctl\u0001char")) {
            GalerlyException e = assertThrows(GalerlyException.class,
                    () -> store().put(bad, new byte[] {1}, PutOptions.of("text/plain")), bad);
            assertEquals(ErrorCode.INVALID_ARGUMENT, e.code(), bad);
        }
    }
}
