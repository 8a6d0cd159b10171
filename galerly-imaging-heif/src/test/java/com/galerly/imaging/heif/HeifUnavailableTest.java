/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.heif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.RenditionProfile;
import com.galerly.imaging.GalerlyImaging;
import org.junit.jupiter.api.Test;

/** Without libheif the plugin stays installed, says what to install, and HEIC input is UNSUPPORTED_FORMAT. */
class HeifUnavailableTest {
    private static final byte[] HEIC_HEAD = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0,
        'm', 'i', 'f', '1', 'h', 'e', 'i', 'c', 0, 0, 0, 8, 'm', 'e', 't', 'a'};

    private final HeifDecoder missing = HeifDecoder.withLibrary("/nonexistent/galerly/libheif.so.1");

    @Test
    void reportsItselfUnavailableWithWhatToInstall() {
        String reason = missing.unavailableReason().orElseThrow();
        assertTrue(reason.startsWith("libheif is not installed"), reason);
        assertTrue(reason.contains("apt-get install libheif1"), reason);
        assertTrue(reason.contains("Lambda") && reason.contains("layer"), reason);
        assertFalse(missing.libraryVersion().isPresent());
        assertFalse(missing.readsAvif());
    }

    @Test
    void heicInputFailsAsAConfigurationErrorNamingTheReason() {
        ImageProcessor processor = GalerlyImaging.builder().discoverPlugins(false).decoder(missing).build();
        GalerlyException e = assertThrows(GalerlyException.class,
                () -> processor.process(ImageSource.of("IMG_0001.HEIC", HEIC_HEAD), RenditionProfile.standard()));
        // not the photo's fault: the deployment lacks libheif, and the photo stays retryable until it is fixed
        assertEquals(ErrorCode.CONFIGURATION, e.code());
        assertTrue(e.getMessage().contains("IMG_0001.HEIC"), e.getMessage());
        assertTrue(e.getMessage().contains("libheif is not installed"), e.getMessage());
    }

    @Test
    void sniffsHeifAndAvifBrandsOnly() {
        HeifDecoder decoder = new HeifDecoder();
        assertEquals(ImageFormat.HEIF, decoder.sniff(HEIC_HEAD).format());
        byte[] cr3 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'c', 'r', 'x', ' ', 0, 0, 0, 1, 'c', 'r', 'x', ' ', 'i', 's', 'o',
            'm'};
        assertFalse(decoder.sniff(cr3).accepted());
        assertFalse(decoder.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}).accepted());
        byte[] mif1 = {0, 0, 0, 16, 'f', 't', 'y', 'p', 'm', 'i', 'f', '1', 0, 0, 0, 0};
        assertEquals(ImageFormat.HEIF, decoder.sniff(mif1).format());
    }

    @Test
    void aBlankLibraryNameIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeifDecoder.withLibrary(" "));
        assertTrue(e.getMessage().contains("nameOrPath"), e.getMessage());
    }
}
