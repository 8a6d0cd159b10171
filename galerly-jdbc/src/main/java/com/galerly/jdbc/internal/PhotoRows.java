/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc.internal;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalleryId;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one place that maps a {@link Photo} to a row of {@code galerly_photo} and back (schema: V1__photos.sql and the migrations after it).
 * Every statement is generated from {@link #COLUMNS}, so a new Photo field is one line here plus a migration
 * that adds its column.
 */
public final class PhotoRows {
    public static final String TABLE = "galerly_photo";

    private enum Type { TEXT, BIGINT, INTEGER, TIMESTAMP }

    /**
     * A column: how to read its value from a photo, and how to set a builder from the row. A Photo property
     * spread over two columns (dimensions, error, lease) is set by its first column; the second sets nothing.
     */
    private record Column(String name, Type type, Function<Photo, Object> value, BiConsumer<Photo.Builder, Row> set) {
    }

    private static final BiConsumer<Photo.Builder, Row> SET_BY_ANOTHER_COLUMN = (b, r) -> { };

    private static final List<Column> COLUMNS = List.of(
            new Column("gallery", Type.TEXT, p -> p.gallery().value(), (b, r) -> b.gallery(GalleryId.of(r.text("gallery")))),
            new Column("id", Type.TEXT, p -> p.id().value(), (b, r) -> b.id(PhotoId.of(r.text("id")))),
            new Column("status", Type.TEXT, p -> p.status().name(), (b, r) -> b.status(PhotoStatus.valueOf(r.text("status")))),
            new Column("owner", Type.TEXT, Photo::owner, (b, r) -> b.owner(r.text("owner"))),
            new Column("original_key", Type.TEXT, Photo::originalKey, (b, r) -> b.originalKey(r.text("original_key"))),
            new Column("file_name", Type.TEXT, Photo::fileName, (b, r) -> b.fileName(r.text("file_name"))),
            new Column("content_type", Type.TEXT, Photo::contentType, (b, r) -> b.contentType(r.text("content_type"))),
            new Column("size_bytes", Type.BIGINT, Photo::size, (b, r) -> b.size(r.number("size_bytes"))),
            new Column("width", Type.INTEGER, Photo::width,
                    (b, r) -> b.dimensions((int) r.number("width"), (int) r.number("height"))),
            new Column("height", Type.INTEGER, Photo::height, SET_BY_ANOTHER_COLUMN),
            new Column("uploaded_at", Type.TIMESTAMP, Photo::uploadedAt, (b, r) -> b.uploadedAt(r.instant("uploaded_at"))),
            new Column("processed_at", Type.TIMESTAMP, Photo::processedAt, (b, r) -> b.processedAt(r.instant("processed_at"))),
            new Column("renditions", Type.TEXT, p -> RenditionsJson.write(p.renditions().values()),
                    (b, r) -> b.renditions(RenditionsJson.read(r.text("renditions")))),
            new Column("placeholder", Type.TEXT, Photo::placeholder, (b, r) -> b.placeholder(r.text("placeholder"))),
            new Column("error_code", Type.TEXT, p -> p.errorCode() == null ? null : p.errorCode().name(),
                    (b, r) -> b.error(r.text("error_code") == null ? null : ErrorCode.valueOf(r.text("error_code")),
                            r.text("error_message"))),
            new Column("error_message", Type.TEXT, Photo::errorMessage, SET_BY_ANOTHER_COLUMN),
            new Column("version", Type.BIGINT, Photo::version, (b, r) -> b.version(r.number("version"))),
            new Column("sequencer", Type.TEXT, Photo::sequencer, (b, r) -> b.sequencer(r.text("sequencer"))),
            new Column("e_tag", Type.TEXT, Photo::eTag, (b, r) -> b.eTag(r.text("e_tag"))),
            new Column("lease_token", Type.TEXT, p -> p.lease() == null ? null : p.lease().token(),
                    (b, r) -> b.lease(r.text("lease_token") == null ? null
                            : new Lease(r.text("lease_token"), r.instant("lease_expires_at")))),
            new Column("lease_expires_at", Type.TIMESTAMP, p -> p.lease() == null ? null : p.lease().expiresAt(),
                    SET_BY_ANOTHER_COLUMN),
            new Column("expires_at", Type.TIMESTAMP, Photo::expiresAt, (b, r) -> b.expiresAt(r.instant("expires_at"))),
            new Column("sha256", Type.TEXT, Photo::sha256, (b, r) -> b.sha256(r.text("sha256"))),
            new Column("attempts", Type.INTEGER, Photo::attempts, (b, r) -> b.attempts((int) r.number("attempts"))),
            new Column("profile_fingerprint", Type.TEXT, Photo::profileFingerprint,
                    (b, r) -> b.profileFingerprint(r.text("profile_fingerprint"))));

    private static final List<Column> KEY = COLUMNS.subList(0, 2);
    private static final List<Column> NON_KEY = COLUMNS.subList(2, COLUMNS.size());
    private static final String SELECT = "SELECT " + names(COLUMNS, ", ") + " FROM " + TABLE;
    private static final String WHERE_KEY = " WHERE gallery = ? AND id = ?";

    /** Inserts a whole row; the primary key refuses a second one (SQL state 23505). */
    public static final String INSERT = "INSERT INTO " + TABLE + " (" + names(COLUMNS, ", ") + ") VALUES ("
            + COLUMNS.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    /** Overwrites a row only if its version is still the one read: the compare-and-set of every transition. */
    public static final String UPDATE_IF_VERSION = "UPDATE " + TABLE + " SET " + names(NON_KEY, " = ?, ") + " = ?"
            + WHERE_KEY + " AND version = ?";
    public static final String SELECT_ONE = SELECT + WHERE_KEY;
    /**
     * A page of a gallery after a cursor (empty string: from the start), hiding PENDING records past expiry and
     * tombstones (DELETED).
     */
    public static final String SELECT_PAGE = SELECT + " WHERE gallery = ? AND id > ? AND status <> 'DELETED'"
            + " AND (status <> 'PENDING' OR expires_at IS NULL OR expires_at > ?) ORDER BY id LIMIT ?";
    public static final String DELETE_EXPIRED_PENDING = "DELETE FROM " + TABLE
            + " WHERE status IN ('PENDING', 'DELETED') AND expires_at <= ?";

    private PhotoRows() {
    }

    /** {@code SELECT ... WHERE (gallery = ? AND id = ?) OR ...} for {@code count} keys. */
    public static String selectMany(int count) {
        return SELECT + " WHERE " + String.join(" OR ", java.util.Collections.nCopies(count, "(gallery = ? AND id = ?)"));
    }

    /** Binds every column of {@code photo} from parameter 1 on, in {@link #INSERT}'s order. */
    public static void bindInsert(PreparedStatement s, Photo photo) throws SQLException {
        int i = 1;
        for (Column c : COLUMNS) {
            bind(s, i++, c.type(), c.value().apply(photo));
        }
    }

    /** Binds {@link #UPDATE_IF_VERSION}: the new values, the key, and the version that must still be stored. */
    public static void bindUpdate(PreparedStatement s, Photo next, long expectedVersion) throws SQLException {
        int i = 1;
        for (Column c : NON_KEY) {
            bind(s, i++, c.type(), c.value().apply(next));
        }
        i = bindKey(s, i, next.key());
        s.setLong(i, expectedVersion);
    }

    /** Binds a key at {@code index}; returns the next parameter index. */
    public static int bindKey(PreparedStatement s, int index, PhotoKey key) throws SQLException {
        s.setString(index, key.gallery().value());
        s.setString(index + 1, key.id().value());
        return index + 2;
    }

    public static void bindInstant(PreparedStatement s, int index, Instant instant) throws SQLException {
        bind(s, index, Type.TIMESTAMP, instant);
    }

    /** The photo in the current row of a result of one of the SELECTs above. */
    public static Photo read(ResultSet rs) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        int i = 1;
        for (Column c : COLUMNS) {
            values.put(c.name(), switch (c.type()) {
                case TEXT -> rs.getString(i);
                case BIGINT, INTEGER -> rs.getLong(i);
                case TIMESTAMP -> {
                    OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                    yield t == null ? null : t.toInstant();
                }
            });
            i++;
        }
        Row row = new Row(values);
        Photo.Builder b = Photo.builder();
        COLUMNS.forEach(c -> c.set().accept(b, row));
        return b.build();
    }

    private static void bind(PreparedStatement s, int index, Type type, Object value) throws SQLException {
        switch (type) {
            case TEXT -> s.setString(index, (String) value);
            case BIGINT -> s.setLong(index, ((Number) value).longValue());
            case INTEGER -> s.setInt(index, ((Number) value).intValue());
            case TIMESTAMP -> {
                if (value == null) {
                    s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    s.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
                }
            }
        }
    }

    private static String names(List<Column> columns, String separator) {
        return columns.stream().map(Column::name).collect(Collectors.joining(separator));
    }

    /** One row's values by column name. */
    private record Row(Map<String, Object> values) {
        String text(String column) {
            return (String) values.get(column);
        }

        long number(String column) {
            return (Long) values.get(column);
        }

        Instant instant(String column) {
            return (Instant) values.get(column);
        }
    }
}
