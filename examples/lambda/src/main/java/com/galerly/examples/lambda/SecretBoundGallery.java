/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import com.galerly.aws.dynamodb.DynamoDbPhotoRepository;
import com.galerly.aws.s3.S3BlobStore;
import com.galerly.aws.s3.S3Bucket;
import com.galerly.aws.s3.S3UploadService;
import com.galerly.cdn.CdnUrls;
import com.galerly.cdn.CloudFrontSigner;
import com.galerly.cdn.SigningKey;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.gallery.GalleryService;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The API's {@link GalleryService}, bound to the current values of its two secrets (the CloudFront signing key
 * and the page-token key). The service is built once and rebuilt only when a secret's value changes (after a
 * rotation, once the cache's TTL has passed), so each request costs a map lookup, not a Secrets Manager call.
 */
final class SecretBoundGallery implements Supplier<GalleryService> {
    private final SecretCache secrets;
    private final String signingKeySecret;
    private final String pageTokenKeySecret;
    private final BiFunction<String, byte[], GalleryService> build;
    private Bound bound;

    private record Bound(String signingKeyPem, String pageTokenKey, GalleryService service) {
    }

    SecretBoundGallery(SecretCache secrets, String signingKeySecret, String pageTokenKeySecret,
                       BiFunction<String, byte[], GalleryService> build) {
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.signingKeySecret = signingKeySecret;
        this.pageTokenKeySecret = pageTokenKeySecret;
        this.build = Objects.requireNonNull(build, "build");
    }

    static SecretBoundGallery fromEnvironment(Map<String, String> env) {
        Clock clock = Clock.systemUTC();
        S3Client s3 = S3Client.create();
        DynamoDbClient dynamoDb = DynamoDbClient.create();
        S3Bucket bucket = S3Bucket.of(required(env, "GALERLY_BUCKET"), required(env, "AWS_REGION"));
        String table = required(env, "GALERLY_TABLE");
        String cdnDomain = required(env, "GALERLY_CDN_DOMAIN");
        String keyPairId = required(env, "GALERLY_CF_KEY_PAIR_ID");
        long ttl = Long.parseLong(env.getOrDefault("GALERLY_SECRET_TTL_SECONDS", "900"));
        SecretCache secrets = new SecretCache(SecretsManagerClient.create(), Duration.ofSeconds(ttl), clock);
        S3UploadService uploads = S3UploadService.builder().bucket(bucket).client(s3)
                .credentialsProvider(DefaultCredentialsProvider.builder().build()).clock(clock).build();
        return new SecretBoundGallery(secrets, required(env, "GALERLY_CF_PRIVATE_KEY_SECRET_ARN"),
                required(env, "GALERLY_PAGE_TOKEN_KEY_SECRET_ARN"), (pem, pageTokenKey) -> GalleryService.builder()
                .uploads(uploads)
                .photos(DynamoDbPhotoRepository.builder().client(dynamoDb).table(table).clock(clock)
                        .pageTokenKey(pageTokenKey).build())
                .blobs(S3BlobStore.create(s3, bucket.name()))
                .urls(CdnUrls.builder().domain(cdnDomain).build())
                .signer(CloudFrontSigner.builder().keyPair(keyPairId, SigningKey.fromPem(pem))
                        .expiryRounding(Duration.ofMinutes(15)).clock(clock).build())
                .access(new OwnerAccess()).clock(clock).build());
    }

    @Override
    public synchronized GalleryService get() {
        String pem = secrets.get(signingKeySecret);
        String pageTokenKey = secrets.get(pageTokenKeySecret);
        if (bound == null || !bound.signingKeyPem().equals(pem) || !bound.pageTokenKey().equals(pageTokenKey)) {
            byte[] key;
            try {
                key = Base64.getDecoder().decode(pageTokenKey.trim());
            } catch (IllegalArgumentException e) {
                throw new GalerlyException(ErrorCode.CONFIGURATION,
                        "the page-token key secret " + pageTokenKeySecret + " is not base64");
            }
            bound = new Bound(pem, pageTokenKey, build.apply(pem, key));
        }
        return bound.service();
    }

    private static String required(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is not set");
        }
        return value;
    }
}
