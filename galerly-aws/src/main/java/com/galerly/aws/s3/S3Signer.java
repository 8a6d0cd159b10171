/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.s3;

import com.galerly.aws.internal.DefaultS3Signer;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * Presigns S3 requests for one bucket with SigV4, on an injected {@link Clock}: PUT and GET URLs through the
 * AWS SDK's own {@code AwsV4HttpSigner}, upload-part URLs for multipart uploads, and browser POST forms with
 * a SigV4 POST policy (which the SDK does not offer). Signing is local: no request is sent.
 *
 * <p>{@link S3UploadService} uses it with generated keys; use it directly to sign requests for keys of your
 * own. Keys must pass {@link com.galerly.core.KeyLayout#requireSafeKey(String, int)}; expiries are 1 second
 * to 7 days (SigV4's limit).
 *
 * <pre>{@code
 * S3Signer signer = S3Signer.builder()
 *     .bucket(S3Bucket.of("photos", "eu-west-1"))
 *     .credentialsProvider(DefaultCredentialsProvider.builder().build())
 *     .clock(clock)
 *     .build();
 * PresignedRequest put = signer.presignPut("uploads/a.jpg", ObjectHeaders.of("image/jpeg"), Duration.ofMinutes(15));
 * PresignedPost form = signer.presignPost(PostPolicy.of(p -> p.keyStartsWith("uploads/alice/")
 *     .contentType("image/jpeg").contentLengthRange(1, 20_000_000)), Duration.ofMinutes(10));
 * }</pre>
 */
public interface S3Signer {
    /** The longest validity SigV4 allows. */
    Duration MAX_EXPIRY = Duration.ofDays(7);
    /** Default rounding of presigned GETs' signing time: 5 minutes. */
    Duration DEFAULT_GET_WINDOW = Duration.ofMinutes(5);

    static Builder builder() {
        return new Builder();
    }

    static S3Signer of(Consumer<Builder> settings) {
        Builder builder = builder();
        settings.accept(builder);
        return builder.build();
    }

    /** The bucket every request is signed for. */
    S3Bucket bucket();

    /**
     * A PUT of {@code key} that must carry exactly {@code headers}: the content length is required and always
     * signed (an unsigned length lets a client upload up to 5 GiB); content type and checksum when set.
     */
    PresignedRequest presignPut(String key, ObjectHeaders headers, Duration expiry);

    /**
     * A GET of {@code key}; with a download name, S3 answers with
     * {@code Content-Disposition: attachment} under that (sanitised) file name. The signing time is rounded
     * down to the {@link Builder#getWindow get window} and the URL made valid for {@code expiry} plus the window,
     * so the same object presigned twice in one window gives the identical URL (browser and CDN caches hit),
     * valid at least {@code expiry} from now.
     */
    PresignedRequest presignGet(String key, Duration expiry, Optional<String> downloadName);

    /** A PUT of one part of a multipart upload, its exact length signed. */
    PresignedRequest presignUploadPart(String key, String uploadId, int partNumber, long contentLength,
                                       Duration expiry);

    /** A browser POST form: the policy plus expiration, bucket and SigV4 fields, signed. */
    PresignedPost presignPost(PostPolicy policy, Duration expiry);

    Builder toBuilder();

    /** Checks an expiry the way every presign method does. */
    static Duration checkExpiry(Duration expiry) {
        Objects.requireNonNull(expiry, "expiry must not be null");
        if (expiry.compareTo(Duration.ofSeconds(1)) < 0 || expiry.compareTo(MAX_EXPIRY) > 0) {
            throw new IllegalArgumentException("expiry must be 1 second to 7 days, was " + expiry);
        }
        return expiry;
    }

    /** Builds an {@link S3Signer}; the bucket is required, credentials default to the AWS default chain. */
    final class Builder {
        private S3Bucket bucket;
        private AwsCredentialsProvider credentials;
        private Clock clock = Clock.systemUTC();
        private Duration getWindow = DEFAULT_GET_WINDOW;

        private Builder() {
        }

        /**
         * The window presigned GETs round their signing time to (0 to 1 day; zero: sign at the current second).
         * Default 5 minutes.
         */
        public Builder getWindow(Duration getWindow) {
            Objects.requireNonNull(getWindow, "getWindow must not be null");
            if (getWindow.isNegative() || getWindow.compareTo(Duration.ofDays(1)) > 0) {
                throw new IllegalArgumentException("getWindow must be 0 to 1 day, was " + getWindow);
            }
            this.getWindow = getWindow;
            return this;
        }

        public Builder bucket(S3Bucket bucket) {
            this.bucket = Objects.requireNonNull(bucket, "bucket must not be null");
            return this;
        }

        /** Where the signing keys come from; resolved at every signature, so rotated keys are picked up. */
        public Builder credentialsProvider(AwsCredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentialsProvider must not be null");
            return this;
        }

        /** The time signatures are dated with (and expiries counted from). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock must not be null");
            return this;
        }

        public S3Signer build() {
            if (bucket == null) {
                throw new IllegalStateException("bucket is required");
            }
            return new DefaultS3Signer(bucket,
                    credentials != null ? credentials : DefaultCredentialsProvider.builder().build(), clock, getWindow);
        }
    }
}
