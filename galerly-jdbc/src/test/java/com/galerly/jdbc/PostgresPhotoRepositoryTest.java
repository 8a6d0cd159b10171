/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc;

import com.galerly.testkit.jdbc.EmbeddedPostgresExtension;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.common.BaseDataSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The repository contract and the JDBC checks on a real PostgreSQL server, started once for the class, through
 * a connection pool as in production (a PostgreSQL connection is a server process: opening one per operation
 * would dominate the test's time).
 */
class PostgresPhotoRepositoryTest extends JdbcRepositoryChecks {
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = EmbeddedPostgresExtension.create();
    private static JdbcConnectionPool database;

    @BeforeAll
    static void createSchema() {
        System.out.println("embedded PostgreSQL started in " + POSTGRES.startupTime().toMillis() + " ms");
        BaseDataSource created = (BaseDataSource) POSTGRES.createDatabase();
        PGConnectionPoolDataSource connections = new PGConnectionPoolDataSource();
        connections.setServerNames(created.getServerNames());
        connections.setPortNumbers(created.getPortNumbers());
        connections.setDatabaseName(created.getDatabaseName());
        connections.setUser(created.getUser());
        database = JdbcConnectionPool.create(connections);   // H2's small generic pool, on the classpath anyway
        database.setMaxConnections(12);
        JdbcPhotoRepository.builder().dataSource(database).build().createSchema();
    }

    @AfterAll
    static void closePool() {
        database.dispose();
    }

    @Override
    protected DataSource dataSource() {
        return database;
    }

    @Override
    protected DataSource emptyDatabase() {
        return POSTGRES.createDatabase();
    }
}
