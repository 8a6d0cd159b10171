/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli.archfixture;

import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.utils.Validate;

/** A deliberate violation, so ArchitectureTest can show its SDK rule catches one (never used at run time). */
public final class UsesSdkProtectedApi {
    private UsesSdkProtectedApi() {
    }

    /** Uses a class annotated {@code @SdkProtectedApi} outside the banned packages. */
    static String validated(String value) {
        return Validate.notBlank(value, "value");
    }

    /** Uses the SDK's protected JSON tree. */
    static boolean isObject(String json) {
        return JsonNode.parser().parse(json).isObject();
    }
}
