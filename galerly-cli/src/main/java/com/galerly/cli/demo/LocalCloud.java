/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli.demo;

import com.galerly.aws.PhotoTable;
import com.galerly.aws.S3Bucket;
import com.galerly.testkit.Faults;
import com.galerly.testkit.aws.SdkFaultInterceptor;
import com.galerly.testkit.dynamodb.DynamoDbLocalExtension;
import com.galerly.testkit.s3.S3ProxyExtension;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The embedded stand-ins the demo runs on: S3Proxy (an S3-compatible server that checks SigV4) and DynamoDB
 * Local, both on loopback in this JVM, with clients whose calls go through {@link Faults} for chaos runs.
 */
public final class LocalCloud implements AutoCloseable {
    public static final String BUCKET = "galerly-demo";
    public static final String TABLE = "galerly-photos";

    private final S3ProxyExtension s3 = S3ProxyExtension.builder().bucket(BUCKET).build();
    private final DynamoDbLocalExtension dynamoDb = DynamoDbLocalExtension.http();
    private final Faults s3Faults = new Faults();
    private final Faults dynamoDbFaults = new Faults();
    private S3Client s3Client;
    private DynamoDbClient dynamoDbClient;

    /** Starts both servers, creates the bucket and the table. */
    public static LocalCloud start() throws Exception {
        LocalCloud cloud = new LocalCloud();
        try {
            cloud.s3.start();
            startQuietly(cloud.dynamoDb);
            PhotoTable.create(cloud.dynamoDb.client(), TABLE);
            ClientOverrideConfiguration.Builder s3Faults = ClientOverrideConfiguration.builder()
                    .addExecutionInterceptor(new SdkFaultInterceptor(cloud.s3Faults));
            cloud.s3Client = cloud.bucket().clientBuilder(cloud.s3.credentialsProvider())
                    .overrideConfiguration(s3Faults.build()).build();
            cloud.dynamoDbClient = DynamoDbClient.builder().endpointOverride(cloud.dynamoDb.endpoint())
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(cloud.s3.credentialsProvider())
                    .overrideConfiguration(c -> c.addExecutionInterceptor(new SdkFaultInterceptor(cloud.dynamoDbFaults)))
                    .build();
            return cloud;
        } catch (Exception | Error e) {
            cloud.close();
            throw e;
        }
    }

    /** DynamoDB Local prints its settings on standard output, which is the demo's report. */
    private static void startQuietly(DynamoDbLocalExtension dynamoDb) throws Exception {
        java.io.PrintStream stdout = System.out;
        synchronized (System.class) {
            System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
            try {
                dynamoDb.start();
            } finally {
                System.setOut(stdout);
            }
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

    /** A client of DynamoDB Local whose calls pass through {@link #dynamoDbFaults()}. */
    public DynamoDbClient dynamoDbClient() {
        return dynamoDbClient;
    }

    public Faults s3Faults() {
        return s3Faults;
    }

    public Faults dynamoDbFaults() {
        return dynamoDbFaults;
    }

    @Override
    public void close() throws Exception {
        if (s3Client != null) {
            s3Client.close();
        }
        if (dynamoDbClient != null) {
            dynamoDbClient.close();
        }
        try {
            dynamoDb.stop();
        } finally {
            s3.stop();
        }
    }
}
