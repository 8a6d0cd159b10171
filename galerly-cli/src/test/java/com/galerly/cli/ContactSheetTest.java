/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ContactSheetTest {
    /** Sizes read as {@code %.1f KiB} prints them, ties (1280 bytes: 1.25 KiB) rounded up, without a Formatter. */
    @Test
    void kilobytesPrintAsFormatterPrintsThem() {
        assertEquals("1023 B", ContactSheet.kilobytes(1023));
        assertEquals("1.3 KiB", ContactSheet.kilobytes(1280));
        for (long bytes = 1024; bytes < 3_000_000; bytes += 37) {
            assertEquals(String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0), ContactSheet.kilobytes(bytes));
        }
    }
}
