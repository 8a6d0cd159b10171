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
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;

/**
 * Maps whatever a decoder, encoder or source threw onto the code that names its cause. A {@link GalerlyException}
 * anywhere in the cause chain wins unchanged: ImageIO readers wrap what the stream threw, and a limit hit or a
 * replaced original must surface as itself. Otherwise, deliberately:
 *
 * <ul>
 *   <li>a failure of the source itself, or an interrupt: {@code IO_ERROR}, retryable;</li>
 *   <li>a {@link LinkageError} (a codec that cannot load): {@code CONFIGURATION};</li>
 *   <li>a {@link StackOverflowError} inside a third-party reader (nesting no limit of ours caught):
 *       {@code LIMIT_EXCEEDED};</li>
 *   <li>an {@link IOException} (a decoder's word for malformed or truncated data): {@code CORRUPT_IMAGE};</li>
 *   <li>a {@link RuntimeException} thrown by a third-party decoder (a TwelveMonkeys or JDK reader reacting to
 *       data it cannot make sense of): {@code CORRUPT_IMAGE}; one thrown by Galerly's own code is a bug of
 *       ours: {@code INTERNAL};</li>
 *   <li>any other {@link Error}: {@code INTERNAL}; a {@link VirtualMachineError} such as
 *       {@link OutOfMemoryError} is rethrown as it is, never turned into a verdict on the input (the heap check
 *       refuses inputs before allocating).</li>
 * </ul>
 */
final class Failures {
    private static final String OURS = "com.galerly.";

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
                return new GalerlyException(ErrorCode.IO_ERROR, c.getMessage(), t, true);
            }
            if (c instanceof InterruptedIOException || c instanceof InterruptedException
                    || c instanceof ClosedByInterruptException) {
                return new GalerlyException(ErrorCode.IO_ERROR, "interrupted while processing " + name
                        + "; retry", t, true);
            }
        }
        if (t instanceof StackOverflowError) {
            return new LimitExceededException(name + " is nested too deeply for the " + format + " reader", t);
        }
        if (t instanceof VirtualMachineError vm) {
            throw vm;
        }
        if (t instanceof LinkageError) {
            return new GalerlyException(ErrorCode.CONFIGURATION, "the " + format + " codec cannot be loaded: " + t, t);
        }
        String detail = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        if (t instanceof Error || t instanceof RuntimeException && thrownByUs(t)) {
            return new GalerlyException(ErrorCode.INTERNAL, "processing " + name + " (" + format
                    + ") failed on a bug in Galerly: " + t, t);
        }
        String what = t instanceof EOFException ? "truncated" : "malformed";
        return new CorruptImageException(name + " is a " + what + " " + format + " image: " + detail, t);
    }

    /**
     * Whether the frame that threw (the first one outside the JDK's general libraries, which throw on behalf of
     * their caller) is Galerly's. A JDK ImageIO reader ({@code com.sun.imageio}, {@code javax.imageio}) counts as a
     * third party.
     */
    static boolean thrownByUs(Throwable t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            String c = frame.getClassName();
            if (c.startsWith(OURS)) {
                return true;
            }
            if ((c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun."))
                    && !c.startsWith("java.awt.color.") && !c.startsWith("sun.java2d.cmm.")) {
                continue;
            }
            return false;
        }
        return false;
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
