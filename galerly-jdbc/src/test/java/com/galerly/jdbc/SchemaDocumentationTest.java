/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.jdbc;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/records.md shows the schema file of the jar as it is (the build runs from galerly-jdbc/). */
class SchemaDocumentationTest {
    @Test
    void theDocsShowTheSchemaFileVerbatim() throws IOException {
        String sql;
        try (InputStream in = JdbcPhotoRepository.class.getResourceAsStream("V1__photos.sql")) {
            assertNotNull(in, "V1__photos.sql is in the jar next to JdbcPhotoRepository");
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("records.md");
        assertTrue(Files.readString(docs).contains("```sql\n" + sql + "```"),
                docs + " must show V1__photos.sql verbatim; update it with the schema");
    }
}
