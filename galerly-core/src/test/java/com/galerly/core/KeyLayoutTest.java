/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import com.galerly.core.property.Cases;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeyLayoutTest {
    private static final GalleryId GALLERY = GalleryId.of("smith-wedding");
    private static final PhotoId PHOTO = PhotoId.of("01jd6v2k8m3q9x7c5t4r2n0bza");
    private final KeyLayout layout = KeyLayout.standard();

    @Test
    void standardKeysFollowTheDesign() {
        assertEquals("originals/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza.jpg", layout.originalKey(GALLERY, PHOTO, "jpg"));
        assertEquals("renditions/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza_thumbnail.webp",
                layout.renditionKey(GALLERY, PHOTO, "thumbnail", "webp"));
        assertEquals("renditions/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza_", layout.renditionsPrefix(GALLERY, PHOTO));
        assertTrue(layout.isRendition(layout.renditionKey(GALLERY, PHOTO, "small", "jpg")));
        assertFalse(layout.isRendition(layout.originalKey(GALLERY, PHOTO, "jpg")));
    }

    @Test
    void parsesItsOwnOriginalKeysOnly() {
        assertEquals(Optional.of(new KeyLayout.Original(GALLERY, PHOTO, "heic")),
                layout.parseOriginal("originals/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza.heic"));
        for (String other : new String[] {
                "renditions/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza_small.jpg",
                "originals/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza",
                "originals/smith-wedding/nested/01jd6v2k8m3q9x7c5t4r2n0bza.jpg",
                "originals/../01jd6v2k8m3q9x7c5t4r2n0bza.jpg",
                "originals/smith wedding/01jd6v2k8m3q9x7c5t4r2n0bza.jpg",
                "originals/smith-wedding/01JD6V2K8M3Q9X7C5T4R2N0BZA.jpg",
                "originals/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza.JPG",
                "originals/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza.jpg\u0000",
                "/originals/smith-wedding/01jd6v2k8m3q9x7c5t4r2n0bza.jpg",
                "", "originals/"}) {
            assertEquals(Optional.empty(), layout.parseOriginal(other), other);
        }
    }

    private record Upload(String gallery, long millis, String ext) {
    }

    @Test
    void originalKeysRoundTrip() {
        KeyLayout custom = KeyLayout.builder().originalsPrefix("in/uploads/").renditionsPrefix("out/").build();
        Cases.check(300, g -> new Upload(g.string("abcXYZ019_-", 1, 64), g.longs(0, (1L << 47) - 1),
                g.string("abcdefghijklmnopqrstuvwxyz0123456789", 1, 8)), upload -> {
                    Clock clock = Clock.fixed(Instant.ofEpochMilli(upload.millis()), ZoneOffset.UTC);
                    PhotoId id = PhotoId.generator(clock).next();
                    GalleryId gallery = GalleryId.of(upload.gallery());
                    for (KeyLayout l : new KeyLayout[] {layout, custom}) {
                        String key = l.originalKey(gallery, id, upload.ext());
                        assertEquals(Optional.of(new KeyLayout.Original(gallery, id, upload.ext())),
                                l.parseOriginal(key));
                        assertFalse(l.isRendition(key));
                    }
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"originals/", "orig", "", "originals/sub/"})
    void refusesARenditionsPrefixThatOverlapsTheOriginals(String renditions) {
        KeyLayout.Builder builder = KeyLayout.builder().originalsPrefix("originals/");
        if (renditions.equals("orig")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> builder.renditionsPrefix(renditions));
            assertTrue(e.getMessage().contains("must end with '/'"), e.getMessage());
            return;
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.renditionsPrefix(renditions).build());
        assertTrue(e.getMessage().contains("overlaps"), e.getMessage());
    }

    @Test
    void anEmptyOriginalsPrefixOverlapsEverything() {
        assertThrows(IllegalArgumentException.class,
                () -> KeyLayout.builder().originalsPrefix("").renditionsPrefix("r/").build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "a/../b", "a/./b", "/abs", "a//b", "tab\there", "nul\u0000", "del\u007f", "c1\u0085",
            "back\\slash", ""})
    void refusesUnsafeKeys(String key) {
        GalerlyException e = assertThrows(GalerlyException.class, () -> KeyLayout.requireSafeKey(key, 1024));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertTrue(e.getMessage().startsWith("unsafe key"), e.getMessage());
        assertFalse(e.getMessage().contains("\u0000"), "control characters are escaped in messages");
    }

    @Test
    void refusesKeysOverTheByteLimitCountingUtf8() {
        String ascii = "a".repeat(1024);
        assertEquals(ascii, KeyLayout.requireSafeKey(ascii, 1024));
        String unicode = "写".repeat(342);       // 3 bytes each: 1026 bytes
        GalerlyException e = assertThrows(GalerlyException.class, () -> KeyLayout.requireSafeKey(unicode, 1024));
        assertTrue(e.getMessage().contains("longer than 1024 bytes"), e.getMessage());
        assertTrue(e.getMessage().length() < 200, "the message quotes a bounded prefix of the key");
    }

    @Test
    void acceptsUnicodeSpacesAndPlusInKeys() {
        assertEquals("photos/été 2026/a+b.jpg", KeyLayout.requireSafeKey("photos/été 2026/a+b.jpg", 1024));
    }

    @Test
    void refusesBadPartsWithMessagesNamingThem() {
        GalerlyException ext = assertThrows(GalerlyException.class, () -> layout.originalKey(GALLERY, PHOTO, "j/pg"));
        assertTrue(ext.getMessage().contains("extension"), ext.getMessage());
        GalerlyException name = assertThrows(GalerlyException.class,
                () -> layout.renditionKey(GALLERY, PHOTO, "Thumb_1", "jpg"));
        assertTrue(name.getMessage().contains("rendition name"), name.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KeyLayout.builder().originalsPrefix("../up/"));
        assertThrows(IllegalArgumentException.class, () -> KeyLayout.builder().maxKeyBytes(2000));
    }

    @Test
    void galleryIdsAreRestrictedToUrlSafeCharacters() {
        for (String bad : new String[] {"", "a/b", "a b", "..", "é", "x".repeat(65)}) {
            assertEquals(ErrorCode.INVALID_ARGUMENT, assertThrows(GalerlyException.class, () -> GalleryId.of(bad)).code());
        }
    }
}
