/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.IccProfileData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.SyntheticImages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Renditions carry no EXIF, GPS, XMP, IPTC, comments or profiles; keepCopyright keeps artist and copyright only. */
class MetadataTest {
    private static final ExifData EXIF = ExifData.builder().orientation(1).make("Galerly Cam").model("GX-1")
            .artist("Ana Lima").copyright("(c) 2026 Ana Lima").dateTimeOriginal("2026:05:04 12:34:56")
            .gps(48.858370, 2.294481).build();
    private static final byte[] TAGGED = JpegMarkers.insert(ImageFiles.jpeg(SyntheticImages.photo(900, 600, 7), 90),
            JpegMarkers.exif(EXIF),
            JpegMarkers.xmp("<x:xmpmeta xmlns:x='adobe:ns:meta/'><exif:GPSLatitude>48,51.5N</exif:GPSLatitude></x:xmpmeta>"),
            JpegMarkers.iptcCaption("Secret location"), JpegMarkers.comment("shot at home"),
            JpegMarkers.icc(IccProfileData.adobeRgb()));

    @Test
    void everyRenditionIsStrippedOfAllMetadata() {
        ProcessedImage out = Outputs.process("tagged.jpg", TAGGED);
        for (EncodedRendition r : out.renditions()) {
            List<JpegMarkers.Segment> segments = JpegMarkers.segments(r.bytes());
            Set<Integer> markers = segments.stream().map(JpegMarkers.Segment::marker).collect(Collectors.toSet());
            assertFalse(markers.contains(JpegMarkers.APP1), r.name() + " has no EXIF/XMP: " + segments);
            assertFalse(markers.contains(JpegMarkers.APP2), r.name() + " has no ICC profile: " + segments);
            assertFalse(markers.contains(JpegMarkers.APP13), r.name() + " has no IPTC: " + segments);
            assertFalse(markers.contains(JpegMarkers.COM), r.name() + " has no comment: " + segments);
            String text = new String(r.bytes(), StandardCharsets.ISO_8859_1);
            for (String leak : new String[] {"Exif", "GPS", "Galerly Cam", "Ana Lima", "xmpmeta", "Secret", "home"}) {
                assertFalse(text.contains(leak), r.name() + " leaks " + leak);
            }
        }
    }

    @Test
    void inspectReadsCameraFieldsButNeverGps() {
        ImageInfo info = Outputs.PROCESSOR.inspect(ImageSource.of("tagged.jpg", TAGGED));
        assertEquals("Galerly Cam", info.metadata().get("Make"));
        assertEquals("GX-1", info.metadata().get("Model"));
        assertEquals("2026:05:04 12:34:56", info.metadata().get("DateTimeOriginal"));
        assertEquals("Adobe RGB (1998)", info.colorProfileName());
        assertTrue(info.metadata().keySet().stream().noneMatch(k -> k.toUpperCase().contains("GPS")), info.metadata()
                .toString());
        assertEquals(900, info.width());
        assertEquals(600, info.height());
    }

    @Test
    void keepCopyrightKeepsArtistAndCopyrightOnly() {
        ImageProcessor keeping = GalerlyImaging.builder().settings(s -> s.keepCopyright(true)).build();
        ProcessedImage out = keeping.process(ImageSource.of("tagged.jpg", TAGGED), RenditionProfile.standard());
        for (EncodedRendition r : out.renditions()) {
            ImageInfo info = keeping.inspect(ImageSource.of(r.name(), r.bytes()));
            assertEquals("Ana Lima", info.metadata().get("Artist"), r.name());
            assertEquals("(c) 2026 Ana Lima", info.metadata().get("Copyright"), r.name());
            assertEquals(2, info.metadata().size(), r.name() + " keeps nothing else: " + info.metadata());
            String text = new String(r.bytes(), StandardCharsets.ISO_8859_1);
            assertFalse(text.contains("Galerly Cam") || text.contains("GPS") || text.contains("xmpmeta"), r.name());
            assertEquals(1, info.orientation());
        }
    }

    @Test
    void jpegOutputIsBaseline420WithOptimisedTablesOrProgressiveWhenAsked() {
        ProcessedImage baseline = Outputs.process("plain.jpg", TAGGED);
        byte[] large = baseline.rendition("large").orElseThrow().bytes();
        JpegMarkers.Segment sof = JpegMarkers.segments(large).stream().filter(s -> s.marker() == 0xC0).findFirst()
                .orElseThrow(() -> new AssertionError("baseline SOF0 expected"));
        assertEquals(3, sof.payload()[5], "three components");
        assertEquals(0x22, sof.payload()[7] & 0xFF, "luma sampled 2x2");
        assertEquals(0x11, sof.payload()[10] & 0xFF, "Cb sampled 1x1 (4:2:0)");
        assertEquals(0x11, sof.payload()[13] & 0xFF, "Cr sampled 1x1 (4:2:0)");

        ImageProcessor progressive = GalerlyImaging.builder().settings(s -> s.progressiveJpeg(true)).build();
        byte[] p = progressive.process(ImageSource.of("plain.jpg", TAGGED), RenditionProfile.standard())
                .rendition("large").orElseThrow().bytes();
        assertTrue(JpegMarkers.segments(p).stream().anyMatch(s -> s.marker() == 0xC2), "progressive SOF2");
    }

    @Test
    void qualityFromTheSpecChangesTheSize() {
        int q50 = Outputs.process("q.jpg", TAGGED, RenditionProfile.standard().withQuality(50))
                .rendition("large").orElseThrow().length();
        int q95 = Outputs.process("q.jpg", TAGGED, RenditionProfile.standard().withQuality(95))
                .rendition("large").orElseThrow().length();
        assertTrue(q95 > q50 * 1.5, "q95 " + q95 + " vs q50 " + q50);
    }
}
