/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc;

import com.galerly.core.spi.Checks;
import com.galerly.jdbc.internal.ClosableDataSource;
import com.galerly.jdbc.internal.SqlErrors;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The embedded record store: an H2 database inside this JVM (PostgreSQL mode, the same schema file as
 * PostgreSQL), in memory or in one file, that needs nothing installed. For demos, tests, single-process tools
 * and small installations; use PostgreSQL through {@link JdbcPhotoRepository#builder()} when several processes
 * share the records.
 *
 * <pre>{@code
 * try (EmbeddedPhotoStore store = EmbeddedPhotoStore.file(Path.of("data/galerly"))) {   // data/galerly.mv.db
 *     PhotoRepository photos = store.repository();          // schema created; survives restarts
 *     ...
 * }
 * EmbeddedPhotoStore scratch = EmbeddedPhotoStore.inMemory();
 * JdbcPhotoRepository photos = scratch.repository(b -> b.clock(clock).pageTokenKey(key));
 * }</pre>
 *
 * Closing the store shuts the database down (an in-memory one forgets every record); repositories of a closed
 * store fail.
 */
public final class EmbeddedPhotoStore implements AutoCloseable {
    /** H2 speaking PostgreSQL's dialect, lower-case identifiers like PostgreSQL, kept open until closed. */
    private static final String SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";DB_CLOSE_DELAY=-1";

    private final JdbcDataSource h2;
    private final ClosableDataSource dataSource;
    private final String description;
    private JdbcPhotoRepository repository;

    private EmbeddedPhotoStore(String url, String description) {
        this.h2 = new JdbcDataSource();
        this.h2.setURL(url);
        this.h2.setUser("galerly");
        this.h2.setPassword("");
        this.dataSource = new ClosableDataSource(h2, description);
        this.description = description;
        JdbcPhotoRepository.builder().dataSource(dataSource).build().createSchema();
    }

    /** A fresh database in memory, private to this store. */
    public static EmbeddedPhotoStore inMemory() {
        return new EmbeddedPhotoStore("jdbc:h2:mem:galerly-" + UUID.randomUUID() + SETTINGS, "H2 in memory");
    }

    /**
     * A database in the file {@code database + ".mv.db"} (a trailing {@code .mv.db} in {@code database} is
     * ignored), created with its directory when missing, reused when present; one process at a time may open it.
     */
    public static EmbeddedPhotoStore file(Path database) {
        Checks.notNull(database, "database");
        Path absolute = database.toAbsolutePath().normalize();
        String name = absolute.getFileName() == null ? "" : absolute.getFileName().toString();
        if (name.isEmpty() || name.contains(";")) {
            throw new IllegalArgumentException("database must name a file (without .mv.db) and contain no ';', was "
                    + Checks.quote(database.toString()));
        }
        String base = name.endsWith(".mv.db") ? absolute.toString().substring(0, absolute.toString().length() - 6)
                : absolute.toString();
        return new EmbeddedPhotoStore("jdbc:h2:file:" + base + SETTINGS, "H2 file " + base + ".mv.db");
    }

    /** The repository of this store on the system clock with a per-process page-token key (made once). */
    public synchronized JdbcPhotoRepository repository() {
        if (repository == null) {
            repository = repository(b -> { });
        }
        return repository;
    }

    /** A new repository on this store, configured by {@code settings} (a clock, a shared page-token key). */
    public JdbcPhotoRepository repository(Consumer<JdbcPhotoRepository.Builder> settings) {
        Checks.notNull(settings, "settings");
        JdbcPhotoRepository.Builder builder = JdbcPhotoRepository.builder().description(description);
        settings.accept(builder);
        return builder.dataSource(dataSource).build();
    }

    /** The H2 database, for queries of your own or another tool. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** The JDBC URL of the database ({@code jdbc:h2:mem:...} or {@code jdbc:h2:file:...}). */
    public String jdbcUrl() {
        return h2.getURL();
    }

    /**
     * Shuts the database down: a file is flushed and unlocked; an in-memory database is gone. Its repositories
     * then fail with CONFIGURATION. Closing twice does nothing.
     */
    @Override
    public synchronized void close() {
        if (!dataSource.markClosed()) {
            return;
        }
        try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw SqlErrors.map("close", e);
        }
    }

    /** {@code H2 in memory} or {@code H2 file /path/galerly.mv.db}. */
    @Override
    public String toString() {
        return description;
    }
}
