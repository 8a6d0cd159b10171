/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import com.galerly.aws.s3.S3BlobStore;
import com.galerly.aws.s3.S3Bucket;
import com.galerly.aws.s3.S3UploadService;
import com.galerly.core.KeyLayout;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.upload.UploadService;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 {@link BlobStore} and presigned {@link UploadService} of {@code galerly.bucket} (galerly-aws on the
 * classpath). An {@code S3Client} or {@code AwsCredentialsProvider} bean of the application is used when present.
 */
@AutoConfiguration(after = GalerlyAutoConfiguration.class)
@ConditionalOnClass({S3UploadService.class, S3Client.class})
@ConditionalOnProperty(prefix = "galerly", name = "bucket")
public class GalerlyS3AutoConfiguration {
    @Bean
    @ConditionalOnMissingBean
    public S3Bucket galerlyS3Bucket(GalerlyProperties properties) {
        return Settings.named("galerly.bucket", () -> {
            S3Bucket.Builder bucket = S3Bucket.builder().name(properties.getBucket()).region(properties.getRegion())
                    .endpoint(properties.getEndpoint());
            if (properties.getPathStyle() != null) {
                bucket.pathStyle(properties.getPathStyle());
            }
            return bucket.build();
        });
    }

    @Bean
    @ConditionalOnMissingBean
    public S3Client galerlyS3Client(S3Bucket bucket, ObjectProvider<AwsCredentialsProvider> credentials) {
        return bucket.clientBuilder(credentials(credentials)).build();
    }

    @Bean
    @ConditionalOnMissingBean(BlobStore.class)
    public S3BlobStore galerlyBlobStore(S3Client s3, S3Bucket bucket) {
        return S3BlobStore.create(s3, bucket.name());
    }

    @Bean
    @ConditionalOnMissingBean(UploadService.class)
    public S3UploadService galerlyUploadService(GalerlyProperties properties, S3Bucket bucket, S3Client s3,
                                                ObjectProvider<AwsCredentialsProvider> credentials, Clock clock,
                                                KeyLayout layout) {
        GalerlyProperties.Uploads uploads = properties.getUploads();
        return Settings.named("galerly.uploads", () -> S3UploadService.builder().bucket(bucket).client(s3)
                .credentialsProvider(credentials(credentials)).clock(clock).layout(layout)
                .maxBytes(uploads.getMaxSize().toBytes()).expiry(uploads.getExpiry()).build());
    }

    private static AwsCredentialsProvider credentials(ObjectProvider<AwsCredentialsProvider> credentials) {
        return credentials.getIfAvailable(() -> DefaultCredentialsProvider.builder().build());
    }
}
