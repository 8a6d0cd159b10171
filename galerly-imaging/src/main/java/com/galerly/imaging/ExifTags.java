/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import com.galerly.imaging.internal.BuiltIns;
import java.io.IOException;
import java.util.Map;
import javax.imageio.stream.ImageInputStream;

/**
 * What Galerly reads from an EXIF (TIFF) structure: the orientation and the readable camera fields that
 * {@link com.galerly.core.image.ImageInfo#metadata()} reports ({@code Make}, {@code Model}, {@code DateTimeOriginal},
 * {@code Artist}, {@code Copyright}...), never GPS. The built-in decoders use the same reader; decoder plugins use it
 * for the EXIF their container carries (a HEIF {@code Exif} item, a camera RAW's IFD0), so every format reports
 * the same fields under the same names. Every offset and count is bounded: the bytes are untrusted.
 *
 * <pre>{@code
 * byte[] item = ...;                                   // a HEIF Exif item: 4-byte offset, then the TIFF header
 * int skip = 4 + ByteBuffer.wrap(item).getInt();
 * ExifTags exif = ExifTags.read(item, skip, item.length - skip);
 * int orientation = exif.orientation();                // 1..8, 1 when absent or damaged
 * }</pre>
 *
 * @param orientation EXIF orientation 1..8 (1 when absent or invalid)
 * @param values      readable tags by name
 */
public record ExifTags(int orientation, Map<String, String> values) {
    /** No EXIF: orientation 1, no values. */
    public static final ExifTags NONE = new ExifTags(1, Map.of());

    public ExifTags {
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("orientation must be 1..8, was " + orientation);
        }
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    /**
     * Reads the TIFF structure ({@code II*\0} or {@code MM\0*}) held in {@code tiff[offset, offset + length)}. A
     * damaged structure never fails: it gives {@link #NONE} or whatever was readable before the damage.
     */
    public static ExifTags read(byte[] tiff, int offset, int length) {
        if (tiff == null || offset < 0 || length < 0 || offset > tiff.length - length) {
            return NONE;
        }
        return BuiltIns.exif(tiff, offset, length);
    }

    /**
     * Reads the TIFF structure starting at {@code base} of a random-access stream of {@code length} bytes (-1 when
     * unknown), following IFD0 and the EXIF sub-IFD only. The stream's position and byte order are left changed.
     *
     * @throws IOException when the stream fails or ends inside a structure it points to
     */
    public static ExifTags read(ImageInputStream in, long base, long length) throws IOException {
        return BuiltIns.exif(in, base, length);
    }
}
