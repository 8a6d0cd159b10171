/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.internal.scrub;

import com.galerly.core.scrub.KeptTag;
import java.util.HashSet;
import java.util.Set;

/** The EXIF tags a keep-list stands for. */
final class Exif {
    private Exif() {
    }

    static Set<Integer> tags(Set<KeptTag> keep) {
        Set<Integer> tags = new HashSet<>();
        if (keep.contains(KeptTag.ARTIST)) {
            tags.add(MinimalExif.ARTIST);
        }
        if (keep.contains(KeptTag.COPYRIGHT)) {
            tags.add(MinimalExif.COPYRIGHT);
        }
        return tags;
    }

    static boolean startsWith(byte[] b, int at, int end, String ascii) {
        if (at + ascii.length() > end) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[at + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
