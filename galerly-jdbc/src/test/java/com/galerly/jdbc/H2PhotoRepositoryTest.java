/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.photo.PageRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository contract and the JDBC checks on the embedded default (H2 in PostgreSQL mode). */
class H2PhotoRepositoryTest extends JdbcRepositoryChecks {
    private static final EmbeddedPhotoStore STORE = EmbeddedPhotoStore.inMemory();

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Override
    protected DataSource dataSource() {
        return STORE.dataSource();
    }

    @Override
    protected DataSource emptyDatabase() {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:empty-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        return empty;
    }

    @Test
    void aFileStoreKeepsItsRecordsAcrossRestarts(@TempDir Path dir) {
        Path database = dir.resolve("db").resolve("galerly");
        PhotoKey key = new PhotoKey(GalleryId.of("kept"), PhotoId.generator(clock).next());
        Photo photo = Photo.builder().gallery(key.gallery()).id(key.id()).originalKey("originals/kept/x.jpg")
                .uploadedAt(clock.instant()).version(1).build();
        try (EmbeddedPhotoStore store = EmbeddedPhotoStore.file(database)) {
            store.repository().create(photo);
            assertEquals("H2 file " + database.toAbsolutePath() + ".mv.db", store.toString());
            assertTrue(store.repository().toString().contains("H2 file"), store.repository().toString());
            assertTrue(store.jdbcUrl().startsWith("jdbc:h2:file:"), store.jdbcUrl());
        }
        assertTrue(Files.isRegularFile(dir.resolve("db").resolve("galerly.mv.db")));
        try (EmbeddedPhotoStore reopened = EmbeddedPhotoStore.file(dir.resolve("db").resolve("galerly.mv.db"))) {
            assertEquals(photo, reopened.repository(b -> b.clock(clock)).get(key).orElseThrow());
            assertEquals(1, reopened.repository().list(key.gallery(), PageRequest.first()).photos().size());
        }
    }

    @Test
    void inMemoryStoresArePrivateAndForgetEverythingWhenClosed() {
        EmbeddedPhotoStore a = EmbeddedPhotoStore.inMemory();
        EmbeddedPhotoStore b = EmbeddedPhotoStore.inMemory();
        PhotoKey key = new PhotoKey(GalleryId.of("private"), PhotoId.generator(clock).next());
        a.repository().create(Photo.builder().gallery(key.gallery()).id(key.id()).originalKey("originals/p/x.jpg")
                .uploadedAt(clock.instant()).build());
        assertTrue(b.repository().get(key).isEmpty());
        assertEquals("JdbcPhotoRepository[H2 in memory]", a.repository().toString());
        a.close();
        b.close();
        a.close();      // again: nothing happens
        GalerlyException closed = assertThrows(GalerlyException.class, () -> a.repository().get(key));
        assertEquals(ErrorCode.CONFIGURATION, closed.code(), closed.getMessage());
        assertEquals("the embedded photo store (H2 in memory) is closed; open a new one", closed.getMessage());
        EmbeddedPhotoStore c = EmbeddedPhotoStore.inMemory();
        assertTrue(c.repository().get(key).isEmpty(), "a new in-memory store starts empty");
        c.close();
    }

    @Test
    void aFileStoreNeedsAFileName() {
        assertThrows(IllegalArgumentException.class, () -> EmbeddedPhotoStore.file(Path.of("/")));
        assertThrows(IllegalArgumentException.class, () -> EmbeddedPhotoStore.file(Path.of("/tmp/a;b")));
    }
}
