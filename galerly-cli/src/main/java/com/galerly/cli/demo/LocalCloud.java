/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli.demo;

import com.galerly.aws.s3.S3Bucket;
import com.galerly.testkit.Faults;
import com.galerly.testkit.aws.SdkFaultInterceptor;
import com.galerly.testkit.s3.S3ProxyExtension;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * The stand-ins the demo runs on: an S3-compatible server on loopback in this JVM (S3Proxy, which checks SigV4;
 * or, for the lifecycle run, Adobe S3Mock with a versioned bucket) and a {@link RecordStore} (embedded SQL by
 * default), with clients whose calls go through {@link Faults}: injected in chaos runs, and counted by operation
 * (the SDK's names: {@code PutObject}, {@code DeleteObjects}...) in every run.
 */
public final class LocalCloud implements AutoCloseable {
    public static final String BUCKET = "galerly-demo";

    private final Faults s3Faults = new Faults();
    private final RecordStore records;
    private final boolean versioned;
    private S3ProxyExtension s3Proxy;
    private VersionedS3 s3Mock;
    private S3Client s3Client;

    private LocalCloud(RecordStore records, boolean versioned) {
        this.records = Objects.requireNonNull(records, "records");
        this.versioned = versioned;
    }

    /**
     * Starts S3Proxy and creates the bucket; the cloud then owns {@code records} and closes it with itself
     * (also when starting fails).
     */
    public static LocalCloud start(RecordStore records) throws Exception {
        return start(records, false);
    }

    /**
     * Starts S3Mock and creates the bucket with versioning enabled (see {@link #start(RecordStore)} for
     * {@code records}).
     */
    public static LocalCloud startVersioned(RecordStore records) throws Exception {
        return start(records, true);
    }

    private static LocalCloud start(RecordStore records, boolean versioned) throws Exception {
        LocalCloud cloud = new LocalCloud(records, versioned);
        try {
            if (versioned) {
                cloud.s3Mock = VersionedS3.start();
            } else {
                cloud.s3Proxy = S3ProxyExtension.builder().bucket(BUCKET).build();
                cloud.s3Proxy.start();
            }
            ClientOverrideConfiguration.Builder s3Faults = ClientOverrideConfiguration.builder()
                    .addExecutionInterceptor(new SdkFaultInterceptor(cloud.s3Faults));
            cloud.s3Client = cloud.bucket().clientBuilder(cloud.credentialsProvider())
                    .overrideConfiguration(s3Faults.build()).build();
            if (versioned) {
                cloud.s3Client.createBucket(r -> r.bucket(BUCKET));
                cloud.s3Client.putBucketVersioning(r -> r.bucket(BUCKET)
                        .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            }
            return cloud;
        } catch (Exception | Error e) {
            cloud.close();
            throw e;
        }
    }

    /** The demo bucket on the local S3 endpoint (path-style addressing). */
    public S3Bucket bucket() {
        URI endpoint = versioned ? s3Mock.endpoint() : s3Proxy.endpoint();
        Region region = versioned ? s3Mock.region() : s3Proxy.region();
        return S3Bucket.of(b -> b.name(BUCKET).region(region).endpoint(endpoint).pathStyle(true));
    }

    /** What the clients (and presigned requests) sign with. */
    public AwsCredentialsProvider credentialsProvider() {
        return versioned ? s3Mock.credentialsProvider() : s3Proxy.credentialsProvider();
    }

    /** Whether the bucket keeps object versions (S3Mock) or not (S3Proxy). */
    public boolean versioned() {
        return versioned;
    }

    /** Which S3 server runs, for the report. */
    public String s3Description() {
        return versioned ? "Adobe S3Mock (versioned bucket) at " + s3Mock.endpoint()
                : "S3Proxy (SigV4 checked) at " + s3Proxy.endpoint();
    }

    /** A client of the S3 server whose calls pass through {@link #s3Faults()}. */
    public S3Client s3Client() {
        return s3Client;
    }

    /** Where the photos are recorded. */
    public RecordStore records() {
        return records;
    }

    public Faults s3Faults() {
        return s3Faults;
    }

    @Override
    public void close() throws Exception {
        if (s3Client != null) {
            s3Client.close();
        }
        try {
            records.close();
        } finally {
            if (s3Proxy != null) {
                s3Proxy.stop();
            }
            if (s3Mock != null) {
                s3Mock.close();
            }
        }
    }
}
