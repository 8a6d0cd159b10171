/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How EXIF rationals read in the metadata: whole numbers, 1/n exposure times, else at most four decimals. */
class ExifRationalTest {
    @Test
    void theShapesCamerasWrite() {
        assertEquals("5.6", Exif.rational(56, 10));
        assertEquals("1/250", Exif.rational(1, 250));
        assertEquals("10", Exif.rational(10, 1));
        assertEquals("0.6667", Exif.rational(2, 3));
        assertEquals("-0.3333", Exif.rational(-1, 3));
        assertEquals("123456.789", Exif.rational(123456789, 1000));
        assertEquals("0", Exif.rational(3, 200000));
        assertNull(Exif.rational(5, 0));
    }

    /** The same text as the {@code %.4f} it replaced (which set up a Formatter and two regular expressions). */
    @Test
    void asFourDecimalsWithTrailingZerosDropped() {
        for (long den = 1; den <= 400; den += 3) {
            for (long num = 1; num <= 5000; num += 7) {
                String s = String.format(Locale.ROOT, "%.4f", (double) num / den).replaceAll("0+$", "")
                        .replaceAll("\\.$", "");
                String expected = num % den == 0 ? Long.toString(num / den)
                        : num < den && den % num == 0 ? "1/" + den / num : s;
                assertEquals(expected, Exif.rational(num, den), num + "/" + den);
            }
        }
    }
}
