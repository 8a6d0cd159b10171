/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FingerprintsTest {
    private static final String ENGINE = "galerly-imaging/1";
    private final RenditionProfile standard = RenditionProfile.standard();
    private final RenditionSpec thumbnail = standard.spec("thumbnail").orElseThrow();

    @Test
    void theSameInputsGiveTheSameFingerprintEveryTime() {
        assertEquals(Fingerprints.profile(standard, ENGINE), Fingerprints.profile(RenditionProfile.standard(), ENGINE));
        assertEquals(Fingerprints.rendition(thumbnail, "etag-1", null, ENGINE),
                Fingerprints.rendition(thumbnail.toBuilder().build(), "etag-1", null, ENGINE));
        assertTrue(Fingerprints.profile(standard, ENGINE).matches("[0-9a-f]{" + Fingerprints.LENGTH + "}"));
    }

    @Test
    void anythingThatChangesTheBytesChangesTheFingerprint() {
        Set<String> seen = new HashSet<>();
        assertTrue(seen.add(Fingerprints.rendition(thumbnail, "etag-1", null, ENGINE)));
        assertTrue(seen.add(Fingerprints.rendition(thumbnail, "etag-2", null, ENGINE)), "replaced original");
        assertTrue(seen.add(Fingerprints.rendition(thumbnail, "etag-1", "v2", ENGINE)), "another version");
        assertTrue(seen.add(Fingerprints.rendition(thumbnail, "etag-1", null, "galerly-imaging/2")), "engine");
        assertTrue(seen.add(Fingerprints.rendition(thumbnail.toBuilder().quality(80).build(), "etag-1", null, ENGINE)));
        assertTrue(seen.add(Fingerprints.rendition(thumbnail.toBuilder().format(ImageFormat.WEBP).build(), "etag-1",
                null, ENGINE)));
        assertNotEquals(Fingerprints.profile(standard, ENGINE), Fingerprints.profile(standard.withQuality(80), ENGINE));
        assertNotEquals(Fingerprints.profile(standard, ENGINE), Fingerprints.profile(standard, "galerly-imaging/2"));
    }

    @Test
    void renamingAProfileChangesNoFingerprint() {
        RenditionProfile.Builder renamed = RenditionProfile.builder().name("renamed");
        standard.specs().forEach(renamed::add);
        assertEquals(Fingerprints.profile(standard, ENGINE), Fingerprints.profile(renamed.build(), ENGINE));
    }
}
