/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EmbeddedPostgresExtensionTest {
    @RegisterExtension
    static final EmbeddedPostgresExtension POSTGRES = EmbeddedPostgresExtension.create();

    @Test
    void runsARealPostgresqlServer() throws Exception {
        try (Connection c = POSTGRES.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SHOW server_version")) {
            assertTrue(r.next());
            assertTrue(r.getString(1).matches("\\d+\\.\\d+.*"), r.getString(1));
            assertEquals("PostgreSQL", c.getMetaData().getDatabaseProductName());
        }
        assertTrue(POSTGRES.port() > 0);
        assertTrue(POSTGRES.startupTime().compareTo(Duration.ZERO) > 0);
        assertTrue(POSTGRES.jdbcUrl("postgres").startsWith("jdbc:postgresql://localhost:" + POSTGRES.port() + "/"),
                POSTGRES.jdbcUrl("postgres"));
    }

    @Test
    void createdDatabasesAreEmptyAndIsolated() throws Exception {
        DataSource a = POSTGRES.createDatabase();
        DataSource b = POSTGRES.createDatabase();
        try (Connection c = a.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x INTEGER)");
        }
        try (Connection c = b.getConnection(); ResultSet r = c.getMetaData().getTables(null, "public", "t", null)) {
            assertFalse(r.next(), "a table of database a is visible in database b");
        }
    }

    @Test
    void refusesANonPositiveStartupWait() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddedPostgresExtension.startingWithin(Duration.ZERO));
    }
}
