/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc.internal;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.Rendition;
import com.galerly.core.photo.GalleryCounts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows of {@code galerly_gallery} (V4__gallery_counts.sql): one per gallery, its ACTIVE photos and the bytes
 * their rows name. Changed only inside the transaction of the photo row write whose difference it applies.
 */
public final class GalleryCountRows {
    public static final String TABLE = "galerly_gallery";
    private static final String SELECT = "SELECT photos, bytes FROM " + TABLE + " WHERE gallery = ?";
    private static final String ADD = "UPDATE " + TABLE + " SET photos = photos + ?, bytes = bytes + ? WHERE gallery = ?";
    private static final String INSERT = "INSERT INTO " + TABLE + " (gallery, photos, bytes) VALUES (?, ?, ?)";
    private static final String SET = "UPDATE " + TABLE + " SET photos = ?, bytes = ? WHERE gallery = ?";
    private static final String ACTIVE = "SELECT gallery, size_bytes, renditions FROM " + PhotoRows.TABLE
            + " WHERE status = 'ACTIVE'";

    private GalleryCountRows() {
    }

    /** The gallery's counts; a gallery without a row counts nothing. */
    public static GalleryCounts read(Connection c, GalleryId gallery) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT)) {
            s.setString(1, gallery.value());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return GalleryCounts.empty(gallery);
                }
                long photos = rs.getLong(1);
                long bytes = rs.getLong(2);
                if (photos < 0 || bytes < 0) {
                    throw new GalerlyException(ErrorCode.CONFIGURATION, "gallery " + gallery + " counts " + photos
                            + " photos and " + bytes + " bytes: V4__gallery_counts.sql was applied without counting the"
                            + " rows already there; call JdbcPhotoRepository#recount(gallery)");
                }
                return new GalleryCounts(gallery, photos, bytes);
            }
        }
    }

    /**
     * Adds the difference to the gallery's row, creating it when missing; the caller's transaction makes it atomic
     * with the photo row's write. A concurrent first insert fails with a unique violation (a lost race: the caller
     * rolls back and decides again).
     */
    public static void add(Connection c, GalleryId gallery, long photos, long bytes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ADD)) {
            s.setLong(1, photos);
            s.setLong(2, bytes);
            s.setString(3, gallery.value());
            if (s.executeUpdate() == 1) {
                return;
            }
        }
        insert(c, gallery, photos, bytes);
    }

    /**
     * Recomputes one gallery's row from its ACTIVE photo rows, in the caller's transaction: the gallery's row is
     * locked first (so a writer whose photo row this SELECT cannot see yet adds its difference after), then summed.
     */
    public static GalleryCounts recount(Connection c, GalleryId gallery) throws SQLException {
        add(c, gallery, 0, 0);                       // takes the row's lock, creating it if needed
        GalleryCounts counts = sum(c, " AND gallery = ?", gallery.value()).getOrDefault(gallery,
                GalleryCounts.empty(gallery));
        try (PreparedStatement s = c.prepareStatement(SET)) {
            s.setLong(1, counts.photos());
            s.setLong(2, counts.bytes());
            s.setString(3, gallery.value());
            s.executeUpdate();
        }
        return counts;
    }

    /** The step after V4's statements: counts every gallery's ACTIVE rows already in the table. */
    public static void recountAll(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM " + TABLE);
        }
        for (GalleryCounts counts : sum(c, "", null).values()) {
            insert(c, counts.gallery(), counts.photos(), counts.bytes());
        }
    }

    private static Map<GalleryId, GalleryCounts> sum(Connection c, String where, String gallery) throws SQLException {
        Map<GalleryId, GalleryCounts> sums = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(ACTIVE + where)) {
            if (gallery != null) {
                s.setString(1, gallery);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    GalleryId g = GalleryId.of(rs.getString(1));
                    long bytes = rs.getLong(2);
                    for (Rendition r : RenditionsJson.read(rs.getString(3))) {
                        bytes += r.bytes();
                    }
                    sums.merge(g, new GalleryCounts(g, 1, bytes), (a, b) -> a.plus(b.photos(), b.bytes()));
                }
            }
        }
        return sums;
    }

    private static void insert(Connection c, GalleryId gallery, long photos, long bytes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, gallery.value());
            s.setLong(2, photos);
            s.setLong(3, bytes);
            s.executeUpdate();
        }
    }
}
