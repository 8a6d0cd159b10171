/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.dynamodb;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.dynamodb.services.local.embedded.DynamoDBEmbedded;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Starts DynamoDB Local inside the test JVM (no Docker, nothing to install) for a test class, in memory, with
 * telemetry off. In-process mode hands out a client directly (fastest); HTTP mode listens on a free loopback
 * port for code that takes an endpoint.
 *
 * {@snippet :
 * class MyRepositoryTest {
 *     @RegisterExtension static final DynamoDbLocalExtension DDB = DynamoDbLocalExtension.inMemory();
 *
 *     @Test void works() {
 *         DynamoDbClient client = DDB.client();
 *         ...
 *     }
 * }
 * }
 *
 * Needs {@code software.amazon.dynamodb:DynamoDBLocal} on the test classpath (an optional dependency of the
 * test kit, so users who only need the fakes do not pull it).
 */
public final class DynamoDbLocalExtension implements BeforeAllCallback, AfterAllCallback {
    private final boolean http;
    private DynamoDbClient client;
    private DynamoDBProxyServer server;
    private URI endpoint;

    private DynamoDbLocalExtension(boolean http) {
        this.http = http;
    }

    /** In-process DynamoDB Local: no port, no HTTP. */
    public static DynamoDbLocalExtension inMemory() {
        return new DynamoDbLocalExtension(false);
    }

    /** DynamoDB Local over HTTP on a free loopback port, for code that is configured with an endpoint. */
    public static DynamoDbLocalExtension http() {
        return new DynamoDbLocalExtension(true);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    /** Starts it outside JUnit (the demo does); idempotent. */
    public synchronized void start() throws Exception {
        if (client != null) {
            return;
        }
        if (http) {
            int port = freePort();
            server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
            server.start();
            endpoint = URI.create("http://127.0.0.1:" + port);
            client = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                    .build();
        } else {
            client = DynamoDBEmbedded.create(true).dynamoDbClient();
        }
    }

    public synchronized void stop() throws Exception {
        if (client != null) {
            client.close();
            client = null;
        }
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** A client of the running DynamoDB Local. */
    public DynamoDbClient client() {
        return Objects.requireNonNull(client, "DynamoDB Local is not started");
    }

    /** The HTTP endpoint; only in {@link #http()} mode. */
    public URI endpoint() {
        if (!http) {
            throw new IllegalStateException("in-memory mode has no endpoint: use DynamoDbLocalExtension.http()");
        }
        return Objects.requireNonNull(endpoint, "DynamoDB Local is not started");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
