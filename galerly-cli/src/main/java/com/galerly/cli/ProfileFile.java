/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.galerly.core.image.Fit;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.RenditionProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads {@code --profile}: {@code standard} or a JSON file
 * {@code {"name": "mine", "renditions": [{"name": "thumb", "width": 300, "height": 300, "fit": "cover",
 * "format": "jpeg", "quality": 80}]}} (fit, format and quality optional: inside, jpeg, 85).
 */
final class ProfileFile {
    private ProfileFile() {
    }

    static RenditionProfile read(String value) {
        if (value == null || value.equals("standard")) {
            return RenditionProfile.standard();
        }
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            throw new UserException("--profile must be 'standard' or a JSON file, and " + value + " is neither");
        }
        try {
            JsonNode root = ImageJson.mapper().readTree(Files.readString(file));
            RenditionProfile.Builder profile = RenditionProfile.builder();
            if (root.hasNonNull("name")) {
                profile.name(root.get("name").asText());
            }
            JsonNode renditions = root.path("renditions");
            if (!renditions.isArray() || renditions.isEmpty()) {
                throw new UserException(value + ": \"renditions\" must be a non-empty array");
            }
            for (JsonNode r : renditions) {
                profile.add(s -> {
                    s.name(r.path("name").asText(null)).box(r.path("width").asInt(0), r.path("height").asInt(0));
                    if (r.hasNonNull("fit")) {
                        s.fit(Fit.valueOf(r.get("fit").asText().toUpperCase(Locale.ROOT)));
                    }
                    if (r.hasNonNull("format")) {
                        s.format(ImageFormat.fromId(r.get("format").asText()).orElseThrow(() ->
                                new IllegalArgumentException("unknown format " + r.get("format").asText())));
                    }
                    if (r.hasNonNull("quality")) {
                        s.quality(r.get("quality").asInt());
                    }
                });
            }
            return profile.build();
        } catch (IOException e) {
            throw new UserException("cannot read profile " + value + ": " + ErrorLines.oneLine(e.getMessage()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new UserException("invalid profile " + value + ": " + e.getMessage());
        }
    }
}
