/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.galerly.aws.s3.S3Bucket;
import com.galerly.aws.s3.S3Signer;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/**
 * What {@code presign-put} and {@code presign-post} share: where the bucket is, how long the signature lasts,
 * the time it is dated (for reproducible output), the credentials (the standard AWS chain) and the JSON
 * printing.
 */
final class PresignOptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The command this mixin is part of: where {@link #print} writes. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", description = "The bucket.")
    String bucket;

    @Option(names = "--region", required = true, paramLabel = "REGION",
            description = "The bucket's region, which the signature is scoped to (e.g. eu-west-1).")
    String region;

    @Option(names = "--expires-in", required = true, paramLabel = "SECONDS",
            description = "How long the signature is valid: 1 to 604800 seconds (7 days).")
    long expiresIn;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "An S3-compatible endpoint (MinIO, S3Proxy...); objects are then addressed path style.")
    URI endpoint;

    @Option(names = "--now", paramLabel = "TIME", converter = CloudFrontSigningOptions.TimeConverter.class,
            description = "Sign as if it were TIME (epoch seconds or ISO-8601), for reproducible output.")
    Instant now;

    @Option(names = "--verbose", description = "Print stack traces of failures.")
    boolean verbose;

    /** The bucket the --bucket, --region and --endpoint options name; a refused value is a usage error. */
    static S3Bucket bucket(String bucket, String region, URI endpoint) {
        try {
            S3Bucket.Builder b = S3Bucket.builder().name(bucket).region(region);
            if (endpoint != null) {
                b.endpoint(endpoint);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** A signer for the bucket, with the standard AWS credentials chain and the --now clock. */
    S3Signer signer() {
        S3Bucket target = bucket(bucket, region, endpoint);
        return S3Signer.builder()
                .bucket(target)
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .clock(now != null ? Clock.fixed(now, ZoneOffset.UTC) : Clock.systemUTC())
                .build();
    }

    Duration expiry() {
        if (expiresIn < 1 || expiresIn > S3Signer.MAX_EXPIRY.toSeconds()) {
            throw new UserException("--expires-in must be 1.." + S3Signer.MAX_EXPIRY.toSeconds()
                    + " seconds (7 days), was " + expiresIn);
        }
        return Duration.ofSeconds(expiresIn);
    }

    /** Runs the signing, turning bad input and missing credentials into one-line user errors. */
    static <T> T sign(Supplier<T> signing) {
        try {
            return signing.get();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserException(e.getMessage());
        } catch (GalerlyException e) {
            if (e.code() == ErrorCode.CONFIGURATION) {
                throw new UserException("no AWS credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY,"
                        + " or AWS_PROFILE, as for the AWS CLI");
            }
            throw e;
        }
    }

    /**
     * Prints one JSON object: the given members, then {@code expiresAt}, then {@code "expiryCapped": true} when
     * the signing credentials expire before the asked expiry.
     */
    void print(Map<String, Object> members, Instant expiresAt, boolean expiryCapped) {
        PrintWriter out = command.commandLine().getOut();
        ObjectNode json = JSON.createObjectNode();
        members.forEach((name, value) -> json.set(name, JSON.valueToTree(value)));
        json.put("expiresAt", expiresAt.toString());
        if (expiryCapped) {
            json.put("expiryCapped", true);
        }
        out.println(json.toString());
        out.flush();
    }
}
