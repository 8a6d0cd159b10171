/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteFieldsTest {
    @Test
    void readsUnsignedFieldsInBothOrdersAsByteBufferDoes() {
        Random random = new Random(21);
        byte[] b = new byte[64];
        for (int n = 0; n < 200; n++) {
            random.nextBytes(b);
            int at = random.nextInt(60);
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                ByteBuffer buffer = ByteBuffer.wrap(b).order(order);
                assertEquals(buffer.getShort(at) & 0xFFFF, ByteFields.u16(b, at, order));
                assertEquals(buffer.getInt(at) & 0xFFFFFFFFL, ByteFields.u32(b, at, order));
                int u24 = order == ByteOrder.BIG_ENDIAN ? buffer.getInt(at) >>> 8 : buffer.getInt(at) & 0xFFFFFF;
                assertEquals(u24, ByteFields.u24(b, at, order));
            }
        }
        byte[] ones = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
        assertEquals(0xFFFFFFFFL, ByteFields.u32(ones, 0, ByteOrder.BIG_ENDIAN), "never negative");
    }

    @Test
    void matchesAsciiTagsWithoutReadingOutside() {
        byte[] box = {0, 0, 0, 24, 'f', 't', 'y', 'p'};
        assertTrue(ByteFields.ascii(box, 4, "ftyp"));
        assertFalse(ByteFields.ascii(box, 4, "ftypx"), "past the end");
        assertFalse(ByteFields.ascii(box, -1, "f"));
        assertFalse(ByteFields.ascii(box, 3, "ftyp"));
    }

    @Test
    void namesTheByteOrderOfATiffHeader() {
        assertEquals(ByteOrder.LITTLE_ENDIAN, ByteFields.tiffOrder(new byte[] {'I', 'I', 42, 0}, 0));
        assertEquals(ByteOrder.BIG_ENDIAN, ByteFields.tiffOrder(new byte[] {'M', 'M', 0, 42}, 0));
        assertNull(ByteFields.tiffOrder(new byte[] {'I', 'M'}, 0));
        assertNull(ByteFields.tiffOrder(new byte[] {'I'}, 0));
    }
}
