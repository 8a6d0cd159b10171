/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.RenditionSpec;
import com.galerly.testkit.image.SyntheticImages;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link ImageEncoder} must do; a plugin's test extends this class. */
abstract class ImageEncoderContract {
    protected abstract ImageEncoder encoder();

    /** Decodes what the encoder wrote (ImageIO by default). */
    protected BufferedImage decode(byte[] bytes) {
        return Outputs.decode(bytes);
    }

    private RenditionSpec spec(int quality) {
        return RenditionSpec.of(s -> s.name("r").box(64, 48).format(encoder().format()).quality(quality));
    }

    @Test
    void writesDecodablePixelsOfTheRightSize() throws Exception {
        byte[] bytes = encoder().encode(new EncodeRequest(SyntheticImages.quadrants(64, 48), spec(90), false, Map.of()));
        BufferedImage image = decode(bytes);
        assertEquals(64, image.getWidth());
        assertEquals(48, image.getHeight());
        Outputs.assertColour(SyntheticImages.TOP_LEFT, Outputs.mean(image, 8, 8, 2), 16, "top-left");
        Outputs.assertColour(SyntheticImages.BOTTOM_LEFT, Outputs.mean(image, 8, 40, 2), 16, "bottom-left");
    }

    @Test
    void qualityChangesTheSize() throws Exception {
        BufferedImage photo = new BufferedImage(128, 96, BufferedImage.TYPE_INT_RGB);
        photo.createGraphics().drawImage(SyntheticImages.photo(128, 96, 4), 0, 0, null);
        int low = encoder().encode(new EncodeRequest(photo, spec(20), false, Map.of())).length;
        int high = encoder().encode(new EncodeRequest(photo, spec(95), false, Map.of())).length;
        assertTrue(high > low, "q95 " + high + " > q20 " + low);
    }

    @Test
    void writesNoMetadataOfItsOwn() throws Exception {
        byte[] bytes = encoder().encode(new EncodeRequest(SyntheticImages.quadrants(64, 48), spec(90), false, Map.of()));
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertFalse(text.contains("Exif") || text.contains("EXIF") || text.contains("xmpmeta"), "no metadata");
    }

    @Test
    void keepsAlphaWhenItSaysSo() throws Exception {
        assumeTrue(encoder().keepsAlpha(), encoder().format() + " encoder does not keep alpha: nothing to check");
        BufferedImage disc = SyntheticImages.discOnTransparentBlack(64, 48);
        BufferedImage back = decode(encoder().encode(new EncodeRequest(disc, spec(90), false, Map.of())));
        assertEquals(0, back.getRGB(1, 1) >>> 24);
        assertEquals(0xFF, back.getRGB(32, 24) >>> 24);
    }
}
