/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;

/** {@link Failures#fromDecoding} files each failure under its cause, never everything under CORRUPT_IMAGE. */
class FailuresClassificationTest {
    private static ErrorCode code(Throwable t) {
        return Failures.fromDecoding("p.jpg", "jpeg", t).code();
    }

    /** An exception whose top frame is a third-party reader's. */
    private static RuntimeException thrownBy(String className, RuntimeException e) {
        e.setStackTrace(new StackTraceElement[] {new StackTraceElement(className, "read", "X.java", 1),
            new StackTraceElement("com.galerly.imaging.internal.ImagingEngine", "process", "ImagingEngine.java", 1)});
        return e;
    }

    @Test
    void malformedDataIsCorrupt() {
        assertEquals(ErrorCode.CORRUPT_IMAGE, code(new IIOException("Unsupported marker")));
        assertEquals(ErrorCode.CORRUPT_IMAGE, code(new EOFException("premature end")));
        assertEquals(ErrorCode.CORRUPT_IMAGE, code(thrownBy("com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReader",
                new ArrayIndexOutOfBoundsException(7))), "a third-party reader's reaction to bad data");
        RuntimeException viaRaster = new IllegalArgumentException("bad raster");
        viaRaster.setStackTrace(new StackTraceElement[] {new StackTraceElement("java.awt.image.Raster", "r", "R", 1),
            new StackTraceElement("com.sun.imageio.plugins.png.PNGImageReader", "read", "P", 1),
            new StackTraceElement("com.galerly.imaging.internal.ImagingEngine", "process", "I", 1)});
        assertEquals(ErrorCode.CORRUPT_IMAGE, code(viaRaster), "the JDK's PNG reader is a third party");
    }

    @Test
    void aBugOfOursIsInternal() {
        RuntimeException ours = thrownBy("com.galerly.imaging.internal.jpeg.Scan", new ArrayIndexOutOfBoundsException(3));
        GalerlyException e = Failures.fromDecoding("p.jpg", "jpeg", ours);
        assertEquals(ErrorCode.INTERNAL, e.code());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("bug"), e.getMessage());
        RuntimeException viaJdk = new ArrayIndexOutOfBoundsException(3);
        viaJdk.setStackTrace(new StackTraceElement[] {new StackTraceElement("java.util.Arrays", "copyOfRange", "A", 1),
            new StackTraceElement("com.galerly.imaging.internal.Exif", "read", "Exif.java", 1)});
        assertEquals(ErrorCode.INTERNAL, code(viaJdk), "a JDK utility throwing on our behalf is still ours");
        assertEquals(ErrorCode.INTERNAL, code(new AssertionError("unreachable")));
    }

    @Test
    void aCodecThatCannotLoadIsConfiguration() {
        assertEquals(ErrorCode.CONFIGURATION, code(new UnsatisfiedLinkError("libwebp.so: cannot open")));
        assertEquals(ErrorCode.CONFIGURATION, code(new NoClassDefFoundError("com/twelvemonkeys/imageio/X")));
    }

    @Test
    void anInterruptIsARetryableIoError() {
        GalerlyException e = Failures.fromDecoding("p.jpg", "jpeg",
                new UncheckedIOException(new InterruptedIOException("interrupted while decoding")));
        assertEquals(ErrorCode.IO_ERROR, e.code());
        assertTrue(e.retryable());
    }

    @Test
    void outOfMemoryIsNeverAVerdictOnTheInput() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Failures.fromDecoding("p.jpg", "jpeg", oom)));
        assertEquals(ErrorCode.LIMIT_EXCEEDED, code(new StackOverflowError()), "nesting no check of ours caught");
    }
}
