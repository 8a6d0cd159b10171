/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.galerly.core.image.Fit;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.RenditionProfile;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which DCT scale the engine decodes at: the largest that keeps the headroom quality needs, for any rendition. */
class DctScaleTest {
    @ParameterizedTest(name = "{0}x{1} to {2}x{3} {4}, orientation {5}: 1/{6}")
    @CsvSource({
        "6000,4000,400,400,COVER,1,8",          // a thumbnail of a 24 MP photo: 10x, 1.25x room at 1/8
        "6000,4000,480,480,COVER,1,4",          // 8.3x: too little room at 1/8 (1.2x needed)
        "2725,2225,720,588,INSIDE,1,2",         // sharp's task: 3.78x
        "2400,1600,800,800,INSIDE,1,2",         // exactly 3x: 1.5x room at 1/2
        "2400,1600,900,900,INSIDE,1,1",         // 2.67x: not enough room at 1/2
        "2400,1600,390,390,INSIDE,1,4",         // 6.15x
        "4000,6000,400,400,COVER,6,8",          // orientation swaps the axes, not the answer
        "600,400,4000,4000,INSIDE,1,1"})        // never upscaled, never reduced
    void theLargestScaleWithEnoughRoom(int w, int h, int bw, int bh, Fit fit, int orientation, int scale) {
        ImageInfo info = new ImageInfo(ImageFormat.JPEG, w, h, orientation, "RGB", 8, false, null, Map.of());
        RenditionProfile profile = RenditionProfile.builder().name("p")
                .add(s -> s.name("r").box(bw, bh).fit(fit)).build();
        assertEquals(scale, ImagingEngine.dctScale(info, profile));
    }

    @ParameterizedTest(name = "standard ladder of {0}x{1}: 1/{2}")
    @CsvSource({"6000,4000,1", "14000,9000,2", "28000,18000,4", "48000,32000,8"})
    void theLadderDecodesAtTheScaleItsLargestRenditionAllows(int w, int h, int scale) {
        ImageInfo info = new ImageInfo(ImageFormat.JPEG, w, h, 1, "RGB", 8, false, null, Map.of());
        assertEquals(scale, ImagingEngine.dctScale(info, RenditionProfile.standard()));
    }
}
