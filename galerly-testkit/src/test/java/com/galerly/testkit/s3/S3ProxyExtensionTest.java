/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class S3ProxyExtensionTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("one").bucket("two")
            .emptyBucketsBeforeEach().build();

    private static int port;

    private static List<String> keys(String bucket) {
        return S3.client().listObjectsV2(r -> r.bucket(bucket)).contents().stream().map(o -> o.key()).toList();
    }

    @Test
    @Order(1)
    void startsWithTheNamedBucketsOnLoopback() {
        assertEquals("127.0.0.1", S3.endpoint().getHost());
        assertEquals("one", S3.bucket());
        assertEquals(List.of("one", "two"), S3.client().listBuckets().buckets().stream().map(b -> b.name()).toList());
        S3.client().putObject(r -> r.bucket("two").key("a"), RequestBody.fromString("x"));
        port = S3.endpoint().getPort();
    }

    @Test
    @Order(2)
    void isSharedByTheClassAndEmptiedBeforeEachTest() {
        assertEquals(port, S3.endpoint().getPort(), "one server for the whole class");
        assertEquals(List.of(), keys("two"));
    }

    @Test
    @Order(3)
    void checksSignatures() {
        try (S3Client wrong = S3Client.builder().endpointOverride(S3.endpoint()).region(S3.region()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3.accessKey(), "wrong-secret"))).build()) {
            S3Exception e = assertThrows(S3Exception.class, () -> wrong.listObjectsV2(r -> r.bucket("one")));
            assertEquals(403, e.statusCode());
        }
    }

    @Test
    @Order(4)
    void createsMoreBuckets() {
        S3.createBucket("three");
        S3.client().putObject(r -> r.bucket("three").key("k"), RequestBody.fromString("x"));
        assertEquals(List.of("k"), keys("three"));
        assertThrows(IllegalArgumentException.class, () -> S3.createBucket("Bad_Name"));
    }

    @Nested
    class InANestedClass {
        @Test
        void theSameServerServes() {
            assertEquals(port, S3.endpoint().getPort());
        }
    }

    @Nested
    class PerTest {
        @RegisterExtension
        final S3ProxyExtension own = S3ProxyExtension.create();

        @Test
        void anInstanceFieldStartsItsOwnServer() {
            assertTrue(own.endpoint().getPort() != S3.endpoint().getPort());
            assertEquals("test-bucket", own.bucket());
            own.client().putObject(r -> r.bucket("test-bucket").key("k"), RequestBody.fromString("x"));
        }
    }

    @Test
    @Order(5)
    void refusesUseBeforeStart() {
        S3ProxyExtension stopped = S3ProxyExtension.create();
        assertThrows(IllegalStateException.class, stopped::endpoint);
        assertThrows(IllegalArgumentException.class, () -> S3ProxyExtension.builder().credentials("", "x"));
    }
}
