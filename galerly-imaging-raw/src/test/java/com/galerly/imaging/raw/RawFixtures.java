/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import com.galerly.imaging.raw.TiffLayout.Data;
import com.galerly.imaging.raw.TiffLayout.Ifd;
import com.galerly.imaging.raw.TiffLayout.Mark;
import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;

/**
 * Structurally valid camera RAW files of every container Galerly reads, built the way the cameras lay them out
 * (previews where each maker puts them, sensor data where it goes, a lossless raw stream where CR2 and DNG keep one):
 * the largest preview shows {@link SyntheticImages#quadrants} stored for the RAW's orientation, every smaller
 * preview and thumbnail is flat grey, so a test sees at once whether the right preview was rendered the right way up.
 */
final class RawFixtures {
    /** Displayed size of the largest preview. */
    static final int W = 480;
    static final int H = 320;
    static final int GREY = 0x808080;

    private static final ByteOrder II = ByteOrder.LITTLE_ENDIAN;
    private static final ByteOrder MM = ByteOrder.BIG_ENDIAN;

    /** The containers, with their extensions. */
    enum Container {
        CR2("cr2"), CR3("cr3"), NEF("nef"), ARW("arw"), DNG("dng"), ORF("orf"), PEF("pef"), RW2("rw2"), RAF("raf");

        final String extension;

        Container(String extension) {
            this.extension = extension;
        }
    }

    /**
     * One fixture.
     *
     * @param container   its container
     * @param orientation the RAW's orientation
     * @param bytes       the file
     */
    record Fixture(Container container, int orientation, byte[] bytes) {
        String name() {
            return "IMG_" + orientation + "." + container.extension;
        }

        /** Stored size of the largest preview. */
        int storedWidth() {
            return orientation >= 5 ? H : W;
        }

        int storedHeight() {
            return orientation >= 5 ? W : H;
        }
    }

    private RawFixtures() {
    }

    static Fixture of(Container c, int orientation) {
        return new Fixture(c, orientation, switch (c) {
            case CR2 -> cr2(orientation);
            case CR3 -> cr3(orientation);
            case NEF -> nef(orientation);
            case ARW -> arw(orientation);
            case DNG -> dng(orientation, true);
            case ORF -> orf(orientation);
            case PEF -> pef(orientation);
            case RW2 -> rw2(orientation);
            case RAF -> raf(orientation);
        });
    }

    /** The preview that must be rendered: quadrants as stored for {@code orientation}. */
    static byte[] preview(int orientation) {
        return ImageFiles.jpeg(SyntheticImages.storedFor(SyntheticImages.quadrants(W, H), orientation), 92);
    }

    static byte[] grey(int width, int height) {
        return ImageFiles.jpeg(SyntheticImages.solid(width, height, GREY), 80);
    }

    /** Stand-in sensor data: bytes no decoder would take for an image. */
    static byte[] sensor(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        b[0] = 0x12;
        return b;
    }

    /** A lossless JPEG stream (SOF3) as CR2 and DNG keep sensor data in: larger than any preview, never one. */
    static byte[] losslessStream(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC3, 0, 14, 14, (byte) (height >> 8), (byte) height,
            (byte) (width >> 8), (byte) width, 2, 1, 0x11, 0, 2, 0x11, 0});
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 10, 2, 1, 0, 2, 0, 1, 0, 0});
        out.writeBytes(sensor(8192));
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    /** An uncompressed RGB strip (the 160x120 thumbnails of IFD0 in NEF and DNG). */
    static byte[] rgb(int width, int height) {
        byte[] b = new byte[width * height * 3];
        java.util.Arrays.fill(b, (byte) 0x40);
        return b;
    }

    private static TiffLayout.Header header(ByteOrder order, int magic, TiffLayout.Piece ifd0) {
        return new TiffLayout.Header(8, l -> ByteBuffer.allocate(8).order(order)
                .put(order == II ? (byte) 'I' : (byte) 'M').put(order == II ? (byte) 'I' : (byte) 'M')
                .putShort((short) magic).putInt((int) l.position(ifd0)).array());
    }

    private static Ifd exif(TiffLayout t, ByteOrder order) {
        return t.ifd(order).ascii(0x9003, "2026:05:01 10:20:30").shorts(0x8827, 200);
    }

    /** Canon CR2: IFD0 holds the full-size JPEG as a strip, IFD1 a thumbnail, IFD2 small RGB, IFD3 the sensor data. */
    static byte[] cr2(int orientation) {
        TiffLayout t = new TiffLayout();
        Ifd[] raw = new Ifd[1];
        Ifd[] ifd0 = new Ifd[1];
        t.add(new TiffLayout.Header(16, l -> ByteBuffer.allocate(16).order(II).put((byte) 'I').put((byte) 'I')
                .putShort((short) 42).putInt((int) l.position(ifd0[0])).put((byte) 'C').put((byte) 'R')
                .put((byte) 2).put((byte) 0).putInt((int) l.position(raw[0])).array()));
        Ifd exif = exif(t, II);
        ifd0[0] = t.ifd(II);
        Ifd ifd1 = t.ifd(II);
        Ifd ifd2 = t.ifd(II);
        raw[0] = t.ifd(II);
        Data full = t.data(preview(orientation));
        Data thumb = t.data(grey(160, 120));
        Data small = t.data(rgb(24, 16));
        Data lossless = t.data(losslessStream(6000, 4000));
        ifd0[0].shorts(0x0100, orientation >= 5 ? H : W).shorts(0x0101, orientation >= 5 ? W : H)
                .shorts(0x0103, 6).ascii(0x010F, "Canon").ascii(0x0110, "Canon EOS 5D Mark IV")
                .offset(0x0111, 4, full).shorts(0x0112, orientation).length(0x0117, full).offset(0x8769, 4, exif)
                .next(ifd1);
        ifd1.offset(0x0201, 4, thumb).length(0x0202, thumb).next(ifd2);
        ifd2.shorts(0x0100, 24).shorts(0x0101, 16).shorts(0x0103, 1).shorts(0x0106, 2).offset(0x0111, 4, small)
                .length(0x0117, small).next(raw[0]);
        raw[0].shorts(0x0103, 6).offset(0x0111, 4, lossless).length(0x0117, lossless).shorts(0xC640, 1, 3000, 3000);
        return t.build();
    }

    /** Nikon NEF: IFD0 a 160x120 RGB thumbnail with SubIFDs [full-size JPEG, CFA data]; a makernote preview IFD. */
    static byte[] nef(int orientation) {
        TiffLayout t = new TiffLayout();
        Ifd ifd0 = new Ifd(MM);
        t.add(header(MM, 42, ifd0));
        t.add(ifd0);
        Ifd jpegIfd = t.ifd(MM);
        Ifd cfaIfd = t.ifd(MM);
        Ifd exif = exif(t, MM);
        Mark noteStart = t.mark();
        t.data(new byte[] {'N', 'i', 'k', 'o', 'n', 0, 2, 0x10, 0, 0, 'M', 'M', 0, 42, 0, 0, 0, 8});
        Ifd note = t.ifd(MM).base(noteStart, 10);
        Ifd notePreview = t.ifd(MM).base(noteStart, 10);
        Data medium = t.data(grey(320, 212));
        Mark noteEnd = t.mark();
        Data thumb = t.data(rgb(160, 120));
        Data full = t.data(preview(orientation));
        Data cfa = t.data(sensor(48 * 1024));
        ifd0.longs(0x00FE, 1).shorts(0x0100, 160).shorts(0x0101, 120).shorts(0x0103, 1).shorts(0x0106, 2)
                .ascii(0x010F, "NIKON CORPORATION").ascii(0x0110, "NIKON Z 6").offset(0x0111, 4, thumb)
                .shorts(0x0112, orientation).shorts(0x0115, 3).length(0x0117, thumb).offsets(0x014A, jpegIfd, cfaIfd)
                .offset(0x8769, 4, exif);
        jpegIfd.longs(0x00FE, 1).shorts(0x0103, 6).offset(0x0201, 4, full).length(0x0202, full);
        cfaIfd.longs(0x00FE, 0).longs(0x0100, 6048).longs(0x0101, 4024).shorts(0x0103, 34713).shorts(0x0106, 32803)
                .offset(0x0111, 4, cfa).length(0x0117, cfa);
        exif.region(0x927C, noteStart, noteEnd);
        note.offset(0x0011, 13, notePreview);
        notePreview.offset(0x0201, 4, medium).length(0x0202, medium);
        return t.build();
    }

    /** Sony ARW: the JPEG preview hangs off IFD0, IFD1 holds a thumbnail, a SubIFD the sensor data. */
    static byte[] arw(int orientation) {
        TiffLayout t = new TiffLayout();
        Ifd ifd0 = new Ifd(II);
        t.add(header(II, 42, ifd0));
        t.add(ifd0);
        Ifd ifd1 = t.ifd(II);
        Ifd cfaIfd = t.ifd(II);
        Ifd exif = exif(t, II);
        Data thumb = t.data(grey(160, 120));
        Data full = t.data(preview(orientation));
        Data cfa = t.data(sensor(48 * 1024));
        ifd0.longs(0x00FE, 1).shorts(0x0103, 6).ascii(0x010F, "SONY").ascii(0x0110, "ILCE-7M3")
                .shorts(0x0112, orientation).offsets(0x014A, cfaIfd).offset(0x0201, 4, full).length(0x0202, full)
                .offset(0x8769, 4, exif).next(ifd1);
        ifd1.offset(0x0201, 4, thumb).length(0x0202, thumb);
        cfaIfd.longs(0x00FE, 0).longs(0x0100, 6048).longs(0x0101, 4024).shorts(0x0103, 32767).shorts(0x0106, 32803)
                .offset(0x0111, 4, cfa).length(0x0117, cfa);
        return t.build();
    }

    /** Adobe DNG: IFD0 a thumbnail with DNGVersion; SubIFDs [CFA data as lossless JPEG, a JPEG preview]. */
    static byte[] dng(int orientation, boolean withPreview) {
        TiffLayout t = new TiffLayout();
        Ifd ifd0 = new Ifd(II);
        t.add(header(II, 42, ifd0));
        t.add(ifd0);
        Ifd cfaIfd = t.ifd(II);
        Ifd previewIfd = withPreview ? t.ifd(II) : null;
        Ifd exif = exif(t, II);
        Data thumb = t.data(rgb(256, 171));
        Data cfa = t.data(losslessStream(6000, 4000));
        Data full = withPreview ? t.data(preview(orientation)) : null;
        ifd0.longs(0x00FE, 1).shorts(0x0100, 256).shorts(0x0101, 171).shorts(0x0103, 1).shorts(0x0106, 2)
                .ascii(0x010F, "Leica Camera AG").ascii(0x0110, "LEICA Q2").offset(0x0111, 4, thumb)
                .shorts(0x0112, orientation).shorts(0x0115, 3).length(0x0117, thumb)
                .offsets(0x014A, withPreview ? new TiffLayout.Piece[] {cfaIfd, previewIfd} : new TiffLayout.Piece[] {cfaIfd})
                .offset(0x8769, 4, exif).bytes(0xC612, 1, new byte[] {1, 4, 0, 0});
        cfaIfd.longs(0x00FE, 0).longs(0x0100, 6000).longs(0x0101, 4000).shorts(0x0103, 7).shorts(0x0106, 32803)
                .offset(0x0111, 4, cfa).length(0x0117, cfa);
        if (withPreview) {
            previewIfd.longs(0x00FE, 1).longs(0x0100, orientation >= 5 ? H : W).longs(0x0101, orientation >= 5 ? W : H)
                    .shorts(0x0103, 7).shorts(0x0106, 6).offset(0x0111, 4, full).length(0x0117, full);
        }
        return t.build();
    }

    /** Olympus ORF: IFD0 is the sensor data; the preview sits in the makernote's CameraSettings. */
    static byte[] orf(int orientation) {
        TiffLayout t = new TiffLayout();
        Ifd ifd0 = new Ifd(II);
        t.add(header(II, 0x4F52, ifd0));
        t.add(ifd0);
        Ifd ifd1 = t.ifd(II);
        Ifd exif = exif(t, II);
        Mark noteStart = t.mark();
        t.data(new byte[] {'O', 'L', 'Y', 'M', 'P', 'U', 'S', 0, 'I', 'I', 3, 0});
        Ifd note = t.ifd(II).base(noteStart, 0);
        Ifd settings = t.ifd(II).base(noteStart, 0);
        Data full = t.data(preview(orientation));
        Mark noteEnd = t.mark();
        Data thumb = t.data(grey(160, 120));
        Data cfa = t.data(sensor(48 * 1024));
        ifd0.longs(0x00FE, 0).longs(0x0100, 5184).longs(0x0101, 3888).shorts(0x0103, 1)
                .ascii(0x010F, "OLYMPUS CORPORATION").ascii(0x0110, "E-M1MarkII").offset(0x0111, 4, cfa)
                .shorts(0x0112, orientation).length(0x0117, cfa).offset(0x8769, 4, exif).next(ifd1);
        ifd1.offset(0x0201, 4, thumb).length(0x0202, thumb);
        exif.region(0x927C, noteStart, noteEnd);
        note.shorts(0x0104, 1).offset(0x2020, 13, settings);
        settings.shorts(0x0100, 1).offset(0x0101, 4, full).length(0x0102, full);
        return t.build();
    }

    /** Pentax PEF: IFD0 is the sensor data; the preview's place is in the makernote, relative to the file. */
    static byte[] pef(int orientation) {
        TiffLayout t = new TiffLayout();
        Ifd ifd0 = new Ifd(MM);
        t.add(header(MM, 42, ifd0));
        t.add(ifd0);
        Ifd ifd1 = t.ifd(MM);
        Ifd exif = exif(t, MM);
        Mark noteStart = t.mark();
        t.data(new byte[] {'A', 'O', 'C', 0, 'M', 'M'});
        Ifd note = t.ifd(MM);
        Mark noteEnd = t.mark();
        Data thumb = t.data(grey(160, 120));
        Data full = t.data(preview(orientation));
        Data cfa = t.data(sensor(48 * 1024));
        ifd0.longs(0x0100, 6016).longs(0x0101, 4000).shorts(0x0103, 65535).shorts(0x0106, 32803)
                .ascii(0x010F, "RICOH IMAGING COMPANY, LTD.").ascii(0x0110, "PENTAX K-3 Mark III")
                .offset(0x0111, 4, cfa).shorts(0x0112, orientation).length(0x0117, cfa).offset(0x8769, 4, exif)
                .next(ifd1);
        ifd1.offset(0x0201, 4, thumb).length(0x0202, thumb);
        exif.region(0x927C, noteStart, noteEnd);
        note.shorts(0x0003, orientation >= 5 ? H : W, orientation >= 5 ? W : H).length(0x0004, full)
                .offset(0x0005, 4, full);
        return t.build();
    }

    /** Panasonic RW2: IFD0 names the sensor size and carries a complete JPEG (with its own EXIF) as JpgFromRaw. */
    static byte[] rw2(int orientation) {
        TiffLayout t = new TiffLayout();
        Ifd ifd0 = new Ifd(II);
        t.add(header(II, 0x55, ifd0));
        t.add(ifd0);
        byte[] jpeg = JpegMarkers.insert(preview(orientation), JpegMarkers.exif(ExifData.builder()
                .orientation(orientation).make("Panasonic").model("DC-G9").build()));
        Data cfa = t.data(sensor(48 * 1024));
        ifd0.bytes(0x0001, 7, "0310".getBytes(StandardCharsets.US_ASCII)).shorts(0x0002, 5200).shorts(0x0003, 3904)
                .ascii(0x010F, "Panasonic").ascii(0x0110, "DC-G9").offset(0x0111, 4, cfa).shorts(0x0112, orientation)
                .length(0x0117, cfa).bytes(0x002E, 7, jpeg);
        return t.build();
    }

    private static final byte[] CANON_UUID = HexFormat.of().parseHex("85c0b687820f11e08111f4ce462b6a48");
    private static final byte[] PREVIEW_UUID = HexFormat.of().parseHex("eaf42b5e1c984b88b9fbb7dc406e4d16");

    static byte[] box(String type, byte[]... payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : payload) {
            body.writeBytes(p);
        }
        return ByteBuffer.allocate(8 + body.size()).putInt(8 + body.size())
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(body.toByteArray()).array();
    }

    static byte[] be32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    static byte[] be16(int v) {
        return ByteBuffer.allocate(2).putShort((short) v).array();
    }

    /** A CRAW sample entry: VisualSampleEntry fields, then a child naming the coding (JPEG or CMP1 = CRX). */
    private static byte[] craw(int width, int height, String coding) {
        byte[] fields = ByteBuffer.allocate(78).putShort(6, (short) 1).putShort(24, (short) width)
                .putShort(26, (short) height).array();
        return box("CRAW", fields, box(coding, new byte[16]));
    }

    private static byte[] track(int width, int height, String coding, long offset, long size) {
        byte[] stsd = box("stsd", new byte[4], be32(1), craw(width, height, coding));
        byte[] stsz = box("stsz", new byte[4], be32(size), be32(1));
        byte[] co64 = box("co64", new byte[4], be32(1), ByteBuffer.allocate(8).putLong(offset).array());
        return box("trak", box("mdia", box("minf", box("stbl", stsd, stsz, co64))));
    }

    /** Canon CR3: moov (Canon uuid with CMT1 and THMB, a JPEG track and a CRX track), the PRVW uuid, mdat. */
    static byte[] cr3(int orientation) {
        byte[] full = preview(orientation);
        byte[] medium = grey(272, 180);
        byte[] thumb = grey(160, 120);
        byte[] crx = sensor(48 * 1024);
        byte[] cmt1 = ExifData.builder().orientation(orientation).make("Canon").model("Canon EOS R5").build().tiff();
        byte[] ftyp = box("ftyp", "crx ".getBytes(StandardCharsets.US_ASCII), be32(1),
                "crx isom".getBytes(StandardCharsets.US_ASCII));
        byte[] thmb = box("THMB", new byte[] {0, 0, 0, 0}, be16(160), be16(120), be32(thumb.length), new byte[4], thumb);
        byte[] canon = box("uuid", CANON_UUID, box("CNCV", "CanonCR3_001/00.10.00/00.00.00".getBytes(
                StandardCharsets.US_ASCII)), box("CMT1", cmt1), thmb);
        byte[] prvw = box("PRVW", be32(0), be16(1), be16(272), be16(180), be16(1), be32(medium.length), medium);
        byte[] previewUuid = box("uuid", PREVIEW_UUID, new byte[8], prvw);
        long mdatStart = 0;
        byte[] moov = null;
        for (int pass = 0; pass < 2; pass++) {
            long fullAt = mdatStart + 8;
            moov = box("moov", canon, track(W, H, "JPEG", fullAt, full.length),
                    track(8192, 5464, "CMP1", fullAt + full.length, crx.length));
            mdatStart = ftyp.length + moov.length + previewUuid.length;
        }
        byte[] mdat = box("mdat", full, crx);
        return concat(ftyp, moov, previewUuid, mdat);
    }

    /** Fujifilm RAF: a fixed big-endian header pointing at a complete JPEG (orientation in its EXIF) and the CFA. */
    static byte[] raf(int orientation) {
        byte[] jpeg = JpegMarkers.insert(preview(orientation), JpegMarkers.exif(ExifData.builder()
                .orientation(orientation).make("FUJIFILM").model("X-T3").build()));
        byte[] cfaHeader = new byte[64];
        byte[] cfa = sensor(48 * 1024);
        int headerSize = 148;
        ByteBuffer h = ByteBuffer.allocate(headerSize);
        h.put("FUJIFILMCCD-RAW 0201FF129502".getBytes(StandardCharsets.US_ASCII));
        h.position(28);
        h.put("X-T3".getBytes(StandardCharsets.US_ASCII));
        h.position(60);
        h.put("0100".getBytes(StandardCharsets.US_ASCII));
        h.position(84);
        int jpegAt = headerSize;
        int cfaHeaderAt = jpegAt + jpeg.length;
        int cfaAt = cfaHeaderAt + cfaHeader.length;
        h.putInt(jpegAt).putInt(jpeg.length).putInt(cfaHeaderAt).putInt(cfaHeader.length).putInt(cfaAt).putInt(cfa.length);
        return concat(h.array(), jpeg, cfaHeader, cfa);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** The displayed colours expected at the corners of the rendered preview. */
    static BufferedImage displayed() {
        return SyntheticImages.quadrants(W, H);
    }
}
