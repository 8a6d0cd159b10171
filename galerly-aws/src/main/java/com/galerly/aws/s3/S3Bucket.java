/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import com.galerly.aws.internal.BucketNames;
import com.galerly.aws.internal.ObjectUris;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Where a bucket lives: its name, its region and, for S3-compatible servers (MinIO, S3Proxy, Ceph...), the
 * endpoint. It tells the signer which URL to sign and the SDK client where to connect, so both agree.
 *
 * <p>On AWS, objects are addressed virtual-hosted style ({@code https://photos.s3.eu-west-1.amazonaws.com/key});
 * with an endpoint, or for a bucket name with dots (whose TLS certificate would not match), path style
 * ({@code http://127.0.0.1:9000/photos/key}).
 *
 * <pre>{@code
 * S3Bucket aws = S3Bucket.of("photos", "eu-west-1");
 * S3Bucket local = S3Bucket.builder().name("photos").region("us-east-1")
 *     .endpoint(URI.create("http://127.0.0.1:9000")).build();       // path style
 * S3Client s3 = local.clientBuilder(credentials).build();           // same endpoint, standard retries
 * }</pre>
 *
 * @param name      the bucket name
 * @param region    the region the bucket is in (and that signatures are scoped to)
 * @param endpoint  the S3-compatible endpoint, or null for AWS
 * @param pathStyle whether objects are addressed as {@code endpoint/bucket/key}
 */
public record S3Bucket(String name, String region, URI endpoint, boolean pathStyle) {
    private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public S3Bucket {
        BucketNames.check(name);
        Objects.requireNonNull(region, "region must not be null");
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("region must be a region id like eu-west-1, was \"" + region + "\"");
        }
        if (endpoint != null) {
            endpoint = checkEndpoint(endpoint);
        }
    }

    /** A bucket on AWS. */
    public static S3Bucket of(String name, String region) {
        return new S3Bucket(name, region, null, name != null && name.contains("."));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static S3Bucket of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    public Builder toBuilder() {
        return new Builder().name(name).region(region).endpoint(endpoint).pathStyle(pathStyle);
    }

    /** The URL a browser form POSTs to: the bucket's root. */
    public URI uri() {
        return ObjectUris.bucketUri(this);
    }

    /** The URL of an object (the key percent-encoded as S3 expects, {@code /} kept). */
    public URI objectUri(String key) {
        return ObjectUris.objectUri(this, key);
    }

    /**
     * An SDK client builder aimed at this bucket: region, endpoint and path style set, the given credentials,
     * and the SDK's standard retry strategy (throttling and 5xx retried with backoff). Add an HTTP client or
     * other settings, then {@code build()}.
     */
    public S3ClientBuilder clientBuilder(AwsCredentialsProvider credentials) {
        Objects.requireNonNull(credentials, "credentials must not be null");
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .forcePathStyle(pathStyle)
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    private static URI checkEndpoint(URI endpoint) {
        String scheme = endpoint.getScheme();
        if (!endpoint.isAbsolute() || endpoint.getHost() == null
                || !("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                || endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "endpoint must be an http(s) URL without query or fragment, was \"" + endpoint + "\"");
        }
        String path = endpoint.getRawPath();
        if (path != null && path.endsWith("/")) {
            return URI.create(endpoint.toString().substring(0, endpoint.toString().length() - 1));
        }
        return endpoint;
    }

    /** Builds an {@link S3Bucket}; name and region are required; an endpoint turns path style on unless set. */
    public static final class Builder {
        private String name;
        private String region;
        private URI endpoint;
        private Boolean pathStyle;

        private Builder() {
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name must not be null");
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region must not be null");
            return this;
        }

        public Builder region(Region region) {
            return region(Objects.requireNonNull(region, "region must not be null").id());
        }

        /** An S3-compatible endpoint such as {@code http://127.0.0.1:9000}, or null for AWS. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint == null ? null : checkEndpoint(endpoint);
            return this;
        }

        public Builder pathStyle(boolean pathStyle) {
            this.pathStyle = pathStyle;
            return this;
        }

        public S3Bucket build() {
            if (name == null || region == null) {
                throw new IllegalStateException("name and region are required");
            }
            boolean style = pathStyle != null ? pathStyle : endpoint != null || name.contains(".");
            return new S3Bucket(name, region, endpoint, style);
        }
    }
}
