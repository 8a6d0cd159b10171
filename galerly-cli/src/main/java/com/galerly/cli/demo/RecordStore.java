/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli.demo;

import com.galerly.aws.dynamodb.DynamoDbPhotoRepository;
import com.galerly.aws.dynamodb.PhotoTable;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.jdbc.EmbeddedPhotoStore;
import com.galerly.testkit.Faults;
import com.galerly.testkit.FaultyPhotoRepository;
import com.galerly.testkit.aws.SdkFaultInterceptor;
import com.galerly.testkit.dynamodb.DynaliteExtension;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Where the demo records its photos, behind the one {@link PhotoRepository} port: the embedded SQL store of
 * galerly-jdbc (the default: nothing to install), DynamoDB or a compatible server at an endpoint, or dynalite
 * started here as a child process. Every kind injects the same {@link #faults()} for chaos runs: DynamoDB
 * through the SDK's interceptor (HTTP-level), the embedded store through {@link FaultyPhotoRepository}.
 */
public abstract class RecordStore implements AutoCloseable {
    public static final String TABLE = "galerly-photos";

    private final Faults faults = new Faults();

    private RecordStore() {
    }

    /** The embedded SQL store (H2 in PostgreSQL mode, in memory): the demo's default. */
    public static RecordStore embedded() {
        return new Embedded();
    }

    /** DynamoDB or a DynamoDB-compatible server at {@code endpoint}; the table is created if missing. */
    public static RecordStore dynamoDb(URI endpoint) {
        Objects.requireNonNull(endpoint, "endpoint");
        return new DynamoDb(endpoint, null);
    }

    /** dynalite started here (needs node on the PATH and tools/dynalite installed, or npm to install it). */
    public static RecordStore dynalite() throws Exception {
        DynaliteExtension dynalite = DynaliteExtension.create();
        dynalite.start();
        return new DynamoDb(dynalite.endpoint(), dynalite);
    }

    /** The repository the demo uses, with {@link #faults()} injected. */
    public abstract PhotoRepository repository(Clock clock);

    /** A line for the report and gallery.html: which store recorded the photos. */
    public abstract String description();

    /**
     * Write requests the store has executed so far, counted where they happen: SQL statements that modify rows
     * (H2's own query statistics) for the embedded store, write requests sent ({@code PutItem}, {@code UpdateItem},
     * {@code DeleteItem}, {@code BatchWriteItem}, {@code TransactWriteItems}) for DynamoDB. A conditional claim that
     * only reads (a photo already rendered by the profile) is not a write.
     */
    public abstract long writes();

    /** The faults injected into every record-store call (chaos runs). */
    public Faults faults() {
        return faults;
    }

    @Override
    public abstract void close();

    private static final class Embedded extends RecordStore {
        private final EmbeddedPhotoStore store = EmbeddedPhotoStore.inMemory();

        Embedded() {
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 10000");
                s.execute("SET QUERY_STATISTICS TRUE");
            } catch (SQLException e) {
                store.close();
                throw new IllegalStateException("cannot turn on H2's query statistics", e);
            }
        }

        @Override
        public long writes() {
            long writes = 0;
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                while (rs.next()) {
                    String sql = rs.getString(1).stripLeading().toUpperCase(Locale.ROOT);
                    if (sql.startsWith("INSERT") || sql.startsWith("UPDATE") || sql.startsWith("DELETE")
                            || sql.startsWith("MERGE")) {
                        writes += rs.getLong(2);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read H2's query statistics", e);
            }
            return writes;
        }

        @Override
        public PhotoRepository repository(Clock clock) {
            return FaultyPhotoRepository.wrap(store.repository(b -> b.clock(clock)), faults());
        }

        @Override
        public String description() {
            return "the embedded SQL store (galerly-jdbc, H2 in memory)";
        }

        @Override
        public void close() {
            store.close();
        }
    }

    private static final class DynamoDb extends RecordStore {
        private final URI endpoint;
        private final DynaliteExtension dynalite;
        private final DynamoDbClient client;

        DynamoDb(URI endpoint, DynaliteExtension dynalite) {
            this.endpoint = endpoint;
            this.dynalite = dynalite;
            AwsCredentialsProvider credentials = dynalite != null ? dynalite.credentialsProvider()
                    : isLoopback(endpoint)
                    ? StaticCredentialsProvider.create(AwsBasicCredentials.create("galerly", "galerly-demo"))
                    : DefaultCredentialsProvider.builder().build();
            Region region = Region.of(Objects.requireNonNullElse(System.getenv("AWS_REGION"), "us-east-1"));
            this.client = DynamoDbClient.builder().endpointOverride(endpoint).region(region)
                    .credentialsProvider(credentials)
                    .overrideConfiguration(c -> c.addExecutionInterceptor(new SdkFaultInterceptor(faults())))
                    .build();
            try {
                PhotoTable.create(client, TABLE);
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        }

        private static boolean isLoopback(URI uri) {
            String host = uri.getHost();
            return host != null && (host.equals("localhost") || host.startsWith("127."));
        }

        @Override
        public PhotoRepository repository(Clock clock) {
            return DynamoDbPhotoRepository.create(client, TABLE, clock);
        }

        @Override
        public long writes() {
            return Stream.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems")
                    .mapToLong(op -> faults().calls(op)).sum();
        }

        @Override
        public String description() {
            return (dynalite != null ? "dynalite (DynamoDB API) at " : "DynamoDB at ") + endpoint + ", table " + TABLE;
        }

        @Override
        public void close() {
            client.close();
            if (dynalite != null) {
                dynalite.stop();
            }
        }
    }
}
