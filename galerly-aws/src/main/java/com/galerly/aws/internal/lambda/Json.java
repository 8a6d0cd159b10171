/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal.lambda;

import com.galerly.core.GalerlyException;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;

/** Null-tolerant navigation of parsed events: a missing or null field reads as empty. */
public final class Json {
    private Json() {
    }

    public static Optional<JsonNode> at(JsonNode node, String... path) {
        Optional<JsonNode> current = Optional.ofNullable(node);
        for (String name : path) {
            current = current.filter(JsonNode::isObject).flatMap(n -> n.field(name)).filter(n -> !n.isNull());
        }
        return current;
    }

    public static Optional<String> text(JsonNode node, String... path) {
        return at(node, path).filter(n -> n.isString() || n.isNumber()).map(JsonNode::text);
    }

    public static String required(JsonNode node, String... path) {
        return text(node, path).orElseThrow(() -> GalerlyException.invalid("event has no " + String.join(".", path)));
    }

    public static List<JsonNode> array(JsonNode node, String... path) {
        return at(node, path).filter(JsonNode::isArray).map(JsonNode::asArray).orElse(List.of());
    }

    public static long number(JsonNode node, long fallback, String... path) {
        try {
            return text(node, path).map(Long::parseLong).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
