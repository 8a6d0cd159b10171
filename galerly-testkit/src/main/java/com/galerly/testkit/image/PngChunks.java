/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.image;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hand-written PNG chunks (iCCP, eXIf, tEXt) to add to a PNG, a header-only "bomb" PNG, and a chunk lister.
 *
 * <pre>{@code
 * byte[] p3 = PngChunks.insert(ImageFiles.png(image), PngChunks.iccp("Display P3", IccProfileData.displayP3()));
 * byte[] bomb = PngChunks.headerOnly(100_000, 100_000);      // 10 gigapixels declared, 70 bytes long
 * }</pre>
 */
public final class PngChunks {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private PngChunks() {
    }

    /** A complete chunk: length, type, data, CRC. */
    public static byte[] chunk(String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 12);
        out.writeBytes(u32(data.length));
        out.writeBytes(t);
        out.writeBytes(data);
        out.writeBytes(u32((int) crc.getValue()));
        return out.toByteArray();
    }

    /** iCCP: a named, zlib-compressed ICC profile. */
    public static byte[] iccp(String name, byte[] profile) {
        Deflater deflater = new Deflater();
        deflater.setInput(profile);
        deflater.finish();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(name.getBytes(StandardCharsets.ISO_8859_1));
        data.write(0);
        data.write(0);
        byte[] buf = new byte[8192];
        while (!deflater.finished()) {
            data.write(buf, 0, deflater.deflate(buf));
        }
        deflater.end();
        return chunk("iCCP", data.toByteArray());
    }

    /** eXIf holding {@code exif}'s TIFF structure. */
    public static byte[] exif(ExifData exif) {
        return chunk("eXIf", exif.tiff());
    }

    /** tEXt keyword/value. */
    public static byte[] text(String keyword, String value) {
        return chunk("tEXt", (keyword + "\0" + value).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Inserts complete chunks right after IHDR. */
    public static byte[] insert(byte[] png, byte[]... chunks) {
        return ByteSplice.at(png, 8 + 12 + 13, chunks);   // signature, then IHDR's length, type, 13 bytes, CRC
    }

    /** The chunk types of a PNG, in order. */
    public static List<String> types(byte[] png) {
        List<String> types = new ArrayList<>();
        int i = 8;
        while (i + 8 <= png.length) {
            int len = (png[i] & 0xFF) << 24 | (png[i + 1] & 0xFF) << 16 | (png[i + 2] & 0xFF) << 8 | png[i + 3] & 0xFF;
            types.add(new String(png, i + 4, 4, StandardCharsets.US_ASCII));
            if (len < 0) {
                break;
            }
            i += 12 + len;
        }
        return types;
    }

    /**
     * A PNG whose header declares {@code width x height} RGB pixels over a tiny (empty) image stream: a decoder
     * that trusts the header allocates gigabytes.
     */
    public static byte[] headerOnly(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
        ihdr.writeBytes(u32(width));
        ihdr.writeBytes(u32(height));
        ihdr.writeBytes(new byte[] {8, 2, 0, 0, 0});
        out.writeBytes(chunk("IHDR", ihdr.toByteArray()));
        out.writeBytes(chunk("IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01}));
        out.writeBytes(chunk("IEND", new byte[0]));
        return out.toByteArray();
    }

    private static byte[] u32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
