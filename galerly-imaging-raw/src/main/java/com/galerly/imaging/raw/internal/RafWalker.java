/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import com.galerly.imaging.spi.ByteFields;
import java.io.IOException;
import java.nio.ByteOrder;

/**
 * Reads the fixed header of a Fujifilm RAF: the camera name, and the offset and length of the embedded JPEG (whose
 * own EXIF carries the orientation) and of the sensor data, all big-endian at fixed places.
 */
final class RafWalker {
    private static final int HEADER = 108;

    private RafWalker() {
    }

    static RawLayout walk(ByteSource source) throws IOException {
        RawLayout layout = new RawLayout();
        layout.format = "RAF";
        layout.rawData = true;
        if (!source.contains(0, HEADER)) {
            layout.damaged("the RAF header is cut short (" + source.length() + " bytes)");
            return layout;
        }
        byte[] h = source.bytes(0, HEADER);
        layout.make = "FUJIFILM";
        String model = Bytes.text(h, 28, 32);
        layout.model = model.isEmpty() ? null : model;
        long jpeg = ByteFields.u32(h, 84, ByteOrder.BIG_ENDIAN);
        long jpegLength = ByteFields.u32(h, 88, ByteOrder.BIG_ENDIAN);
        layout.candidate(jpeg, jpegLength, "RAF JPEG");
        long cfa = ByteFields.u32(h, 100, ByteOrder.BIG_ENDIAN);
        long cfaLength = ByteFields.u32(h, 104, ByteOrder.BIG_ENDIAN);
        if (cfa > 0 && source.length() >= 0 && cfa + cfaLength > source.length()) {
            layout.truncated("sensor data ends at byte " + (cfa + cfaLength) + ", past the end of the file ("
                    + source.length() + " bytes)");
        }
        return layout;
    }
}
