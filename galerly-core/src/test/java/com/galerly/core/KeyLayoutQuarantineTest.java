/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The incoming (quarantine) prefix of {@link KeyLayout}. */
class KeyLayoutQuarantineTest {
    private final KeyLayout layout = KeyLayout.standard();
    private final GalleryId gallery = GalleryId.of("g");
    private final PhotoId photo = PhotoId.of("01jd6v2k8m3q9x7c5t4r2n0bza");

    @Test
    void uploadsLandInQuarantineAndArePromotedToTheSamePhotosOriginal() {
        String upload = layout.incomingKey(gallery, photo, "jpg");
        assertEquals("incoming/g/01jd6v2k8m3q9x7c5t4r2n0bza.jpg", upload);
        KeyLayout.Original parsed = layout.parseIncoming(upload).orElseThrow();
        assertEquals(new KeyLayout.Original(gallery, photo, "jpg"), parsed);
        assertEquals("originals/g/01jd6v2k8m3q9x7c5t4r2n0bza.jpg", layout.promotedKey(parsed));
        assertTrue(layout.isIncoming(upload));
        assertEquals(Optional.empty(), layout.parseOriginal(upload), "an upload is not an original");
        assertEquals(Optional.empty(), layout.parseIncoming(layout.promotedKey(parsed)));
        assertEquals(Optional.empty(), layout.parseIncoming("incoming/../x.jpg"));
    }

    @Test
    void theIncomingPrefixMayNotOverlapTheOthers() {
        assertThrows(IllegalArgumentException.class, () -> KeyLayout.builder().incomingPrefix("originals/").build());
        assertThrows(IllegalArgumentException.class, () -> KeyLayout.builder().incomingPrefix("renditions/x/").build());
        assertThrows(IllegalArgumentException.class, () -> KeyLayout.builder().incomingPrefix("").build());
        KeyLayout custom = KeyLayout.builder().incomingPrefix("quarantine/").build();
        assertEquals("quarantine/", custom.incomingPrefix());
        assertEquals(custom, custom.toBuilder().build());
        assertFalse(custom.equals(layout));
    }
}
