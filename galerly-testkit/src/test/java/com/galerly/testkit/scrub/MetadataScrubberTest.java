/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit.scrub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.ImageFormat;
import com.galerly.core.scrub.KeptTag;
import com.galerly.core.scrub.MetadataScrubber;
import com.galerly.core.scrub.ScrubResult;
import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.PngChunks;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Metadata goes, the compressed image data stays byte for byte, orientation and the keep-list survive. */
class MetadataScrubberTest {
    private static final ExifData PRIVATE = ExifData.builder().orientation(6).make("GalerlyCam").model("Spy-9000")
            .artist("Ada Lovelace").copyright("(c) Ada 2026").dateTimeOriginal("2026:12:03 08:00:00")
            .gps(48.8584, 2.2945).build();
    private static final byte[] TRAILER = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);

    private static byte[] jpeg(String kind) {
        BufferedImage image = SyntheticImages.photo(96, 64, 7);
        byte[] plain = switch (kind) {
            case "baseline" -> ImageFiles.jpeg(image, 90);
            case "progressive" -> ImageFiles.progressiveJpeg(image, 90);
            default -> ImageFiles.jpegWithRestarts(image, 90, 2);
        };
        byte[] tagged = JpegMarkers.insert(plain, JpegMarkers.exif(PRIVATE),
                JpegMarkers.xmp("<x:xmpmeta><rdf:Description exif:GPSLatitude=\"48,51N\"/></x:xmpmeta>"),
                JpegMarkers.iptcCaption("Home address: 1 Rue X"), JpegMarkers.comment("serial 0xC0FFEE"),
                JpegMarkers.segment(0xE5, "maker stuff".getBytes(StandardCharsets.US_ASCII)));
        ByteArrayOutputStream withTrailer = new ByteArrayOutputStream();
        withTrailer.writeBytes(tagged);
        withTrailer.writeBytes(TRAILER);
        return withTrailer.toByteArray();
    }

    /** From the first SOS marker to the end of EOI: the entropy-coded data and everything between scans. */
    private static byte[] scanData(byte[] jpeg) {
        int sos = indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xDA}, 2);
        int eoi = indexOf(jpeg, new byte[] {(byte) 0xFF, (byte) 0xD9}, sos);
        return Arrays.copyOfRange(jpeg, sos, eoi + 2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"baseline", "progressive", "restarts"})
    void jpegLosesPrivateMetadataButNotOneByteOfImageData(String kind) throws IOException {
        byte[] original = jpeg(kind);
        ScrubResult result = MetadataScrubber.standard().scrub(original, ImageFormat.JPEG);
        byte[] clean = result.bytes();

        assertTrue(result.cleaned());
        assertArrayEquals(scanData(original), scanData(clean), "compressed data must be byte-identical");
        List<JpegMarkers.Segment> segments = JpegMarkers.segments(clean);
        assertFalse(segments.stream().anyMatch(s -> s.marker() == JpegMarkers.COM), "comment kept");
        assertFalse(segments.stream().anyMatch(s -> s.marker() == JpegMarkers.APP13), "IPTC kept");
        assertFalse(segments.stream().anyMatch(s -> s.marker() == 0xE5), "APP5 kept");
        assertFalse(segments.stream().anyMatch(s -> s.startsWith("http://ns.adobe.com/")), "XMP kept");
        for (String secret : List.of("GalerlyCam", "Spy-9000", "Ada", "2026:12:03", "Rue X", "C0FFEE", "<script")) {
            assertEquals(-1, indexOf(clean, secret.getBytes(StandardCharsets.US_ASCII), 0), secret + " survived");
        }
        byte[] exif = segments.stream().filter(s -> s.startsWith("Exif")).findFirst().orElseThrow().payload();
        assertEquals(List.of(0x0112), ifd0Tags(exif, 6));
        assertEquals(6, orientation(exif, 6));
        assertTrue(clean[clean.length - 2] == (byte) 0xFF && clean[clean.length - 1] == (byte) 0xD9, "ends at EOI");

        BufferedImage before = ImageIO.read(new ByteArrayInputStream(original));
        BufferedImage after = ImageIO.read(new ByteArrayInputStream(clean));
        assertNotNull(after);
        for (int y = 0; y < before.getHeight(); y += 7) {
            for (int x = 0; x < before.getWidth(); x += 7) {
                assertEquals(before.getRGB(x, y), after.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void theKeepListKeepsArtistAndCopyright() {
        MetadataScrubber keeping = MetadataScrubber.builder().keep(KeptTag.ARTIST, KeptTag.COPYRIGHT).build();
        byte[] clean = keeping.scrub(jpeg("baseline"), ImageFormat.JPEG).bytes();
        byte[] exif = JpegMarkers.segments(clean).stream().filter(s -> s.startsWith("Exif")).findFirst()
                .orElseThrow().payload();
        assertEquals(List.of(0x0112, 0x013B, 0x8298), ifd0Tags(exif, 6));
        assertTrue(indexOf(clean, "Ada Lovelace".getBytes(StandardCharsets.US_ASCII), 0) > 0);
        assertTrue(indexOf(clean, "(c) Ada 2026".getBytes(StandardCharsets.US_ASCII), 0) > 0);
        assertEquals(-1, indexOf(clean, "GalerlyCam".getBytes(StandardCharsets.US_ASCII), 0));
    }

    @Test
    void aCleanJpegIsReturnedAsItIs() {
        byte[] plain = ImageFiles.jpeg(SyntheticImages.photo(32, 32, 1), 85);
        ScrubResult result = MetadataScrubber.standard().scrub(plain, ImageFormat.JPEG);
        assertFalse(result.changed());
        assertSame(plain, result.bytes());
    }

    @Test
    void pngLosesTextAndExifButKeepsImageChunksVerbatim() {
        byte[] plain = ImageFiles.png(SyntheticImages.photo(40, 30, 3));
        byte[] tagged = PngChunks.insert(plain, PngChunks.exif(PRIVATE), PngChunks.text("Comment", "GalerlyCam serial"),
                PngChunks.text("Copyright", "(c) Ada 2026"));
        ScrubResult result = MetadataScrubber.standard().scrub(tagged, ImageFormat.PNG);
        byte[] clean = result.bytes();

        assertEquals(List.of("IHDR", "eXIf", "IDAT", "IEND"), PngChunks.types(clean).stream().distinct().toList());
        assertArrayEquals(chunkData(tagged, "IDAT"), chunkData(clean, "IDAT"));
        byte[] exif = chunkData(clean, "eXIf");
        assertEquals(List.of(0x0112), ifd0Tags(exif, 0));
        assertEquals(-1, indexOf(clean, "GalerlyCam".getBytes(StandardCharsets.US_ASCII), 0));

        byte[] keeping = MetadataScrubber.builder().keep(KeptTag.COPYRIGHT).build().scrub(tagged, ImageFormat.PNG).bytes();
        assertTrue(PngChunks.types(keeping).contains("tEXt"));
        assertTrue(indexOf(keeping, "(c) Ada 2026".getBytes(StandardCharsets.US_ASCII), 0) > 0);
        assertEquals(-1, indexOf(keeping, "GalerlyCam".getBytes(StandardCharsets.US_ASCII), 0));
    }

    @Test
    void webpLosesXmpAndExifAndFixesFlagsAndSize() {
        byte[] bitstream = new byte[301];                                  // odd: a padded chunk
        new java.util.Random(5).nextBytes(bitstream);
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x08 | 0x04;                                             // EXIF and XMP flags
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), PRIVATE.tiff());
        byte[] webp = riff(chunk("VP8X", vp8x), chunk("VP8L", bitstream), chunk("EXIF", exif),
                chunk("XMP ", "<x:xmpmeta>GalerlyCam</x:xmpmeta>".getBytes(StandardCharsets.US_ASCII)));
        byte[] clean = MetadataScrubber.standard().scrub(webp, ImageFormat.WEBP).bytes();

        assertEquals(clean.length - 8, le32(clean, 4), "RIFF size");
        assertEquals(List.of("VP8X", "VP8L", "EXIF"), fourccs(clean));
        assertEquals(0x08, clean[20] & 0x0C, "XMP flag cleared, EXIF flag kept");
        assertEquals(-1, indexOf(clean, "GalerlyCam".getBytes(StandardCharsets.US_ASCII), 0));
        int vp8l = indexOf(clean, "VP8L".getBytes(StandardCharsets.US_ASCII), 12);
        assertArrayEquals(bitstream, Arrays.copyOfRange(clean, vp8l + 8, vp8l + 8 + bitstream.length));

        byte[] noOrientation = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1),
                PRIVATE.toBuilder().orientation(0).build().tiff());
        byte[] dropped = MetadataScrubber.standard().scrub(riff(chunk("VP8X", vp8x), chunk("VP8L", bitstream),
                chunk("EXIF", noOrientation)), ImageFormat.WEBP).bytes();
        assertEquals(List.of("VP8X", "VP8L"), fourccs(dropped));
        assertEquals(0, dropped[20] & 0x0C, "both flags cleared");
    }

    @Test
    void formatsItCannotCleanAreReturnedUnchangedAndSaySo() {
        byte[] heic = "....ftypheic-not-really".getBytes(StandardCharsets.US_ASCII);
        ScrubResult result = MetadataScrubber.standard().scrub(heic, ImageFormat.HEIF);
        assertFalse(result.cleaned());
        assertSame(heic, result.bytes());
    }

    // helpers

    private static List<Integer> ifd0Tags(byte[] payload, int tiffAt) {
        boolean little = payload[tiffAt] == 'I';
        int ifd = (int) u32(payload, tiffAt + 4, little);
        int count = u16(payload, tiffAt + ifd, little);
        List<Integer> tags = new java.util.ArrayList<>();
        for (int i = 0; i < count; i++) {
            tags.add(u16(payload, tiffAt + ifd + 2 + i * 12, little));
        }
        return tags;
    }

    private static int orientation(byte[] payload, int tiffAt) {
        boolean little = payload[tiffAt] == 'I';
        int ifd = (int) u32(payload, tiffAt + 4, little);
        return u16(payload, tiffAt + ifd + 2 + 8, little);
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 : (b[at] & 0xFF) << 8 | (b[at + 1] & 0xFF);
    }

    private static long u32(byte[] b, int at, boolean little) {
        return little ? (u16(b, at, true) | (long) u16(b, at + 2, true) << 16)
                : ((long) u16(b, at, false) << 16 | u16(b, at + 2, false));
    }

    private static long le32(byte[] b, int at) {
        return u32(b, at, true);
    }

    private static byte[] chunkData(byte[] png, String type) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int i = 8;
        while (i + 12 <= png.length) {
            int len = (int) u32(png, i, false);
            if (new String(png, i + 4, 4, StandardCharsets.US_ASCII).equals(type)) {
                all.write(png, i + 8, len);
            }
            i += 12 + len;
        }
        return all.toByteArray();
    }

    private static byte[] chunk(String fourcc, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(fourcc.getBytes(StandardCharsets.US_ASCII));
        out.write(data.length);
        out.write(data.length >> 8);
        out.write(data.length >> 16);
        out.write(data.length >> 24);
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write(0);
        }
        return out.toByteArray();
    }

    private static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        for (byte[] c : chunks) {
            body.writeBytes(c);
        }
        byte[] payload = body.toByteArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.write(payload.length);
        out.write(payload.length >> 8);
        out.write(payload.length >> 16);
        out.write(payload.length >> 24);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static List<String> fourccs(byte[] webp) {
        List<String> names = new java.util.ArrayList<>();
        int i = 12;
        while (i + 8 <= webp.length) {
            names.add(new String(webp, i, 4, StandardCharsets.US_ASCII));
            long size = le32(webp, i + 4);
            i += 8 + (int) (size + (size & 1));
        }
        return names;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
