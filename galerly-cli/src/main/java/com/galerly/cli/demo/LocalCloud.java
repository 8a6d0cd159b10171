/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli.demo;

import com.galerly.aws.s3.S3Bucket;
import com.galerly.testkit.Faults;
import com.galerly.testkit.aws.SdkFaultInterceptor;
import com.galerly.testkit.s3.S3ProxyExtension;
import java.util.Objects;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The stand-ins the demo runs on: S3Proxy (an S3-compatible server that checks SigV4) on loopback in this JVM,
 * and a {@link RecordStore} (embedded SQL by default), with clients whose calls go through {@link Faults} for
 * chaos runs.
 */
public final class LocalCloud implements AutoCloseable {
    public static final String BUCKET = "galerly-demo";

    private final S3ProxyExtension s3 = S3ProxyExtension.builder().bucket(BUCKET).build();
    private final Faults s3Faults = new Faults();
    private final RecordStore records;
    private S3Client s3Client;

    private LocalCloud(RecordStore records) {
        this.records = Objects.requireNonNull(records, "records");
    }

    /**
     * Starts S3Proxy and creates the bucket; the cloud then owns {@code records} and closes it with itself
     * (also when starting fails).
     */
    public static LocalCloud start(RecordStore records) throws Exception {
        LocalCloud cloud = new LocalCloud(records);
        try {
            cloud.s3.start();
            ClientOverrideConfiguration.Builder s3Faults = ClientOverrideConfiguration.builder()
                    .addExecutionInterceptor(new SdkFaultInterceptor(cloud.s3Faults));
            cloud.s3Client = cloud.bucket().clientBuilder(cloud.s3.credentialsProvider())
                    .overrideConfiguration(s3Faults.build()).build();
            return cloud;
        } catch (Exception | Error e) {
            cloud.close();
            throw e;
        }
    }

    /** The demo bucket on the local S3 endpoint (path-style addressing). */
    public S3Bucket bucket() {
        return S3Bucket.of(b -> b.name(BUCKET).region(s3.region()).endpoint(s3.endpoint()).pathStyle(true));
    }

    public S3ProxyExtension s3() {
        return s3;
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
            s3.stop();
        }
    }
}
