/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc.internal;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Applies the versioned SQL files in the jar ({@code com/galerly/jdbc/V{n}__{name}.sql}) that a database has
 * not seen yet, each in its own transaction, and records each in {@code galerly_schema_version}. Idempotent;
 * when two processes migrate at once, the loser's insert of the version row fails and it re-reads the version.
 */
public final class SchemaMigrations {
    public static final String VERSION_TABLE = "galerly_schema_version";

    /**
     * One versioned script; a new one is appended here and shipped as {@code V{n}__{name}.sql}. {@code after} runs
     * in the script's transaction once its statements did (data the SQL alone cannot compute), or is null.
     */
    public record Script(int version, String name, Step after) {
        public Script(int version, String name) {
            this(version, name, null);
        }

        public String resource() {
            return "/com/galerly/jdbc/V" + version + "__" + name + ".sql";
        }
    }

    /** Work on the migrating connection, inside the script's transaction. */
    @FunctionalInterface
    public interface Step {
        void run(Connection c) throws SQLException;
    }

    public static final List<Script> SCRIPTS = List.of(new Script(1, "photos"), new Script(2, "photo_fields"),
            new Script(3, "profile_fingerprint"), new Script(4, "gallery_counts", GalleryCountRows::recountAll));

    private SchemaMigrations() {
    }

    /** The latest version in the jar. */
    public static int latest() {
        return SCRIPTS.get(SCRIPTS.size() - 1).version();
    }

    /** Brings the database to {@link #latest()}; returns the version it was at before (0: empty). */
    public static int apply(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try {
                c.setAutoCommit(true);
                createVersionTable(c);
                int before = current(c);
                for (Script script : SCRIPTS) {
                    if (script.version() > current(c)) {
                        run(c, script);
                    }
                }
                return before;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw SqlErrors.map("createSchema", e);
        }
    }

    /** The version recorded in the database, 0 when none. */
    public static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT MAX(version) FROM " + VERSION_TABLE)) {
            r.next();
            return r.getInt(1);
        }
    }

    private static void createVersionTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + VERSION_TABLE + " (version INTEGER NOT NULL PRIMARY KEY,"
                    + " script VARCHAR(200) NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL)");
        } catch (SQLException e) {
            // PostgreSQL: two sessions creating the same table at once; the other one made it
            if (!SqlErrors.lostRace(e) && !"42P07".equals(e.getSQLState())) {
                throw e;
            }
        }
    }

    private static void run(Connection c, Script script) throws SQLException {
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : statements(read(script))) {
                s.execute(statement);
            }
            if (script.after() != null) {
                script.after().run(c);
            }
            // last, so that on PostgreSQL a concurrent migrator waits here, then fails and re-reads
            try (PreparedStatement record = c.prepareStatement("INSERT INTO " + VERSION_TABLE
                    + " (version, script, applied_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                record.setInt(1, script.version());
                record.setString(2, script.resource().substring(script.resource().lastIndexOf('/') + 1));
                record.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            if (!SqlErrors.lostRace(e) && !"42P07".equals(e.getSQLState())) {
                throw e;
            }
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static String read(Script script) {
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(script.resource())) {
            if (in == null) {
                throw new GalerlyException(ErrorCode.INTERNAL, "schema script " + script.resource()
                        + " is missing from the galerly-jdbc jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new GalerlyException(ErrorCode.INTERNAL, "cannot read " + script.resource(), e, false);
        }
    }

    /** The statements of a script: {@code --} comments dropped, split at semicolons that end a line. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\r?\n")) {
            int comment = line.indexOf("--");
            String code = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (code.isEmpty()) {
                continue;
            }
            if (code.endsWith(";")) {
                current.append(code, 0, code.length() - 1);
                statements.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(code).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
