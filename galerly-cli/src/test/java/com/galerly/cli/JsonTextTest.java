/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The manifest's JSON text is, character for character, what the Jackson mapper of the other commands writes. */
class JsonTextTest {
    @Test
    void aManifestReadsAsJacksonWritesIt() throws Exception {
        Map<String, Object> original = new LinkedHashMap<>();
        original.put("format", "jpeg");
        original.put("width", 6000);
        original.put("height", 4000);
        original.put("orientation", 6);
        Map<String, Object> rendition = new LinkedHashMap<>();
        rendition.put("name", "thumbnail");
        rendition.put("file", "photo/thumbnail.jpg");
        rendition.put("bytes", 43984L);
        rendition.put("contentType", "image/jpeg");
        Map<String, Object> photo = new LinkedHashMap<>();
        photo.put("source", "/tmp/a \"quoted\" \\ path/é 写真 \u0001\u001f\b\t\n\f\r\u007f.jpg");
        photo.put("status", "ok");
        photo.put("original", original);
        photo.put("renditions", List.of(rendition, new LinkedHashMap<>(rendition)));
        photo.put("placeholder", Map.of("blurhash", "LzGJKSn%j?X8x|j?oLj[kFazj?bb"));
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("source", "broken.jpg");
        failed.put("error", new LinkedHashMap<>(Map.of("code", "CORRUPT_IMAGE")));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("profile", "standard");
        manifest.put("photos", List.of(photo, failed));
        assertSame(manifest);
    }

    @Test
    void everyKindOfValueAndEmptyContainers() throws Exception {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("null", null);
        all.put("true", true);
        all.put("false", false);
        all.put("int", Integer.MIN_VALUE);
        all.put("long", Long.MAX_VALUE);
        all.put("double", 24.0);
        all.put("small", 1.5e-7);
        all.put("large", 1.0e21);
        all.put("negative", -0.25);
        all.put("nan", Double.NaN);
        all.put("float", 0.1f);
        all.put("empty object", Map.of());
        all.put("empty array", List.of());
        all.put("nested", List.of(List.of(), List.of(1, 2), Map.of(), new TreeMap<>(Map.of("b", 2, "a", 1))));
        all.put("numbers", new ArrayList<>(Arrays.asList(1, null, "x")));
        assertSame(all);
        assertSame(List.of());
        assertSame("just a string");
        assertSame(42);
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThrows(IllegalArgumentException.class, () -> JsonText.pretty(Map.of("when", new Object())));
    }

    private static void assertSame(Object value) throws Exception {
        assertEquals(ImageJson.mapper().writeValueAsString(value), JsonText.pretty(value));
    }
}
