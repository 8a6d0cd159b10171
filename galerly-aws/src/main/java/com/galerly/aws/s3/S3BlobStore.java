/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import com.galerly.aws.internal.BucketNames;
import com.galerly.aws.internal.DefaultS3BlobStore;
import com.galerly.core.storage.BlobStore;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@link BlobStore} on S3, through the AWS SDK for Java v2.
 *
 * <ul>
 *   <li>{@link #get(String)} streams: the object is never read whole into memory;
 *       {@link #getRange(String, long, int)} is a ranged GET.</li>
 *   <li>{@link #put(String, byte[], com.galerly.core.storage.PutOptions)} sends the content type, Cache-Control
 *       ({@code PutOptions.immutable(type)} for renditions), metadata and a SHA-256 checksum S3 verifies, in
 *       one request: the metadata it returns comes from S3's answer (the ETag and version of the object this
 *       write created; {@code lastModified} is the answer's {@code Date}, within a second of the stored
 *       Last-Modified).</li>
 *   <li>{@link #deleteAll(java.util.Collection)} deletes in batches of 1,000 keys per request.</li>
 *   <li>{@link #erase(String)} removes every version and delete marker under a prefix (ListObjectVersions, then
 *       DeleteObjects naming each version id, in rounds until a listing is empty): on a versioned bucket a plain
 *       delete only adds a marker. The role needs {@code s3:ListBucketVersions} and {@code s3:DeleteObjectVersion}.
 *       {@link #versions(String)} lists them.</li>
 *   <li>Throttling and 5xx answers are retried by the client's retry strategy
 *       ({@link S3Bucket#clientBuilder} sets the SDK's standard one); what still fails becomes a
 *       {@link com.galerly.core.GalerlyException}: {@code NOT_FOUND} (404), {@code CONFLICT} (409, 412),
 *       {@code THROTTLED} and {@code IO_ERROR} (retryable), {@code UNAUTHORIZED} (403),
 *       {@code INVALID_ARGUMENT} (other 4xx).</li>
 * </ul>
 * Keys must pass {@link com.galerly.core.KeyLayout#requireSafeKey(String, int)}.
 *
 * <pre>{@code
 * S3Bucket bucket = S3Bucket.of("photos", "eu-west-1");
 * S3Client s3 = bucket.clientBuilder(DefaultCredentialsProvider.builder().build()).build();
 * BlobStore blobs = S3BlobStore.create(s3, bucket.name());
 * blobs.put("renditions/g/p_thumbnail.jpg", jpeg, PutOptions.immutable("image/jpeg"));
 * }</pre>
 */
public interface S3BlobStore extends BlobStore {
    /** S3's limit on keys per DeleteObjects request. */
    int DELETE_BATCH = 1000;

    static S3BlobStore create(S3Client client, String bucket) {
        return builder().client(client).bucket(bucket).build();
    }

    static Builder builder() {
        return new Builder();
    }

    static S3BlobStore of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    /** The bucket name. */
    String bucket();

    /** The client requests go through (not closed by the store). */
    S3Client client();

    Builder toBuilder();

    /** Builds an {@link S3BlobStore}; client and bucket are required. */
    final class Builder {
        private S3Client client;
        private String bucket;

        private Builder() {
        }

        /** The SDK client; configure retries on it (see {@link S3Bucket#clientBuilder}). */
        public Builder client(S3Client client) {
            this.client = Objects.requireNonNull(client, "client must not be null");
            return this;
        }

        public Builder bucket(String bucket) {
            this.bucket = BucketNames.check(bucket);
            return this;
        }

        public S3BlobStore build() {
            if (client == null || bucket == null) {
                throw new IllegalStateException("client and bucket are required");
            }
            return new DefaultS3BlobStore(client, bucket);
        }
    }
}
