/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.galerly.aws.internal.DefaultS3BlobStore;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.BlobVersion;
import com.galerly.core.storage.PutOptions;
import com.galerly.testkit.VersionedBlobStoreContract;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * {@link S3BlobStore} on a versioned bucket, on Adobe S3Mock started in this JVM (S3Proxy, which the other S3
 * tests use, has no object versioning): the published {@link VersionedBlobStoreContract}, so
 * {@link S3BlobStore#erase(String)} is shown to leave no version and no delete marker, through
 * ListObjectVersions and DeleteObjects naming version ids.
 */
class S3MockVersionedBlobStoreTest extends VersionedBlobStoreContract {
    @RegisterExtension
    static final S3MockExtension S3MOCK = S3MockExtension.builder().silent().build();

    private static S3Client client;
    private static S3BlobStore store;

    @BeforeEach
    void openStore() {
        if (store == null) {
            client = versionedBucket(S3MOCK, "versioned");
            store = S3BlobStore.create(client, "versioned");
        }
    }

    /** A client of S3Mock with {@code bucket} created and versioning enabled on it. */
    static S3Client versionedBucket(S3MockExtension s3mock, String bucket) {
        S3Client s3 = S3Bucket.builder().name(bucket).region("us-east-1")
                .endpoint(URI.create("http://127.0.0.1:" + s3mock.getHttpPort())).build()
                .clientBuilder(StaticCredentialsProvider.create(AwsBasicCredentials.create("s3mock", "s3mock-secret")))
                .build();
        s3.createBucket(r -> r.bucket(bucket));
        s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
        return s3;
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
    void eraseWorksInRoundsOfOnePageUntilAListingComesBackEmpty() {
        // pages of 3 entries: 5 keys x 2 versions + 1 delete marker take several rounds (S3Mock's own paging of
        // ListObjectVersions drops entries across pages; erase never follows its markers)
        S3BlobStore small = new DefaultS3BlobStore(client, "versioned", 3);
        for (int i = 0; i < 5; i++) {
            small.put(key("small/" + i), new byte[] {1}, PutOptions.of("text/plain"));
            small.put(key("small/" + i), new byte[] {2}, PutOptions.of("text/plain"));
        }
        small.delete(key("small/0"));
        List<BlobVersion> removed = small.erase(key("small/"));
        assertEquals(11, removed.size(), removed.toString());
        assertEquals(11, removed.stream().distinct().count());
        assertTrue(store.versions(key("small/")).isEmpty());
        for (int i = 0; i < 5; i++) {
            assertTrue(store.head(key("small/" + i)).isEmpty());
        }
    }
}
