/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.galerly.core.GalerlyException;
import com.galerly.core.image.ImageInfo;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shapes {@code render} and {@code inspect} print (CLI.md), built as ordered maps. */
final class ImageJson {
    private ImageJson() {
    }

    /**
     * The pretty-printing mapper of {@code inspect} and profile files, made on first use: {@code render} writes its
     * manifest with {@link JsonText} and must not pay for an {@code ObjectMapper} (40 ms of a cold start).
     */
    static ObjectMapper mapper() {
        return Mapper.INSTANCE;
    }

    private static final class Mapper {
        static final ObjectMapper INSTANCE = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** {@code inspect}'s object for one readable file. */
    static Map<String, Object> inspected(String source, ImageInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", source);
        m.put("format", info.format().id());
        m.put("width", info.width());
        m.put("height", info.height());
        m.put("orientation", info.orientation());
        m.put("colorModel", info.colorModel());
        m.put("bitsPerSample", info.bitsPerSample());
        m.put("hasAlpha", info.hasAlpha());
        m.put("iccProfile", info.colorProfileName());
        m.put("megapixels", Math.round(info.megapixels() * 100) / 100.0);
        m.put("exif", new java.util.TreeMap<>(info.metadata()));
        return m;
    }

    /** The manifest's {@code original} block. */
    static Map<String, Object> original(ImageInfo info) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", info.format().id());
        m.put("width", info.width());
        m.put("height", info.height());
        m.put("orientation", info.orientation());
        return m;
    }

    /** {@code {"source", "error": {"code", "message"}}}, with more fields between when given. */
    static Map<String, Object> failed(Map<String, Object> head, GalerlyException e) {
        Map<String, Object> m = new LinkedHashMap<>(head);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code().name());
        error.put("message", ErrorLines.oneLine(e.getMessage()));
        m.put("error", error);
        return m;
    }
}
