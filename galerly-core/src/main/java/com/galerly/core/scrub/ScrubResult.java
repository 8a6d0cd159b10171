/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.scrub;

import com.galerly.core.spi.Checks;
import java.util.List;

/**
 * What {@link MetadataScrubber#scrub} did.
 *
 * @param bytes   the cleaned file (the input itself when nothing was removed)
 * @param removed what was removed or reduced, readable ({@code "APP1 XMP, 2310 bytes"}), in file order
 * @param cleaned whether the format is one the scrubber cleans (false: the bytes are returned as they are)
 */
public record ScrubResult(byte[] bytes, List<String> removed, boolean cleaned) {
    public ScrubResult {
        Checks.notNull(bytes, "bytes");
        removed = List.copyOf(Checks.notNull(removed, "removed"));
    }

    /** Whether the bytes differ from the input. */
    public boolean changed() {
        return !removed.isEmpty();
    }

    @Override
    public String toString() {
        return "ScrubResult[" + bytes.length + " bytes, " + (cleaned ? "removed " + removed : "format not cleaned") + "]";
    }
}
