/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/** S3's rules for bucket names (general purpose buckets), checked once for every builder that takes one. */
public final class BucketNames {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    private BucketNames() {
    }

    /** The name, if S3 would accept it; otherwise an exception naming it. */
    public static String check(String name) {
        Objects.requireNonNull(name, "bucket name must not be null");
        if (!NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException("bucket name must be 3..63 characters of a-z 0-9 . -, starting and"
                    + " ending with a letter or digit, was \"" + name + "\"");
        }
        return name;
    }
}
