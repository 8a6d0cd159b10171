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
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.photo.PageRequest;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** What a caller sees when the database cannot be reached: a retryable IO_ERROR naming the operation. */
class JdbcPhotoRepositoryFaultTest {
    /** A pool that has no connection to give (the database is failing over). */
    private static final class Unreachable implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLTransientConnectionException("Connection refused", "08001");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    @Test
    void anUnreachableDatabaseIsARetryableIoError() {
        JdbcPhotoRepository photos = JdbcPhotoRepository.create(new Unreachable(), Clock.systemUTC());
        PhotoKey key = new PhotoKey(GalleryId.of("g"), PhotoId.generator(Clock.systemUTC()).next());
        for (Runnable call : new Runnable[] {() -> photos.get(key), () -> photos.list(key.gallery(), PageRequest.first()),
                () -> photos.delete(key), photos::deleteExpiredPending, photos::createSchema}) {
            GalerlyException e = assertThrows(GalerlyException.class, call::run);
            assertEquals(ErrorCode.IO_ERROR, e.code());
            assertTrue(e.retryable(), e.getMessage());
            assertTrue(e.getMessage().contains("08001"), e.getMessage());
        }
        assertEquals("JdbcPhotoRepository[Unreachable]", photos.toString());
    }
}
