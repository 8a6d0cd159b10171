/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What walking a RAW container found: which kind it is, its own orientation, the camera fields, where embedded JPEGs
 * may be, whether it holds sensor data, and what was damaged on the way. Filled by one walker, then read.
 */
final class RawLayout {
    /** {@code CR2}, {@code NEF}, {@code DNG}...; null while a TIFF has not shown itself to be a RAW. */
    String format;
    /** Orientation 1..8 from the container itself, or 0 when it has none (the preview's own EXIF then decides). */
    int orientation;
    String make;
    String model;
    /** Whether the file holds sensor data (a CFA or linear raw image, a raw compression, a RAW-only signature). */
    boolean rawData;
    boolean dng;
    long sensorWidth;
    long sensorHeight;
    final List<Candidate> candidates = new ArrayList<>();
    /** Readable camera fields for {@code ImageInfo.metadata}. */
    final Map<String, String> metadata = new LinkedHashMap<>();
    /**
     * The first damage to the structure the walk depends on (IFD0, a CR3 box tree, the RAF header), or null: the
     * file is refused even if a preview was found. Damage in makernotes only loses their previews.
     */
    String damage;
    /** Set when image data lies past the end of the file: the upload was cut, whatever the preview looks like. */
    String truncation;

    void damaged(String what) {
        if (damage == null) {
            damage = what;
        }
    }

    void truncated(String what) {
        if (truncation == null) {
            truncation = what;
        }
    }

    void candidate(long offset, long length, String origin) {
        if (candidates.size() < RawLimits.MAX_CANDIDATES) {
            candidates.add(new Candidate(offset, length, origin));
        }
    }

    void sensor(long width, long height) {
        if (width > 0 && height > 0 && width * height > sensorWidth * sensorHeight) {
            sensorWidth = width;
            sensorHeight = height;
        }
    }
}
