/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.spi.FileNames;
import java.nio.charset.StandardCharsets;
import com.galerly.testkit.property.Cases;
import com.galerly.testkit.property.Generator;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileNameHeadersTest {
    @Test
    void keepsOrdinaryNames() {
        assertEquals(Optional.of("DSC_0042.JPG"), FileNames.sanitize("DSC_0042.JPG"));
        assertEquals(Optional.of("Été à Paris.jpg"), FileNames.sanitize("Été à Paris.jpg"));
        assertEquals(Optional.of("写真 1.heic"), FileNames.sanitize("写真 1.heic"));
    }

    @Test
    void dropsPathsControlsAndTricks() {
        assertEquals(Optional.of("passwd"), FileNames.sanitize("../../etc/passwd"));
        assertEquals(Optional.of("evil.jpg"), FileNames.sanitize("C:\\Users\\x\\..\\evil.jpg"));
        assertEquals(Optional.of("ab.jpg"), FileNames.sanitize("a\u0000b\r\n.jpg"));
        assertEquals(Optional.of("photo_gpj.exe"), FileNames.sanitize("photo_\u202Egpj.exe"), "no bidi override");
        assertEquals(Optional.of("a b.jpg"), FileNames.sanitize("  a \t\u00a0 b.jpg  "));
        assertEquals(Optional.of("hidden"), FileNames.sanitize(".hidden"));
        assertEquals(Optional.empty(), FileNames.sanitize(".."));
        assertEquals(Optional.empty(), FileNames.sanitize("\u200b\u200d"));
        assertEquals(Optional.empty(), FileNames.sanitize(null));
    }

    @Test
    void capsLongNamesKeepingTheExtension() {
        String name = "é".repeat(2000) + ".jpeg";
        String kept = FileNames.sanitize(name).orElseThrow();
        assertTrue(kept.getBytes(StandardCharsets.UTF_8).length <= FileNames.MAX_UTF8_BYTES);
        assertTrue(kept.endsWith("é.jpeg"), kept);
    }

    @Test
    void writesContentDispositionForOldAndNewBrowsers() {
        assertEquals("attachment; filename=\"_t_ _1__.jpg\"; filename*=UTF-8''%C3%89t%C3%A9%20%221%22%25.jpg",
                FileNameHeaders.contentDisposition("Été \"1\"%.jpg"));
    }

    /** Whatever a client sends as a file name, what is kept is one printable segment that fits in metadata. */
    @Test
    void anyNameBecomesHarmless() {
        Cases.check(500, g -> g.string(Generator.ANY_CHARS, 0, 2048), FileNameHeadersTest::becomesHarmless);
    }

    private static void becomesHarmless(String raw) {
        FileNames.sanitize(raw).ifPresent(name -> {
            assertFalse(name.isEmpty());
            assertFalse(name.contains("/") || name.contains("\\"), name);
            assertFalse(name.startsWith(".") || name.startsWith(" ") || name.endsWith(" "), name);
            assertTrue(name.getBytes(StandardCharsets.UTF_8).length <= FileNames.MAX_UTF8_BYTES, name);
            name.codePoints().forEach(cp -> {
                int type = Character.getType(cp);
                assertTrue(type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE,
                        "code point " + Integer.toHexString(cp));
            });
            String ascii = FileNameHeaders.toAscii(name);
            assertTrue(ascii.chars().allMatch(c -> c >= 0x20 && c < 0x7f), ascii);
            assertTrue(ascii.length() <= 3 * FileNames.MAX_UTF8_BYTES);
            assertEquals(name, FileNameHeaders.fromAscii(ascii));
            assertTrue(FileNameHeaders.contentDisposition(name).chars().allMatch(c -> c >= 0x20 && c < 0x7f));
        });
    }
}
