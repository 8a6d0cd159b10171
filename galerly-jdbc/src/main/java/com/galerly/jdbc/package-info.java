/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
/**
 * Photo records on a SQL database through plain JDBC: {@link com.galerly.jdbc.JdbcPhotoRepository} on
 * PostgreSQL or Aurora PostgreSQL, and {@link com.galerly.jdbc.EmbeddedPhotoStore}, an in-process H2 database
 * that needs nothing installed. The schema is the versioned SQL file {@code com/galerly/jdbc/V1__photos.sql}
 * in this jar.
 */
package com.galerly.jdbc;
