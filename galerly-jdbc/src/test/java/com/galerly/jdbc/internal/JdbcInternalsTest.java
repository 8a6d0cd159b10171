/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.Rendition;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JdbcInternalsTest {
    @ParameterizedTest(name = "SQL state {0} -> {1}, retryable {2}")
    @CsvSource({
            "08001, IO_ERROR, true",          // cannot connect
            "08006, IO_ERROR, true",          // connection lost
            "40001, IO_ERROR, true",          // serialization failure
            "40P01, IO_ERROR, true",          // deadlock
            "57P01, IO_ERROR, true",          // admin shutdown (failover)
            "53300, IO_ERROR, true",          // too many connections
            "HYT00, IO_ERROR, true",          // H2 lock timeout
            "42P01, CONFIGURATION, false",    // PostgreSQL: no such table
            "42S04, CONFIGURATION, false",    // H2: no such table, empty database
            "28P01, CONFIGURATION, false",    // bad password
            "3D000, CONFIGURATION, false",    // no such database
            "22001, INVALID_ARGUMENT, false", // value too long
            "42601, IO_ERROR, false",         // syntax error: not worth a retry
    })
    void mapsSqlStatesToStableCodes(String state, ErrorCode code, boolean retryable) {
        GalerlyException e = SqlErrors.map("get", new SQLException("boom", state));
        assertEquals(code, e.code(), e.getMessage());
        assertEquals(retryable, e.retryable(), e.getMessage());
        assertTrue(e.getMessage().contains("get"), e.getMessage());
    }

    @Test
    void transientExceptionsWithoutAStateAreRetryable() {
        assertTrue(SqlErrors.map("list", new SQLTransientConnectionException("pool exhausted")).retryable());
        assertFalse(SqlErrors.map("list", new SQLException("?")).retryable());
    }

    @Test
    void lostRacesAreTheUniqueViolationAndTheConcurrentUpdates() {
        for (String state : List.of("23505", "40001", "40P01", "90131")) {
            assertTrue(SqlErrors.lostRace(new SQLException("x", state)), state);
        }
        assertFalse(SqlErrors.lostRace(new SQLException("x", "23502")), "not-null violation is a bug, not a race");
    }

    @Test
    void schemaScriptsSplitIntoStatementsWithoutComments() {
        assertEquals(List.of("CREATE TABLE t (\na INTEGER, b VARCHAR\n)", "CREATE INDEX i ON t (a)"),
                SchemaMigrations.statements("-- header; with a semicolon\nCREATE TABLE t (  -- why\n  a INTEGER,"
                        + " b VARCHAR -- note\n);\n\nCREATE INDEX i ON t (a);\n"));
    }

    @Test
    void renditionsRoundTripAsJsonAndCorruptJsonIsAnInternalError() {
        List<Rendition> renditions = List.of(new Rendition("thumbnail", "r/\"q\"\\.jpg", 400, 300, 1, "image/jpeg"),
                new Rendition("large", "r/l.webp", 4000, 3000, 5_000_000_000L, "image/webp"));
        assertEquals(renditions, RenditionsJson.read(RenditionsJson.write(renditions)));
        assertEquals(null, RenditionsJson.write(List.of()));
        assertEquals(List.of(), RenditionsJson.read(null));
        assertEquals(List.of(renditions.get(0)), RenditionsJson.read("[{\"name\":\"thumbnail\",\"added\":{\"x\":[1]},"
                + "\"key\":\"r/\\\"q\\\"\\\\.jpg\",\"width\":400,\"height\":300,\"bytes\":1,\"contentType\":\"image/jpeg\"}]"),
                "fields a newer version adds are skipped");
        for (String corrupt : List.of("{}", "[{\"name\":\"x\"}]", "[", "nope")) {
            assertEquals(ErrorCode.INTERNAL, assertThrows(GalerlyException.class, () -> RenditionsJson.read(corrupt))
                    .code(), corrupt);
        }
    }
}
