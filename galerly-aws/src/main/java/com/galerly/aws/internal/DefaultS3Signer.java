/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.galerly.aws.s3.ObjectHeaders;
import com.galerly.aws.s3.PostPolicy;
import com.galerly.aws.s3.PostPolicy.Condition;
import com.galerly.aws.s3.PresignedPost;
import com.galerly.aws.s3.PresignedRequest;
import com.galerly.aws.s3.S3Bucket;
import com.galerly.aws.s3.S3Signer;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.KeyLayout;
import com.galerly.core.spi.FileNames;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

/** {@link S3Signer} on the SDK's SigV4 signer (query authentication) and {@link SigV4} for POST policies. */
public final class DefaultS3Signer implements S3Signer {
    private static final String SERVICE = "s3";
    private static final AwsV4HttpSigner SIGNER = AwsV4HttpSigner.create();

    private final S3Bucket bucket;
    private final AwsCredentialsProvider credentials;
    private final Clock clock;
    private final Duration getWindow;

    public DefaultS3Signer(S3Bucket bucket, AwsCredentialsProvider credentials, Clock clock, Duration getWindow) {
        this.bucket = bucket;
        this.credentials = credentials;
        this.clock = clock;
        this.getWindow = getWindow;
    }

    @Override
    public S3Bucket bucket() {
        return bucket;
    }

    @Override
    public PresignedRequest presignPut(String key, ObjectHeaders headers, Duration expiry) {
        if (headers.contentLength() < 0) {
            throw new IllegalArgumentException("a presigned PUT must sign its Content-Length: without it a client"
                    + " could upload up to 5 GiB; set ObjectHeaders.contentLength");
        }
        return presign(SdkHttpMethod.PUT, key, headers.httpHeaders(), Map.of(), now(), expiry);
    }

    @Override
    public PresignedRequest presignGet(String key, Duration expiry, Optional<String> downloadName) {
        Map<String, String> query = new LinkedHashMap<>();
        downloadName.flatMap(FileNames::sanitize)
                .ifPresent(name -> query.put("response-content-disposition", FileNameHeaders.contentDisposition(name)));
        S3Signer.checkExpiry(expiry);
        Instant now = now();
        if (getWindow.isZero()) {
            return presign(SdkHttpMethod.GET, key, Map.of(), query, now, expiry);
        }
        long window = getWindow.toSeconds();
        Instant rounded = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), window) * window);
        Duration validity = expiry.plus(getWindow);
        return presign(SdkHttpMethod.GET, key, Map.of(), query, rounded,
                validity.compareTo(S3Signer.MAX_EXPIRY) > 0 ? S3Signer.MAX_EXPIRY : validity);
    }

    @Override
    public PresignedRequest presignUploadPart(String key, String uploadId, int partNumber, long contentLength,
                                              Duration expiry) {
        if (uploadId == null || uploadId.isBlank()) {
            throw new IllegalArgumentException("uploadId must not be blank");
        }
        if (partNumber < 1 || partNumber > MultipartPlan.MAX_PARTS) {
            throw new IllegalArgumentException("partNumber must be 1.." + MultipartPlan.MAX_PARTS + ", was " + partNumber);
        }
        if (contentLength < 0) {
            throw new IllegalArgumentException("contentLength must not be negative, was " + contentLength);
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("partNumber", Integer.toString(partNumber));
        query.put("uploadId", uploadId);
        return presign(SdkHttpMethod.PUT, key, Map.of("Content-Length", Long.toString(contentLength)), query, now(),
                expiry);
    }

    @Override
    public PresignedPost presignPost(PostPolicy policy, Duration expiry) {
        S3Signer.checkExpiry(expiry);
        Instant now = now();
        AwsCredentialsIdentity identity = identity();
        Instant expiresAt = capped(identity, now, now.plus(expiry));
        String date = SigV4.date(now);
        String credential = SigV4.credential(identity.accessKeyId(), date, bucket.region(), SERVICE);
        String amzDate = SigV4.dateTime(now);
        String token = identity instanceof AwsSessionCredentialsIdentity session ? session.sessionToken() : null;

        Map<String, String> signing = new LinkedHashMap<>();
        signing.put("x-amz-credential", credential);
        signing.put("x-amz-algorithm", SigV4.ALGORITHM);
        signing.put("x-amz-date", amzDate);
        if (token != null) {
            signing.put("x-amz-security-token", token);
        }
        List<Condition> conditions = new ArrayList<>();
        conditions.add(Condition.eq("bucket", bucket.name()));
        conditions.addAll(policy.conditions());
        signing.forEach((name, value) -> conditions.add(Condition.eq(name, value)));

        String encoded = Base64.getEncoder().encodeToString(
                PostPolicyJson.write(expiresAt, conditions).getBytes(StandardCharsets.UTF_8));
        String signature = SigV4.signature(
                SigV4.signingKey(identity.secretAccessKey(), date, bucket.region(), SERVICE), encoded);

        Map<String, String> fields = new LinkedHashMap<>(policy.fields());
        fields.put("x-amz-algorithm", SigV4.ALGORITHM);
        fields.put("x-amz-credential", credential);
        fields.put("x-amz-date", amzDate);
        if (token != null) {
            fields.put("x-amz-security-token", token);
        }
        fields.put("policy", encoded);
        fields.put("x-amz-signature", signature);
        return new PresignedPost(bucket.uri(), fields, expiresAt, expiresAt.isBefore(now.plus(expiry)));
    }

    @Override
    public Builder toBuilder() {
        return S3Signer.builder().bucket(bucket).credentialsProvider(credentials).clock(clock).getWindow(getWindow);
    }

    @Override
    public String toString() {
        return "S3Signer[" + bucket + "]";
    }

    private PresignedRequest presign(SdkHttpMethod method, String key, Map<String, String> headers,
                                     Map<String, String> query, Instant now, Duration asked) {
        KeyLayout.requireSafeKey(key, KeyLayout.S3_MAX_KEY_BYTES);
        S3Signer.checkExpiry(asked);
        AwsCredentialsIdentity identity = identity();
        Instant expiresAt = capped(identity, now, now.plus(asked));
        Duration expiry = Duration.between(now, expiresAt);
        URI uri = bucket.objectUri(key);
        SdkHttpRequest.Builder request = SdkHttpRequest.builder()
                .method(method)
                .protocol(uri.getScheme())
                .host(uri.getHost())
                .port(uri.getPort() < 0 ? null : uri.getPort())
                .encodedPath(uri.getRawPath());
        query.forEach(request::appendRawQueryParameter);
        headers.forEach(request::putHeader);
        SdkHttpRequest signed = SIGNER.sign(r -> r
                .identity(identity)
                .request(request.build())
                .putProperty(AwsV4HttpSigner.REGION_NAME, bucket.region())
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SERVICE)
                .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expiry)
                .putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                .putProperty(HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC))).request();
        return new PresignedRequest(method.name(), signed.getUri(), headers, expiresAt,
                expiresAt.isBefore(now.plus(asked)));
    }

    /**
     * The expiry, no later than the signing credentials' own expiration (a session's): a URL signed by expired
     * credentials is refused by S3 anyway, so promising more would be a lie.
     */
    private Instant capped(AwsCredentialsIdentity identity, Instant now, Instant wanted) {
        Optional<Instant> credentialsExpire = identity.expirationTime();
        if (credentialsExpire.isEmpty() || !credentialsExpire.get().isBefore(wanted)) {
            return wanted;
        }
        Instant end = credentialsExpire.get().truncatedTo(ChronoUnit.SECONDS);
        if (!end.isAfter(now)) {
            throw new GalerlyException(ErrorCode.UNAUTHORIZED, "the signing credentials expired at "
                    + credentialsExpire.get() + ": refresh them before presigning");
        }
        return end;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private AwsCredentialsIdentity identity() {
        try {
            return credentials.resolveCredentials();
        } catch (SdkClientException e) {
            throw new GalerlyException(ErrorCode.CONFIGURATION, "no AWS credentials: " + e.getMessage(), e);
        }
    }
}
