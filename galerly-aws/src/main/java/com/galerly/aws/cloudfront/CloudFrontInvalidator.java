/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.cloudfront;

import com.galerly.aws.internal.DefaultCloudFrontInvalidator;
import com.galerly.core.delivery.CdnInvalidator;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * The {@link CdnInvalidator} on CloudFront: one {@code CreateInvalidation} per batch of paths
 * ({@link com.galerly.core.delivery.InvalidationBatch#split}: at most 3,000 paths and 15 wildcards a request),
 * each with its own caller reference derived from the one given, so a rerun after a crash returns the invalidations
 * the first run created instead of creating more. The role needs {@code cloudfront:CreateInvalidation} on the
 * distribution.
 *
 * <p>Failures: {@code THROTTLED} (retryable) for {@code TooManyInvalidationsInProgress} and throttling,
 * {@code CONFLICT} for {@code InvalidationBatchAlreadyExists} (a reference reused for other paths),
 * {@code NOT_FOUND} for {@code NoSuchDistribution}, {@code UNAUTHORIZED} for 403, {@code IO_ERROR} for 5xx.
 *
 * <pre>{@code
 * CloudFrontClient cloudFront = CloudFrontClient.builder().region(Region.AWS_GLOBAL).build();
 * CdnInvalidator cdn = CloudFrontInvalidator.create(cloudFront, "E2QWRUHAPOMQZL");
 * cdn.invalidate("erase-g-01jd6v2k8m3q9x7c5t4r2n0bza", List.of("/renditions/g/01jd6v2k8m3q9x7c5t4r2n0bza_*"));
 * }</pre>
 */
public interface CloudFrontInvalidator extends CdnInvalidator {
    static CloudFrontInvalidator create(CloudFrontClient client, String distributionId) {
        return builder().client(client).distributionId(distributionId).build();
    }

    static Builder builder() {
        return new Builder();
    }

    static CloudFrontInvalidator of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    /** The distribution invalidated. */
    String distributionId();

    /** The client requests go through (not closed by the invalidator). */
    CloudFrontClient client();

    /** Builds a {@link CloudFrontInvalidator}; client and distribution id are required. */
    final class Builder {
        private static final Pattern DISTRIBUTION_ID = Pattern.compile("[A-Z0-9]{1,32}");

        private CloudFrontClient client;
        private String distributionId;

        private Builder() {
        }

        /** The SDK client (region {@code aws-global}); configure retries on it. */
        public Builder client(CloudFrontClient client) {
            this.client = Objects.requireNonNull(client, "client must not be null");
            return this;
        }

        /** The distribution's id, like {@code E2QWRUHAPOMQZL}. */
        public Builder distributionId(String distributionId) {
            if (distributionId == null || !DISTRIBUTION_ID.matcher(distributionId).matches()) {
                throw new IllegalArgumentException("distributionId must be 1..32 characters of A-Z 0-9, was "
                        + distributionId);
            }
            this.distributionId = distributionId;
            return this;
        }

        public CloudFrontInvalidator build() {
            if (client == null || distributionId == null) {
                throw new IllegalStateException("client and distributionId are required");
            }
            return new DefaultCloudFrontInvalidator(client, distributionId);
        }
    }
}
