/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc;

import com.galerly.testkit.jdbc.EmbeddedPostgresExtension;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The repository contract and the JDBC checks on a real PostgreSQL server, started once for the class. */
class PostgresPhotoRepositoryTest extends JdbcRepositoryChecks {
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = EmbeddedPostgresExtension.create();
    private static DataSource database;

    @BeforeAll
    static void createSchema() {
        System.out.println("embedded PostgreSQL started in " + POSTGRES.startupTime().toMillis() + " ms");
        database = POSTGRES.createDatabase();
        JdbcPhotoRepository.builder().dataSource(database).build().createSchema();
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
