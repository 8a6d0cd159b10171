/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RenditionSpecTest {
    @Test
    void builderMessagesNameTheSettingAndTheValue() {
        assertEquals("quality must be 1..100, was 0", assertThrows(IllegalArgumentException.class,
                () -> RenditionSpec.builder().quality(0)).getMessage());
        assertEquals("box width must be 1..32768, was 0", assertThrows(IllegalArgumentException.class,
                () -> RenditionSpec.builder().box(0, 10)).getMessage());
        assertEquals("name must be 1..32 characters of a-z 0-9 -, starting with a letter or digit, was \"Big One\"",
                assertThrows(IllegalArgumentException.class, () -> RenditionSpec.builder().name("Big One")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> RenditionSpec.builder().format(ImageFormat.HEIF));
        assertThrows(IllegalStateException.class, () -> RenditionSpec.builder().name("x").build());
    }

    @Test
    void webFormatsCannotBeChangedByACaller() {
        assertThrows(UnsupportedOperationException.class, () -> RenditionSpec.WEB_FORMATS.add(ImageFormat.HEIF));
        assertEquals("format must be one of " + RenditionSpec.WEB_FORMATS + ", was TIFF", assertThrows(
                IllegalArgumentException.class, () -> RenditionSpec.builder().format(ImageFormat.TIFF)).getMessage());
        assertEquals(RenditionSpec.builder().name("w").box(10, 10).format(ImageFormat.WEBP).build().format(),
                ImageFormat.WEBP);
    }

    @Test
    void theStandardProfileIsTheGallerysLadder() {
        RenditionProfile standard = RenditionProfile.standard();
        assertEquals("standard", standard.name());
        assertEquals(List.of("thumbnail 400x400 COVER jpeg q85", "small 800x600 INSIDE jpeg q85",
                "medium 2000x2000 INSIDE jpeg q85", "large 4000x4000 INSIDE jpeg q85"),
                standard.specs().stream().map(RenditionSpec::toString).toList());
        RenditionProfile webp = standard.withFormat(ImageFormat.WEBP).withQuality(80);
        assertEquals(ImageFormat.WEBP, webp.spec("large").orElseThrow().format());
        assertEquals(80, webp.spec("thumbnail").orElseThrow().quality());
        assertEquals(Fit.COVER, webp.spec("thumbnail").orElseThrow().fit());
        assertEquals(standard, RenditionProfile.standard());
        assertEquals(Optional.empty(), standard.spec("huge"));
    }

    @Test
    void profilesRefuseDuplicateNamesAndEmptyLadders() {
        RenditionProfile.Builder builder = RenditionProfile.builder().add(s -> s.name("a").box(1, 1));
        assertThrows(IllegalArgumentException.class, () -> builder.add(s -> s.name("a").box(2, 2)));
        assertThrows(IllegalStateException.class, () -> RenditionProfile.builder().build());
    }

    @Test
    void sniffsFormatsFromMagicBytesOnly() {
        assertEquals(Optional.of(ImageFormat.JPEG), sniff(0xFF, 0xD8, 0xFF, 0xE0));
        assertEquals(Optional.of(ImageFormat.PNG), sniff(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A));
        assertEquals(Optional.of(ImageFormat.GIF), sniff('G', 'I', 'F', '8', '9', 'a'));
        assertEquals(Optional.of(ImageFormat.WEBP), sniff('R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P'));
        assertEquals(Optional.of(ImageFormat.TIFF), sniff('M', 'M', 0, '*', 0, 0, 0, 8));
        assertEquals(Optional.of(ImageFormat.RAW), sniff('I', 'I', '*', 0, 0x10, 0, 0, 0, 'C', 'R', 2, 0));
        assertEquals(Optional.of(ImageFormat.HEIF), sniff(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'));
        assertEquals(Optional.of(ImageFormat.AVIF), sniff(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'a', 'v', 'i', 'f'));
        assertEquals(Optional.empty(), sniff('<', 'h', 't', 'm', 'l', '>'));
        assertEquals(Optional.empty(), sniff('B', 'M', 'a', 'k', 'e', ' ', 'a', ' ', 'n', 'o', 't', 'e', ' ', 'o',
                'f', ' ', 'i', 't'), "text starting BM is no bitmap");
    }

    /** What the decoders read, confirm accepts: BigTIFF, and HEIF files by any of their ftyp brands. */
    @Test
    void sniffsBigTiffAndHeifByEveryBrand() {
        assertEquals(Optional.of(ImageFormat.TIFF), sniff('I', 'I', 43, 0, 8, 0, 0, 0));
        assertEquals(Optional.of(ImageFormat.TIFF), sniff('M', 'M', 0, 43, 0, 8, 0, 0));
        assertEquals(Optional.of(ImageFormat.HEIF), sniff(0, 0, 0, 0x10, 'f', 't', 'y', 'p', 'm', 'i', 'f', '2',
                0, 0, 0, 0));
        assertEquals(Optional.of(ImageFormat.HEIF), sniff(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'i', 'f', '1',
                0, 0, 0, 0, 'm', 'i', 'f', '1', 'h', 'e', 'i', 'c'), "a compatible brand decides");
        assertEquals(Optional.of(ImageFormat.AVIF), sniff(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'm', 'i', 'f', '1',
                0, 0, 0, 0, 'm', 'i', 'a', 'f', 'a', 'v', 'i', 'f'), "AV1 before the generic mif1");
        assertEquals(Optional.of(ImageFormat.BMP), sniff('B', 'M', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 40, 0, 0, 0));
        assertEquals(Optional.empty(), sniff(0, 0, 0, 0x14, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 0, 0,
                'm', 'p', '4', '1'), "a video is no image");
        assertEquals(Optional.empty(), sniff(0xFF, 0xD8));
        assertEquals(Optional.empty(), sniff());
    }

    private static Optional<ImageFormat> sniff(int... bytes) {
        byte[] head = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            head[i] = (byte) bytes[i];
        }
        return ImageFormat.sniff(head, head.length);
    }
}
