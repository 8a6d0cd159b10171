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
import com.galerly.jdbc.internal.SchemaMigrations;
import org.junit.jupiter.api.Test;

/** docs/records.md shows every schema file of the jar as it is (the build runs from galerly-jdbc/). */
class SchemaDocumentationTest {
    @Test
    void theDocsShowEverySchemaFileVerbatim() throws IOException {
        Path docs = Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("records.md");
        String text = Files.readString(docs);
        for (SchemaMigrations.Script script : SchemaMigrations.SCRIPTS) {
            String file = script.resource().substring(script.resource().lastIndexOf('/') + 1);
            String sql;
            try (InputStream in = JdbcPhotoRepository.class.getResourceAsStream(script.resource())) {
                assertNotNull(in, file + " is in the jar next to JdbcPhotoRepository");
                sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertTrue(text.contains("```sql\n" + sql + "```"), docs + " must show " + file + " verbatim");
        }
    }
}
