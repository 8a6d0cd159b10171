/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.hostile;

import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/** Small files built to cost: each is a few KB to a few hundred KB and declares far more work than its size. */
public final class HostileFiles {
    private HostileFiles() {
    }

    /** A 1-bit greyscale PNG of {@code side x side} black pixels (14000: 196 MP in about 24 KB). */
    public static byte[] onebitPng(int side) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(side).putInt(side);
        ihdr.put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(out, "IHDR", ihdr.array());
        Deflater deflater = new Deflater(9);
        byte[] row = new byte[1 + (side + 7) / 8];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        for (int y = 0; y < side; y++) {
            deflater.setInput(row);
            while (!deflater.needsInput()) {
                idat.write(buf, 0, deflater.deflate(buf));
            }
        }
        deflater.finish();
        while (!deflater.finished()) {
            idat.write(buf, 0, deflater.deflate(buf));
        }
        chunk(out, "IDAT", idat.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /**
     * A progressive JPEG of {@code width x height} whose last scan (an AC refinement) is repeated until the file has
     * {@code scans} scans: thousands of tiny scans, each one a pass over every block.
     */
    public static byte[] manyScanJpeg(int width, int height, int scans) {
        byte[] jpeg = ImageFiles.progressiveJpeg(SyntheticImages.photo(width, height, 7), 80);
        int lastSos = -1;
        int count = 0;
        for (int i = 0; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                lastSos = i;
                count++;
            }
        }
        int eoi = jpeg.length - 2;
        byte[] last = java.util.Arrays.copyOfRange(jpeg, lastSos, eoi);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, eoi);
        for (int i = count; i < scans; i++) {
            out.writeBytes(last);
        }
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    /** A baseline JPEG whose first Huffman table over-subscribes its 1-bit codes (counts stay the same in total). */
    public static byte[] oversubscribedHuffmanJpeg() {
        byte[] jpeg = ImageFiles.jpeg(SyntheticImages.photo(64, 48, 3), 80);
        for (int i = 0; i + 4 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC4) {
                int counts = i + 5;
                for (int len = 15; len >= 1; len--) {
                    if ((jpeg[counts + len] & 0xFF) >= 3) {
                        jpeg[counts + len] -= 3;
                        jpeg[counts] += 3;              // 3+ codes of 1 bit: more than 2 can exist
                        return jpeg;
                    }
                }
            }
        }
        throw new IllegalStateException("no DHT to corrupt");
    }

    /**
     * A little-endian TIFF whose first directory leads, through SubIFDs (tag 330), to a chain {@code depth}
     * directories deep (each 18 bytes): a reader that follows SubIFDs recursively runs out of stack.
     */
    public static byte[] nestedSubIfdTiff(int depth) {
        byte[] image = ImageFiles.tiff(SyntheticImages.photo(16, 16, 5));
        ByteBuffer in = ByteBuffer.wrap(image).order(image[0] == 'I' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        int ifd0 = in.getInt(4);
        int entries = in.getShort(ifd0) & 0xFFFF;
        int chainStart = image.length + (image.length & 1);
        ByteBuffer out = ByteBuffer.allocate(chainStart + depth * 18 + 64 + 12 * (entries + 1) + 6).order(in.order());
        out.put(image);
        // the chain: each directory has one entry, SubIFDs -> the next directory
        for (int d = 0; d < depth; d++) {
            int at = chainStart + d * 18;
            out.position(at);
            out.putShort((short) 1);
            out.putShort((short) 330).putShort((short) 13).putInt(1)
                    .putInt(d + 1 < depth ? at + 18 : 0);                   // IFD type, count 1, offset
            out.putInt(0);                                                  // no next directory
        }
        // a copy of IFD0 with a SubIFDs entry appended, made the first directory
        int copy = chainStart + depth * 18;
        copy += copy & 1;
        out.position(copy);
        out.putShort((short) (entries + 1));
        boolean placed = false;
        for (int e = 0; e < entries; e++) {
            int tag = in.getShort(ifd0 + 2 + 12 * e) & 0xFFFF;
            if (!placed && tag > 330) {
                subIfd(out, chainStart);
                placed = true;
            }
            out.put(image, ifd0 + 2 + 12 * e, 12);
        }
        if (!placed) {
            subIfd(out, chainStart);
        }
        out.putInt(0);
        out.putInt(4, copy);
        return java.util.Arrays.copyOf(out.array(), out.position());
    }

    private static void subIfd(ByteBuffer out, int target) {
        out.putShort((short) 330).putShort((short) 13).putInt(1).putInt(target);
    }

    /** A GIF of a {@code side x side} canvas with {@code frames} 1x1 frames. */
    public static byte[] manyFrameGif(int side, int frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("GIF89a".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(side & 0xFF);
        out.write(side >> 8);
        out.write(side & 0xFF);
        out.write(side >> 8);
        out.write(0x80);                                  // global colour table of 2 entries
        out.write(0);
        out.write(0);
        out.writeBytes(new byte[] {0, 0, 0, (byte) 255, (byte) 255, (byte) 255});
        for (int f = 0; f < frames; f++) {
            out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 0, 1, 0, 0, 0});            // 10 ms
            out.write(0x2C);
            int x = f % side;
            int y = (f / side) % side;
            out.writeBytes(new byte[] {(byte) x, (byte) (x >> 8), (byte) y, (byte) (y >> 8), 1, 0, 1, 0, 0});
            out.writeBytes(new byte[] {2, 2, 0x4C, 0x01, 0});                           // LZW: clear, 1, end
        }
        out.write(0x3B);
        return out.toByteArray();
    }

    /** A baseline JPEG carrying {@code mib} MiB of metadata: APP2 ICC chunks of garbage and a large XMP APP1. */
    public static byte[] hugeMetadataJpeg(int mib) {
        byte[] jpeg = ImageFiles.jpeg(SyntheticImages.photo(320, 240, 9), 80);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int chunks = Math.max(1, mib * 1024 * 1024 / 65000);
        byte[] icc = new byte[65000 - 14];
        new java.util.Random(1).nextBytes(icc);
        for (int c = 0; c < chunks; c++) {
            int length = 2 + 14 + icc.length;
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length});
            out.writeBytes("ICC_PROFILE\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(Math.min(255, c + 1));
            out.write(Math.min(255, chunks));
            out.writeBytes(icc);
        }
        byte[] xmp = ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + "x".repeat(60000) + "</x:xmpmeta>")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        int length = 2 + xmp.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes(xmp);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
