/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.Fit;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.Size;
import com.galerly.testkit.image.ExifData;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.JpegMarkers;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Over random sizes, boxes, fits and orientations, every rendition has exactly the size DESIGN.md's geometry gives. */
class GeometryProperties {
    @Property(tries = 60)
    void renditionSizesFollowThePlanOfTheOrientedImage(@ForAll @IntRange(min = 1, max = 300) int width,
                                                       @ForAll @IntRange(min = 1, max = 300) int height,
                                                       @ForAll @IntRange(min = 1, max = 400) int boxW,
                                                       @ForAll @IntRange(min = 1, max = 400) int boxH,
                                                       @ForAll boolean cover,
                                                       @ForAll @IntRange(min = 1, max = 8) int orientation) {
        BufferedImage stored = SyntheticImages.solid(width, height, 0x4080C0);
        byte[] jpeg = JpegMarkers.insert(ImageFiles.jpeg(stored, 90),
                JpegMarkers.exif(ExifData.builder().orientation(orientation).build()));
        RenditionProfile profile = RenditionProfile.builder().name("p")
                .add(s -> s.name("a").box(boxW, boxH).fit(cover ? Fit.COVER : Fit.INSIDE))
                .add(s -> s.name("b").box(Math.max(1, boxW / 3), Math.max(1, boxH / 3)).fit(Fit.INSIDE))
                .build();
        ProcessedImage out = Outputs.process("g.jpg", jpeg, profile);
        Size oriented = orientation >= 5 ? new Size(height, width) : new Size(width, height);
        for (EncodedRendition r : out.renditions()) {
            Size expected = r.spec().plan(oriented).output();
            assertEquals(expected, r.size(), r.name());
            BufferedImage decoded = Outputs.decode(r);
            assertEquals(expected, new Size(decoded.getWidth(), decoded.getHeight()), r.name() + " as encoded");
        }
    }
}
