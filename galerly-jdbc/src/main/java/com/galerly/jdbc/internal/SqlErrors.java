/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc.internal;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Maps JDBC failures to Galerly errors by SQL state (PostgreSQL's and H2's): a lost connection, a deadlock,
 * a serialization failure or an overloaded server is a retryable IO_ERROR; a missing table is CONFIGURATION
 * (the schema was not created); bad credentials are CONFIGURATION; a value the column refuses is
 * INVALID_ARGUMENT; anything else is a non-retryable IO_ERROR.
 */
public final class SqlErrors {
    /** Another writer came first: the caller re-reads and decides again. */
    private static final Set<String> LOST_RACE = Set.of(
            "23505",    // unique_violation: the row was inserted meanwhile
            "40001",    // serialization_failure (SERIALIZABLE / REPEATABLE READ sessions)
            "40P01",    // deadlock_detected
            "90131");   // H2: concurrent update in another transaction
    private static final Set<String> TRANSIENT = Set.of(
            "40001", "40P01",
            "53000", "53100", "53200", "53300",   // insufficient resources, too many connections
            "55P03",                              // lock_not_available
            "57014",                              // query_canceled (statement timeout)
            "57P01", "57P02", "57P03",            // admin / crash shutdown, cannot connect now
            "HYT00", "HYT01",                     // timeouts (H2 lock timeout)
            "90131");
    private static final Set<String> MISSING_TABLE = Set.of(
            "42P01",    // PostgreSQL undefined_table
            "42S02",    // H2 table not found
            "42S04",    // H2 table not found (this database is empty)
            "3F000");   // invalid schema name

    private SqlErrors() {
    }

    /** Whether the failure means a concurrent writer won (re-read and decide again). */
    public static boolean lostRace(SQLException e) {
        return LOST_RACE.contains(e.getSQLState());
    }

    public static GalerlyException map(String operation, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String what = "JDBC " + operation + " failed (SQL state " + (state.isEmpty() ? "none" : state) + "): "
                + e.getMessage();
        if (MISSING_TABLE.contains(state)) {
            return new GalerlyException(ErrorCode.CONFIGURATION, "table " + PhotoRows.TABLE + " not found during "
                    + operation + ": call JdbcPhotoRepository#createSchema() or apply V1__photos.sql ("
                    + e.getMessage() + ")", e);
        }
        if (state.startsWith("28") || "3D000".equals(state)) {    // bad credentials, no such database
            return new GalerlyException(ErrorCode.CONFIGURATION, what, e);
        }
        if (state.startsWith("08") || TRANSIENT.contains(state) || e instanceof SQLTransientException
                || e instanceof SQLRecoverableException) {
            return new GalerlyException(ErrorCode.IO_ERROR, what, e, true);
        }
        if (state.startsWith("22")) {
            return new GalerlyException(ErrorCode.INVALID_ARGUMENT, what, e);
        }
        return new GalerlyException(ErrorCode.IO_ERROR, what, e, false);
    }
}
