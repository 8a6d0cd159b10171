/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import com.galerly.core.GalerlyException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lambda event JSON with jackson-jr: parsed to plain {@code Map}/{@code List}/{@code String}/{@code Number} trees
 * (jackson-jr starts in milliseconds, which a cold Lambda notices), navigated null-tolerantly (a missing or null
 * field reads as empty), and responses written from maps and lists.
 */
public final class Json {
    private Json() {
    }

    /** The tree of {@code json}; INVALID_ARGUMENT when it is not JSON or empty. */
    public static Object parse(String json) {
        Object node;
        try {
            node = JSON.std.anyFrom(json);
        } catch (IOException | RuntimeException e) {
            throw GalerlyException.invalid("not JSON: " + e.getMessage());
        }
        if (node == null) {
            throw GalerlyException.invalid("not JSON: empty");          // found by EventsFuzzTest (empty payload)
        }
        return node;
    }

    /** {@code value} (maps, lists, strings, numbers, booleans) as UTF-8 JSON. */
    public static byte[] write(Object value) {
        try {
            return JSON.std.asBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<Object> at(Object node, String... path) {
        Object current = node;
        for (String name : path) {
            if (!(current instanceof Map<?, ?> object)) {
                return Optional.empty();
            }
            current = object.get(name);
        }
        return Optional.ofNullable(current);
    }

    public static Optional<String> text(Object node, String... path) {
        return at(node, path).filter(n -> n instanceof String || n instanceof Number).map(Object::toString);
    }

    public static String required(Object node, String... path) {
        return text(node, path).orElseThrow(() -> GalerlyException.invalid("event has no " + String.join(".", path)));
    }

    public static List<?> array(Object node, String... path) {
        return at(node, path).filter(List.class::isInstance).map(n -> (List<?>) n).orElse(List.of());
    }
}
