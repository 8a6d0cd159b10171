/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.aws.internal.DefaultS3BlobStore;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.PutOptions;
import com.galerly.testkit.BlobStoreContract;
import com.galerly.testkit.s3.S3ProxyExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link S3BlobStore} against S3Proxy: the published {@link BlobStoreContract}, then what is S3's own — the
 * Cache-Control of renditions, 1000-key delete batches, retries of throttling and 5xx through the SDK's
 * standard strategy, and the mapping of what still fails.
 */
class S3BlobStoreTest extends BlobStoreContract {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("blobs").build();

    private static final FaultyHttpClient HTTP = new FaultyHttpClient();
    private static S3Client client;
    private static S3BlobStore store;

    @BeforeEach
    void openStore() {
        if (store == null) {
            S3Bucket bucket = S3Bucket.builder().name("blobs").region("us-east-1").endpoint(S3.endpoint()).build();
            client = bucket.clientBuilder(S3.credentialsProvider()).httpClient(HTTP).build();
            store = S3BlobStore.create(client, "blobs");
        }
        HTTP.failNext(0, 200, null);
        HTTP.clear();
    }

    @AfterAll
    static void close() {
        if (client != null) {
            client.close();
        }
        store = null;
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Test
    void renditionsAreStoredImmutableForAYear() {
        BlobMetadata written = store.put(key("r_thumbnail.jpg"), new byte[] {1, 2, 3},
                PutOptions.immutable("image/jpeg"));
        assertEquals("public, max-age=31536000, immutable", written.cacheControl());
        assertEquals("public, max-age=31536000, immutable",
                S3.client().headObject(r -> r.bucket("blobs").key(key("r_thumbnail.jpg"))).cacheControl());
    }

    @Test
    void putReturnsWhatAHeadReturnsFromS3sAnswerAlone() {
        HTTP.clear();
        BlobMetadata written = store.put(key("p.bin"), new byte[] {9, 8}, PutOptions.builder()
                .contentType("application/octet-stream").cacheControl("max-age=60").metadata("Source", "test").build());
        assertEquals(List.of("PUT"), methods(HTTP.requests()), "one request per write");
        BlobMetadata head = store.head(key("p.bin")).orElseThrow();
        // Last-Modified is when S3 took the object, the answer's Date when it answered: the same second or the next
        assertEquals(head, new BlobMetadata(written.key(), written.size(), written.contentType(), written.eTag(),
                written.versionId(), head.lastModified(), written.cacheControl(), written.userMetadata()));
        long apart = Duration.between(head.lastModified(), written.lastModified()).toMillis();
        assertTrue(apart >= 0 && apart <= 2_000, "Date " + written.lastModified() + ", Last-Modified "
                + head.lastModified());
        assertEquals("test", written.userMetadata().get("source"));
    }

    @Test
    void anAnswerWithoutADateIsCompletedByAHead() {
        HTTP.clear();
        HTTP.dropNext("Date");
        BlobMetadata written = store.put(key("nodate.bin"), new byte[] {7}, PutOptions.of("application/octet-stream"));
        assertEquals(List.of("PUT", "HEAD"), methods(HTTP.requests()));
        assertEquals(store.head(key("nodate.bin")).orElseThrow(), written);
    }

    @Test
    void httpDatesParseAsS3WritesThem() {
        assertEquals(Instant.parse("2026-12-02T01:30:05Z"),
                DefaultS3BlobStore.httpDate("Wed, 02 Dec 2026 01:30:05 GMT").orElseThrow());
        assertTrue(DefaultS3BlobStore.httpDate("yesterday").isEmpty());
    }

    private static List<String> methods(List<String> requests) {
        return requests.stream().map(r -> r.substring(0, r.indexOf(' '))).toList();
    }

    @Test
    void deleteAllSendsOneRequestPerThousandKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            keys.add(key("absent/" + i));     // S3 deletes absent keys without complaint: no need to write them
        }
        keys.add(keys.get(0));                 // duplicates are sent once
        HTTP.clear();
        store.deleteAll(keys);
        assertEquals(3, HTTP.requests().stream().filter(r -> r.startsWith("POST ") && r.contains("delete")).count(),
                HTTP.requests().toString());
    }

    @Test
    void throttlingAndServerErrorsAreRetriedByTheClient() {
        store.put(key("retry.txt"), new byte[] {1}, PutOptions.of("text/plain"));
        HTTP.failNext(1, 503, "SlowDown");
        assertTrue(store.head(key("retry.txt")).isPresent());
        HTTP.failNext(2, 500, "InternalError");
        assertEquals(1, store.getRange(key("retry.txt"), 0, 10).length);
        assertEquals(List.of("HEAD", "HEAD", "GET", "GET", "GET"),
                methods(HTTP.requests().subList(HTTP.requests().size() - 5, HTTP.requests().size())));
    }

    @Test
    void whatStillFailsAfterRetriesIsARetryableGalerlyError() {
        HTTP.failNext(10, 500, "InternalError");
        GalerlyException e = assertThrows(GalerlyException.class, () -> store.head(key("x")));
        assertEquals(ErrorCode.IO_ERROR, e.code());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("s3://blobs/" + key("x")), e.getMessage());
        assertEquals(3, HTTP.requests().size(), "the standard strategy makes 3 attempts: " + HTTP.requests());
    }

    @Test
    void accessDeniedIsUnauthorizedAndNotRetried() {
        HTTP.failNext(1, 403, "AccessDenied");
        GalerlyException e = assertThrows(GalerlyException.class,
                () -> store.put(key("denied"), new byte[] {1}, PutOptions.of("text/plain")));
        assertEquals(ErrorCode.UNAUTHORIZED, e.code());
        assertFalse(e.retryable());
        assertEquals(1, HTTP.requests().size());
    }

    @Test
    void aPreconditionFailureIsAConflict() {
        HTTP.failNext(1, 412, "PreconditionFailed");
        assertEquals(ErrorCode.CONFLICT, assertThrows(GalerlyException.class,
                () -> store.put(key("c"), new byte[] {1}, PutOptions.of("text/plain"))).code());
    }

    @Test
    void metadataMustBeAscii() {
        GalerlyException e = assertThrows(GalerlyException.class, () -> store.put(key("m"), new byte[] {1},
                PutOptions.builder().contentType("text/plain").metadata("filename", "été.jpg").build()));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(store.head(key("m")).isEmpty());
    }

    @Test
    void aRangeFromBeyondTheEndIsEmpty() {
        store.put(key("short"), new byte[] {1, 2, 3}, PutOptions.of("application/octet-stream"));
        assertEquals(0, store.getRange(key("short"), 10, 5).length);
        assertEquals(0, store.getRange(key("short"), 0, 0).length);
    }
}
