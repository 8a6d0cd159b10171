/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * A data source whose connections count the statements they prepare or create (to hold code to a request budget)
 * and fail the preparation of those whose SQL {@code failing} matches, as a connection lost at that moment would.
 */
final class InstrumentedDataSource {
    private InstrumentedDataSource() {
    }

    static DataSource wrap(DataSource delegate, AtomicInteger statements, Predicate<String> failing) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(method, delegate, args);
                    return result instanceof Connection c ? connection(c, statements, failing) : result;
                });
    }

    private static Connection connection(Connection delegate, AtomicInteger statements, Predicate<String> failing) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") || method.getName().equals("createStatement")) {
                        statements.incrementAndGet();
                        if (args != null && args.length > 0 && args[0] instanceof String sql && failing.test(sql)) {
                            throw new SQLTransientConnectionException("injected: connection lost before " + sql, "08006");
                        }
                    }
                    return invoke(method, delegate, args);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
