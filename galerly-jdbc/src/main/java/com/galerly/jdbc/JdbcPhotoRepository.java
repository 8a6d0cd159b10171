/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalleryId;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.photo.ClaimRequest;
import com.galerly.core.photo.ClaimResult;
import com.galerly.core.photo.Completion;
import com.galerly.core.photo.GalleryCounts;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.photo.PhotoPage;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.photo.PhotoTransitions;
import com.galerly.core.spi.Checks;
import com.galerly.core.spi.ConditionalWrites;
import com.galerly.core.spi.PageTokens;
import com.galerly.jdbc.internal.GalleryCountRows;
import com.galerly.jdbc.internal.PhotoRows;
import com.galerly.jdbc.internal.SchemaMigrations;
import com.galerly.jdbc.internal.SqlErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@link PhotoRepository} on a SQL database through plain JDBC: PostgreSQL (Aurora PostgreSQL included) in
 * production, H2 as the embedded default ({@link EmbeddedPhotoStore}). One row per photo in
 * {@code galerly_photo} (schema: {@code com/galerly/jdbc/V1__photos.sql} in this jar, applied by
 * {@link #createSchema()}). Every status change reads the row, applies {@link PhotoTransitions}, and writes it
 * back with {@code UPDATE ... WHERE gallery = ? AND id = ? AND version = ?} (a claim of an absent photo inserts,
 * and the primary key refuses a second insert); a lost race re-reads and decides again ({@link ConditionalWrites}, the
 * loop the DynamoDB repository and the in-memory fake run too). So the rules are
 * exactly those of the DynamoDB repository and the in-memory fake: all three pass {@code PhotoRepositoryContract}.
 *
 * <p>Each operation borrows one connection from the {@link DataSource} and runs single statements in
 * auto-commit (restoring the connection's setting), so any pool works; a write that changes what a record counts
 * ({@link GalleryCounts}) updates the photo row and the gallery's row of {@code galerly_gallery} in one transaction,
 * so {@link #counts} (one SELECT) is exact. Listings hide PENDING records whose
 * {@link Photo#expiresAt()} has passed and the tombstones deleted photos leave; {@link #deleteExpiredPending()}
 * removes both once expired (run it on a schedule).
 *
 * <pre>{@code
 * JdbcPhotoRepository photos = JdbcPhotoRepository.builder()
 *     .dataSource(pooledDataSource)            // e.g. HikariCP on jdbc:postgresql://.../galerly
 *     .pageTokenKey(secretBytes)               // the same on every instance, so page tokens survive
 *     .build();
 * photos.createSchema();                       // idempotent; or run V1__photos.sql with your migration tool
 * }</pre>
 */
public final class JdbcPhotoRepository implements PhotoRepository {
    private static final int BATCH_GET = 100;

    private final DataSource dataSource;
    private final Clock clock;
    private final PageTokens tokens;
    private final String description;

    private JdbcPhotoRepository(Builder b) {
        this.dataSource = b.dataSource;
        this.clock = b.clock;
        this.tokens = b.tokens == null ? PageTokens.random() : b.tokens;
        this.description = b.description != null ? b.description : b.dataSource.getClass().getSimpleName();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A repository with a per-process page-token key (tokens do not survive a restart). */
    public static JdbcPhotoRepository create(DataSource dataSource, Clock clock) {
        return builder().dataSource(dataSource).clock(clock).build();
    }

    /**
     * Creates or upgrades the tables ({@code galerly_photo}, {@code galerly_schema_version}) by running the
     * versioned SQL files in this jar that the database has not seen; idempotent and safe to call at every start.
     */
    public void createSchema() {
        SchemaMigrations.apply(dataSource);
    }

    /**
     * Deletes PENDING records (uploads that never came) and tombstones of deleted photos whose
     * {@link Photo#expiresAt()} is now or earlier, as DynamoDB's TTL does; returns how many. Listings already
     * hide both, so run it as housekeeping.
     */
    public int deleteExpiredPending() {
        return inConnection("deleteExpiredPending", c -> {
            try (PreparedStatement s = c.prepareStatement(PhotoRows.DELETE_EXPIRED_PENDING)) {
                PhotoRows.bindInstant(s, 1, clock.instant());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<Photo> get(PhotoKey key) {
        Checks.notNull(key, "key");
        Optional<Photo> found = inConnection("get", c -> find(c, key));
        return found.filter(PhotoTransitions::visible);
    }

    @Override
    public List<Photo> getAll(Collection<PhotoKey> keys) {
        List<PhotoKey> distinct = keys.stream().distinct().toList();
        Map<PhotoKey, Photo> found = new HashMap<>();
        inConnection("getAll", c -> {
            for (int from = 0; from < distinct.size(); from += BATCH_GET) {
                List<PhotoKey> batch = distinct.subList(from, Math.min(distinct.size(), from + BATCH_GET));
                try (PreparedStatement s = c.prepareStatement(PhotoRows.selectMany(batch.size()))) {
                    int i = 1;
                    for (PhotoKey key : batch) {
                        i = PhotoRows.bindKey(s, i, key);
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            Photo p = PhotoRows.read(rs);
                            if (PhotoTransitions.visible(p)) {
                                found.put(p.key(), p);
                            }
                        }
                    }
                }
            }
            return null;
        });
        return keys.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    @Override
    public void create(Photo photo) {
        inConnection("create", c -> {
            ConditionalWrites.create(rows(c), photo);
            return null;
        });
    }

    @Override
    public ClaimResult claim(ClaimRequest request) {
        return inConnection("claim", c -> ConditionalWrites.claim(rows(c), request, clock));
    }

    @Override
    public Photo complete(PhotoKey key, Lease lease, Completion completion) {
        return inConnection("complete", c -> ConditionalWrites.complete(rows(c), key, lease, completion, clock));
    }

    @Override
    public Photo fail(PhotoKey key, Lease lease, ErrorCode code, String message) {
        return inConnection("fail", c -> ConditionalWrites.fail(rows(c), key, lease, code, message, clock));
    }

    @Override
    public void release(PhotoKey key, Lease lease) {
        inConnection("release", c -> {
            ConditionalWrites.release(rows(c), key, lease, clock);
            return null;
        });
    }

    @Override
    public PhotoPage list(GalleryId gallery, PageRequest page) {
        Checks.notNull(gallery, "gallery");
        String after = page.token() == null ? "" : PhotoId.of(tokens.decode(gallery, page.token())).value();
        List<Photo> photos = new ArrayList<>();
        // one more than asked tells whether another page exists, so the last page never carries a token
        boolean more = inConnection("list", c -> {
            try (PreparedStatement s = c.prepareStatement(PhotoRows.SELECT_PAGE)) {
                s.setString(1, gallery.value());
                s.setString(2, after);
                PhotoRows.bindInstant(s, 3, clock.instant());
                s.setInt(4, page.limit() + 1);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (photos.size() == page.limit()) {
                            return true;
                        }
                        photos.add(PhotoRows.read(rs));
                    }
                    return false;
                }
            }
        });
        return new PhotoPage(photos, more ? tokens.encode(gallery, photos.get(photos.size() - 1).id().value()) : null);
    }

    @Override
    public boolean delete(PhotoKey key) {
        return inConnection("delete", c -> ConditionalWrites.delete(rows(c), key, clock));
    }

    /** One SELECT of the gallery's row in {@code galerly_gallery}. */
    @Override
    public GalleryCounts counts(GalleryId gallery) {
        Checks.notNull(gallery, "gallery");
        return inConnection("counts", c -> GalleryCountRows.read(c, gallery));
    }

    /**
     * Recomputes a gallery's counts from its rows, for a database whose {@code V4__gallery_counts.sql} was run by a
     * migration tool rather than {@link #createSchema()} (which counts the rows already there itself). Safe while
     * photos are being written: it locks the gallery's row first, so a write it cannot see yet adds its difference
     * after it.
     */
    public GalleryCounts recount(GalleryId gallery) {
        Checks.notNull(gallery, "gallery");
        return inConnection("recount", c -> inTransaction(c, () -> GalleryCountRows.recount(c, gallery)));
    }

    /**
     * The rows on {@code c} as {@link ConditionalWrites} reads and writes them (each decision on one connection, in
     * auto-commit; a write that changes the counts is one transaction).
     */
    private static ConditionalWrites.Records<SQLException> rows(Connection c) {
        return new ConditionalWrites.Records<>() {
            @Override
            public Optional<Photo> read(PhotoKey key) throws SQLException {
                return find(c, key);
            }

            @Override
            public boolean write(Photo next, Optional<Photo> current) throws SQLException {
                return JdbcPhotoRepository.write(c, next, current);
            }
        };
    }

    private static Optional<Photo> find(Connection c, PhotoKey key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(PhotoRows.SELECT_ONE)) {
            PhotoRows.bindKey(s, 1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(PhotoRows.read(rs)) : Optional.empty();
            }
        }
    }

    /**
     * Writes {@code next} if the stored row is still {@code current}; false if another writer came first. A write that
     * changes what the row counts ({@link GalleryCounts#of}) also adds the difference to the gallery's row, in one
     * transaction: both happen, or neither.
     */
    private static boolean write(Connection c, Photo next, Optional<Photo> current) throws SQLException {
        GalleryCounts was = current.map(GalleryCounts::of).orElse(GalleryCounts.empty(next.gallery()));
        GalleryCounts now = GalleryCounts.of(next);
        if (was.equals(now)) {
            return writeRow(c, next, current);
        }
        try {
            return inTransaction(c, () -> {
                if (!writeRow(c, next, current)) {
                    c.rollback();
                    return false;
                }
                GalleryCountRows.add(c, next.gallery(), now.photos() - was.photos(), now.bytes() - was.bytes());
                return true;
            });
        } catch (SQLException e) {
            if (SqlErrors.lostRace(e)) {
                return false;       // inTransaction rolled back: neither row changed
            }
            throw e;
        }
    }

    /** Runs {@code work} in one transaction on {@code c} (committed when it returns, rolled back when it throws). */
    private static <T> T inTransaction(Connection c, Work0<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    @FunctionalInterface
    private interface Work0<T> {
        T run() throws SQLException;
    }

    private static boolean writeRow(Connection c, Photo next, Optional<Photo> current) throws SQLException {
        boolean insert = current.isEmpty();
        try (PreparedStatement s = c.prepareStatement(insert ? PhotoRows.INSERT : PhotoRows.UPDATE_IF_VERSION)) {
            if (insert) {
                PhotoRows.bindInsert(s, next);
            } else {
                PhotoRows.bindUpdate(s, next, current.get().version());
            }
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            if (SqlErrors.lostRace(e)) {
                return false;
            }
            throw e;
        }
    }

    /** Work on one connection in auto-commit (single statements, each atomic); SQL failures become Galerly's. */
    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inConnection(String operation, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            if (!autoCommit) {
                c.setAutoCommit(true);
            }
            try {
                return work.run(c);
            } finally {
                if (!autoCommit) {
                    c.setAutoCommit(false);
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.map(operation, e);
        }
    }

    @Override
    public String toString() {
        return "JdbcPhotoRepository[" + description + "]";
    }

    /** Builds a {@link JdbcPhotoRepository}; the data source is required. Each setting is checked when set. */
    public static final class Builder {
        private DataSource dataSource;
        private Clock clock = Clock.systemUTC();
        private PageTokens tokens;
        private String description;

        private Builder() {
        }

        /** Where the records live; use a pooled one (HikariCP, the container's) in production. */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Checks.notNull(dataSource, "dataSource");
            return this;
        }

        /** The time of leases, completions and expiry checks. Default: {@link Clock#systemUTC()}. */
        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        /**
         * The HMAC key that protects page tokens (at least 16 bytes). Give every instance the same key (from a
         * secret store or an environment variable) so a token from one instance works on the next. Default: a
         * random key per repository.
         */
        public Builder pageTokenKey(byte[] key) {
            this.tokens = new PageTokens(Checks.notNull(key, "pageTokenKey"));   // checks and copies the key
            return this;
        }

        /** What {@link #toString()} names as the store (the embedded store names its database). */
        Builder description(String description) {
            this.description = description;
            return this;
        }

        public JdbcPhotoRepository build() {
            if (dataSource == null) {
                throw new IllegalStateException("dataSource is required: JdbcPhotoRepository.builder().dataSource(...)");
            }
            return new JdbcPhotoRepository(this);
        }
    }
}
