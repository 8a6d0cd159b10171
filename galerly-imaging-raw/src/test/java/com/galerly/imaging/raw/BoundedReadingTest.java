/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.raw.TiffLayout.Data;
import com.galerly.imaging.raw.TiffLayout.Ifd;
import com.galerly.testkit.image.RenditionAssertions;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finding the preview of a multi-gigabyte RAW reads kilobytes, not the file: from a stream (counted byte by byte),
 * from a sparse file on disk, in a JVM of 256 MB heap.
 */
@Timeout(60)
class BoundedReadingTest {
    private static final long SENSOR_AT = 3L << 30;             // 3 GiB in
    private static final long SENSOR_BYTES = 60L << 20;
    private static final long TOTAL = SENSOR_AT + SENSOR_BYTES;
    private static final ImageProcessor PROCESSOR = GalerlyImaging.processor(
            com.galerly.core.image.ProcessorSettings.of(s -> s.maxBytes(8L << 30)));

    /** A NEF whose structures and previews fill the first kilobytes and whose sensor data ends 3 GiB later. */
    private static byte[] head() {
        TiffLayout t = new TiffLayout();
        Ifd ifd0 = new Ifd(ByteOrder.BIG_ENDIAN);
        t.add(new TiffLayout.Header(8, l -> ByteBuffer.allocate(8).put((byte) 'M').put((byte) 'M').putShort((short) 42)
                .putInt((int) l.position(ifd0)).array()));
        t.add(ifd0);
        Ifd jpeg = t.ifd(ByteOrder.BIG_ENDIAN);
        Ifd cfa = t.ifd(ByteOrder.BIG_ENDIAN);
        Data preview = t.data(RawFixtures.preview(6));
        ifd0.longs(0x00FE, 1).ascii(0x010F, "NIKON CORPORATION").ascii(0x0110, "NIKON Z 9").shorts(0x0112, 6)
                .offsets(0x014A, jpeg, cfa);
        jpeg.shorts(0x0103, 6).offset(0x0201, 4, preview).length(0x0202, preview);
        cfa.longs(0x0100, 8256).longs(0x0101, 5504).shorts(0x0103, 34713).shorts(0x0106, 32803)
                .longs(0x0111, SENSOR_AT).longs(0x0117, SENSOR_BYTES);
        return t.build();
    }

    /** {@code head} then zeros up to {@code TOTAL} bytes, produced on demand; counts what is read and skipped. */
    private static final class HugeStream extends InputStream {
        private final byte[] head;
        private final AtomicLong read;
        private long at;

        HugeStream(byte[] head, AtomicLong read) {
            this.head = head;
            this.read = read;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= TOTAL) {
                return -1;
            }
            int n = (int) Math.min(len, TOTAL - at);
            for (int i = 0; i < n; i++) {
                b[off + i] = at + i < head.length ? head[(int) (at + i)] : 0;
            }
            at += n;
            read.addAndGet(n);
            return n;
        }

        @Override
        public long skip(long n) {
            long s = Math.max(0, Math.min(n, TOTAL - at));
            at += s;
            return s;
        }
    }

    @Test
    void aStreamedRawIsReadOnlyAsFarAsItsPreview() {
        byte[] head = head();
        AtomicLong read = new AtomicLong();
        AtomicInteger opened = new AtomicInteger();
        ImageSource source = ImageSource.of("huge.nef", TOTAL, () -> {
            opened.incrementAndGet();
            return new HugeStream(head, read);
        });
        ProcessedImage out = PROCESSOR.process(source, RenditionProfile.standard());
        assertEquals(ImageFormat.RAW, out.info().format());
        assertEquals("8256x5504", out.info().metadata().get("SensorSize"));
        RenditionAssertions.assertQuadrants(RenditionAssertions.largest(out), 24, "huge.nef");
        assertTrue(read.get() < 2L * 1024 * 1024, "read " + read.get() + " bytes of " + TOTAL);
        assertEquals(1, opened.get(), "one pass over the stream");
    }

    /** A NEF whose full-size preview lies past the first MiB, followed by sensor data and then a smaller preview. */
    private static byte[] previewPastTheFirstMegabyte() {
        TiffLayout t = new TiffLayout();
        Ifd ifd0 = new Ifd(ByteOrder.BIG_ENDIAN);
        t.add(new TiffLayout.Header(8, l -> ByteBuffer.allocate(8).put((byte) 'M').put((byte) 'M').putShort((short) 42)
                .putInt((int) l.position(ifd0)).array()));
        t.add(ifd0);
        Ifd jpeg = t.ifd(ByteOrder.BIG_ENDIAN);
        Ifd small = t.ifd(ByteOrder.BIG_ENDIAN);
        Ifd cfa = t.ifd(ByteOrder.BIG_ENDIAN);
        Data padding = t.data(RawFixtures.sensor(1200 * 1024));
        Data full = t.data(RawFixtures.preview(1));
        Data sensor = t.data(RawFixtures.sensor(1200 * 1024));
        Data medium = t.data(RawFixtures.grey(240, 160));
        ifd0.longs(0x00FE, 1).ascii(0x010F, "NIKON CORPORATION").shorts(0x0112, 1).offsets(0x014A, jpeg, small, cfa);
        jpeg.shorts(0x0103, 6).offset(0x0201, 4, full).length(0x0202, full);
        small.shorts(0x0103, 6).offset(0x0201, 4, medium).length(0x0202, medium);
        cfa.longs(0x0100, 6048).longs(0x0101, 4024).shorts(0x0103, 34713).shorts(0x0106, 32803).offset(0x0111, 4, padding)
                .length(0x0117, padding);
        return t.build();
    }

    @Test
    void aPreviewBehindTheStreamIsReadAgainFromAReopenableSource() {
        byte[] nef = previewPastTheFirstMegabyte();
        AtomicInteger opened = new AtomicInteger();
        ImageSource reopenable = ImageSource.of("far.nef", nef.length, () -> {
            opened.incrementAndGet();
            return new java.io.ByteArrayInputStream(nef);
        });
        RenditionAssertions.assertQuadrants(RenditionAssertions.largest(PROCESSOR.process(reopenable, RenditionProfile.standard())), 24, "far.nef");
        assertEquals(2, opened.get(), "probing the later preview moved past the chosen one: one more pass");

        GalerlyException e = assertThrows(GalerlyException.class, () -> PROCESSOR.process(
                ImageSource.ofStream("once.nef", nef.length, new java.io.ByteArrayInputStream(nef)),
                RenditionProfile.standard()));
        assertEquals(ErrorCode.IO_ERROR, e.code(), e.getMessage());
        assertTrue(!e.retryable() && e.getMessage().contains("cannot be read again"), e.getMessage());
    }

    @Test
    void aSparseFileOnDiskIsReadAtRandom(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("huge.nef");
        Files.write(file, head());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(TOTAL);                         // sparse: no disk blocks behind the sensor data
        }
        ProcessedImage out = PROCESSOR.process(ImageSource.of(file), RenditionProfile.standard());
        RenditionAssertions.assertQuadrants(RenditionAssertions.largest(out), 24, "huge.nef");
    }

    @Test
    void aSparseFileCutBeforeItsSensorDataIsCorrupt(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cut.nef");
        Files.write(file, head());
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(SENSOR_AT + 1000);
        }
        GalerlyException e = assertThrows(GalerlyException.class,
                () -> PROCESSOR.process(ImageSource.of(file), RenditionProfile.standard()));
        assertEquals(ErrorCode.CORRUPT_IMAGE, e.code());
        assertTrue(e.getMessage().contains("past the end of the file"), e.getMessage());
    }
}
