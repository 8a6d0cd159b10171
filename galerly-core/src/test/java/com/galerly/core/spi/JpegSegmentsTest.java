/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JpegSegmentsTest {
    /** SOI, APP0 (3 payload bytes), DQT (1), SOS (2), entropy data with stuffing and restarts, EOI. */
    private static final byte[] JPEG = bytes(
            0xFF, 0xD8,
            0xFF, 0xE0, 0x00, 0x05, 'J', 'F', 'I',
            0xFF, 0xDB, 0x00, 0x03, 0x07,
            0xFF, 0xDA, 0x00, 0x04, 0x01, 0x02,
            0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD7, 0xFF, 0xFF, 0x00, 0x78,
            0xFF, 0xD9);

    /** Both kinds of input: the byte array and the one-byte-at-a-time {@link JpegSegments.Input}. */
    private static JpegSegments walk(byte[] b, boolean array) {
        if (array) {
            return JpegSegments.of(b, 2, b.length);
        }
        return JpegSegments.of(offset -> offset < b.length ? b[(int) offset] & 0xFF : -1, 2, Long.MAX_VALUE);
    }

    /** marker@offset+length (and ~skipped when stray bytes came before it) for every segment up to EOI. */
    private static List<String> all(JpegSegments s) throws IOException {
        List<String> out = new ArrayList<>();
        while (s.next()) {
            out.add(String.format("%02X@%d+%d", s.marker(), s.offset(), s.length())
                    + (s.skipped() > 0 ? "~" + s.skipped() : ""));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void walksSegmentsAndSkipsEntropyDataWithStuffingAndRestarts(boolean array) throws IOException {
        JpegSegments s = walk(JPEG, array);
        assertEquals(List.of("E0@2+3", "DB@9+1", "DA@14+2", "D9@33+0"), all(s));
        assertFalse(s.next(), "nothing after EOI");
        assertEquals(-1, JpegSegments.of(JPEG, 0, JPEG.length).marker());
    }

    @Test
    void describesPayloadAndEnd() throws IOException {
        JpegSegments s = JpegSegments.of(JPEG, 2, JPEG.length);
        assertTrue(s.next());
        assertEquals(JpegSegments.APP0, s.marker());
        assertEquals(6, s.payload());
        assertEquals(3, s.length());
        assertEquals(9, s.end());
        assertEquals('J', JPEG[(int) s.payload()]);
        assertEquals(0, s.skipped());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "fill bytes: passed over to the last FF | FFD8 FFFFFFFE000341 FFFFD9 | FE@4+1 D9@10+0",
        "parameterless markers: no length | FFD8 FFD3 FF01 FFFE0002 FFD9 | D3@2+0 01@4+0 FE@6+0 D9@10+0",
        "stray bytes and a stray FF 00: counted | FFD8 1234 FF00 FFFE0002 FFD9 | FE@6+0~4 D9@10+0",
        "a zero-length payload | FFD8 FFDD0002 FFD9 | DD@2+0 D9@6+0"})
    void walks(String what, String hex, String expected) throws IOException {
        byte[] b = java.util.HexFormat.of().parseHex(hex.replace(" ", ""));
        for (boolean array : new boolean[] {true, false}) {
            assertEquals(List.of(expected.split(" ")), all(walk(b, array)), what + (array ? "" : ", one byte at a time"));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aSegmentRunningPastTheEndIsTruncated(boolean array) throws IOException {
        byte[] b = bytes(0xFF, 0xD8, 0xFF, 0xE1, 0x01, 0x00, 'E', 'x', 'i', 'f');
        JpegSegments s = walk(b, array);
        JpegSegments.Truncated e = assertThrows(JpegSegments.Truncated.class, s::next);
        assertEquals(JpegSegments.APP1, e.marker());
        assertEquals(2, e.offset());
        assertTrue(e.getMessage().contains("0xE1"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aLengthFieldCutInHalfIsTruncated(boolean array) {
        byte[] b = bytes(0xFF, 0xD8, 0xFF, 0xDB, 0x00);
        JpegSegments.Truncated e = assertThrows(JpegSegments.Truncated.class, walk(b, array)::next);
        assertEquals(JpegSegments.DQT, e.marker());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1})
    void aLengthUnderTwoIsMalformed(int length) {
        byte[] b = bytes(0xFF, 0xD8, 0xFF, 0xFE, 0x00, length, 0xFF, 0xD9);
        for (boolean array : new boolean[] {true, false}) {
            JpegSegments.Malformed e = assertThrows(JpegSegments.Malformed.class, walk(b, array)::next);
            assertEquals("JPEG segment 0xFE at byte 2 has length " + length, e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aLengthPointingPastAShorterRangeIsTruncatedThere(boolean array) {
        // the segment fits the array but not the range walked (an embedded preview inside a larger file)
        byte[] b = bytes(0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x06, 1, 2, 3, 4, 0xFF, 0xD9);
        JpegSegments s = array ? JpegSegments.of(b, 2, 8)
                : JpegSegments.of(offset -> b[(int) offset] & 0xFF, 2, 8);
        assertThrows(JpegSegments.Truncated.class, s::next);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aMissingEoiIsTruncated(boolean array) throws IOException {
        byte[] b = Arrays.copyOf(JPEG, JPEG.length - 2);
        JpegSegments s = walk(b, array);
        for (int i = 0; i < 3; i++) {
            assertTrue(s.next());
        }
        JpegSegments.Truncated inScan = assertThrows(JpegSegments.Truncated.class, s::next);
        assertEquals(-1, inScan.marker());
        assertEquals(20, inScan.offset(), "where the entropy-coded data began");

        byte[] noScan = bytes(0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x02);
        JpegSegments t = walk(noScan, array);
        assertTrue(t.next());
        assertThrows(JpegSegments.Truncated.class, t::next);
    }

    @Test
    void truncationIsAnEofException() {
        assertTrue(java.io.EOFException.class.isAssignableFrom(JpegSegments.Truncated.class));
    }

    @Test
    void resumesWhereACallerReadTheEntropyDataItself() throws IOException {
        JpegSegments s = JpegSegments.of(JPEG, 2, JPEG.length);
        while (s.next() && s.marker() != JpegSegments.SOS) {
            // up to the scan
        }
        s.resumeAt(31);                                          // the caller found FF D9 itself
        assertTrue(s.next());
        assertEquals(JpegSegments.EOI, s.marker());
        assertThrows(IllegalArgumentException.class, () -> s.resumeAt(JPEG.length + 1));
    }

    @Test
    void walksARangeInsideALargerArray() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {9, 9, 9});
        out.writeBytes(JPEG);
        out.writeBytes(new byte[] {9, 9});
        byte[] b = out.toByteArray();
        JpegSegments s = JpegSegments.of(b, 5, 3 + JPEG.length);
        assertEquals(List.of("E0@5+3", "DB@12+1", "DA@17+2", "D9@36+0"), all(s));
    }

    @Test
    void validatesItsArguments() {
        assertThrows(IndexOutOfBoundsException.class, () -> JpegSegments.of(JPEG, 2, JPEG.length + 1));
        assertThrows(IndexOutOfBoundsException.class, () -> JpegSegments.of(JPEG, 5, 4));
        assertThrows(NullPointerException.class, () -> JpegSegments.of((byte[]) null, 0, 0));
        assertThrows(NullPointerException.class, () -> JpegSegments.of((JpegSegments.Input) null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> JpegSegments.of(o -> -1, -1, 10));
        assertTrue(JpegSegments.parameterless(JpegSegments.SOI));
        assertFalse(JpegSegments.parameterless(JpegSegments.DRI));
        assertTrue(JpegSegments.startsWithSoi(JPEG));
        assertFalse(JpegSegments.startsWithSoi(new byte[] {(byte) 0xFF}));
        assertTrue(JpegSegments.frameHeader(0xC2));
        assertFalse(JpegSegments.frameHeader(JpegSegments.DHT));
        assertFalse(JpegSegments.frameHeader(JpegSegments.DAC));
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
