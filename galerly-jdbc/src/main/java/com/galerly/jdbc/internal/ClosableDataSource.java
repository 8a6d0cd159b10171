/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc.internal;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that refuses connections once closed, with a message naming what was closed (an embedded H2
 * database would otherwise answer a closed in-memory database with a new, empty one).
 */
public final class ClosableDataSource implements DataSource {
    private final DataSource delegate;
    private final String name;
    private volatile boolean closed;

    public ClosableDataSource(DataSource delegate, String name) {
        this.delegate = delegate;
        this.name = name;
    }

    /** Refuses every later connection; returns false when it was already closed. */
    public boolean markClosed() {
        boolean was = closed;
        closed = true;
        return !was;
    }

    public boolean isClosed() {
        return closed;
    }

    @Override
    public Connection getConnection() throws SQLException {
        requireOpen();
        return delegate.getConnection();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        requireOpen();
        return delegate.getConnection(user, password);
    }

    private void requireOpen() {
        if (closed) {
            throw new GalerlyException(ErrorCode.CONFIGURATION, "the embedded photo store (" + name
                    + ") is closed; open a new one");
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(delegate) ? type.cast(delegate) : delegate.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(delegate) || delegate.isWrapperFor(type);
    }

    @Override
    public String toString() {
        return name;
    }
}
