/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.CorruptImageException;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.LimitExceededException;
import java.io.EOFException;

/**
 * Maps whatever a decoder, encoder or source threw onto the four codes {@code process} may fail with. A
 * {@link GalerlyException} anywhere in the cause chain wins unchanged: ImageIO readers wrap what the stream
 * threw, and a limit hit or a replaced original must surface as itself.
 */
final class Failures {
    private Failures() {
    }

    /** A failure while reading the source's head, before any decoder ran. */
    static GalerlyException fromSource(String name, Throwable t) {
        GalerlyException g = galerlyCause(t);
        if (g != null) {
            return g;
        }
        return new GalerlyException(ErrorCode.IO_ERROR, "reading " + name + " failed: " + t.getMessage(), t);
    }

    /** A failure while decoding or rendering. */
    static GalerlyException fromDecoding(String name, String format, Throwable t) {
        GalerlyException g = galerlyCause(t);
        if (g != null) {
            return g;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SourceInput.SourceReadException) {
                return new GalerlyException(ErrorCode.IO_ERROR, c.getMessage(), t);
            }
        }
        if (t instanceof OutOfMemoryError) {
            return new LimitExceededException("not enough heap to decode " + name + " (max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB): lower maxMegapixels or give the JVM "
                    + "more memory (-Xmx)", t);
        }
        String what = t instanceof EOFException ? "truncated" : "malformed";
        String detail = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return new CorruptImageException(name + " is a " + what + " " + format + " image: " + detail, t);
    }

    private static GalerlyException galerlyCause(Throwable t) {
        int depth = 0;
        for (Throwable c = t; c != null && depth < 32; c = c.getCause(), depth++) {
            if (c instanceof GalerlyException g) {
                return g;
            }
        }
        return null;
    }
}
