/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging;

import com.galerly.core.image.ImageFormat;
import java.util.Objects;

/**
 * A decoder's verdict on the first bytes of an input: it accepts them as a format, or declines with a reason
 * that the engine quotes when no decoder accepts (so users see which plugins were asked and why each said no).
 *
 * <pre>{@code
 * Sniff s = head.length >= 3 && head[0] == (byte) 0xFF && head[1] == (byte) 0xD8
 *         ? Sniff.accept(ImageFormat.JPEG) : Sniff.decline("not JPEG");
 * }</pre>
 *
 * @param format the accepted format, or null when declined
 * @param reason why the decoder declined, or null when accepted
 */
public record Sniff(ImageFormat format, String reason) {
    public Sniff {
        if ((format == null) == (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("a sniff either accepts a format or declines with a reason, was "
                    + format + " / " + reason);
        }
    }

    public static Sniff accept(ImageFormat format) {
        return new Sniff(Objects.requireNonNull(format, "format"), null);
    }

    public static Sniff decline(String reason) {
        return new Sniff(null, reason);
    }

    public boolean accepted() {
        return format != null;
    }
}
