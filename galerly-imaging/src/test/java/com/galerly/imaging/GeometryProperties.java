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
import com.galerly.testkit.property.Cases;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Over random sizes, boxes, fits and orientations, every rendition has exactly the size DESIGN.md's geometry gives. */
class GeometryProperties {
    private record Shot(int width, int height, int boxW, int boxH, boolean cover, int orientation) {
    }

    @Test
    void renditionSizesFollowThePlanOfTheOrientedImage() {
        Cases.check(60, g -> new Shot(g.ints(1, 300), g.ints(1, 300), g.ints(1, 400), g.ints(1, 400), g.bool(),
                g.ints(1, 8)), GeometryProperties::sizesFollowThePlan);
    }

    private static void sizesFollowThePlan(Shot shot) {
        int width = shot.width();
        int height = shot.height();
        int boxW = shot.boxW();
        int boxH = shot.boxH();
        int orientation = shot.orientation();
        BufferedImage stored = SyntheticImages.solid(width, height, 0x4080C0);
        byte[] jpeg = JpegMarkers.insert(ImageFiles.jpeg(stored, 90),
                JpegMarkers.exif(ExifData.builder().orientation(orientation).build()));
        RenditionProfile profile = RenditionProfile.builder().name("p")
                .add(s -> s.name("a").box(boxW, boxH).fit(shot.cover() ? Fit.COVER : Fit.INSIDE))
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
