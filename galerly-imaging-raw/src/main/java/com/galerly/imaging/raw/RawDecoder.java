/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw;

import com.galerly.core.image.ImageFormat;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageInput;
import com.galerly.imaging.Sniff;
import com.galerly.imaging.raw.internal.RawOpener;
import com.galerly.imaging.raw.internal.RawSignature;
import java.io.IOException;
import java.util.Set;

/**
 * Camera RAW input for galerly-imaging: CR2, CR3, NEF, ARW, DNG, ORF, PEF, RW2, RAF (and other TIFF-based RAW
 * files), rendered from the largest embedded JPEG preview through the same JPEG path as any JPEG, with the RAW's own
 * orientation. It does not demosaic sensor data: a RAW without a renderable preview is {@code UNSUPPORTED_FORMAT}.
 * {@link com.galerly.core.image.ImageInfo} reports the preview's size (and the sensor's in its {@code SensorSize}
 * field when the container states it).
 *
 * <p>Pure Java. The file is never read whole: a path is read at random, a stream forward (with its first megabyte
 * kept), and every offset and length taken from the file is checked, so a hostile file fails with
 * {@code CORRUPT_IMAGE} instead of looping or allocating. A file cut short (sensor data or preview past its end) is
 * {@code CORRUPT_IMAGE} even when its preview survived. Plain TIFF files, which share the RAW header, are handed to
 * the TIFF decoder.
 *
 * <p>Found through {@code META-INF/services}: adding the {@code galerly-imaging-raw} jar is enough.
 *
 * {@snippet :
 * ImageProcessor processor = GalerlyImaging.processor();        // finds RawDecoder on the classpath
 * ProcessedImage out = processor.process(ImageSource.of(Path.of("DSC_0042.NEF")), RenditionProfile.standard());
 * out.info().format();                                          // RAW
 * out.info().metadata().get("RawFormat");                       // "NEF"
 * }
 */
public final class RawDecoder implements ImageDecoder {
    /** Asked before the built-in TIFF decoder, which would otherwise render a RAW's thumbnail. */
    public static final int PRIORITY = 10;
    private static final Set<String> EXTENSIONS = Set.of("cr2", "cr3", "raf", "orf", "ori", "rw2", "rwl", "raw",
            "nef", "nrw", "arw", "srf", "sr2", "dng", "pef", "ptx", "srw", "erf", "3fr", "fff", "mef", "mos", "dcr",
            "kdc");

    private final ImageDecoder jpeg;
    private final ImageDecoder tiff;

    public RawDecoder() {
        ImageDecoder j = null;
        ImageDecoder t = null;
        for (ImageDecoder d : GalerlyImaging.builtInDecoders()) {
            if ("jpeg".equals(d.name())) {
                j = d;
            } else if ("tiff".equals(d.name())) {
                t = d;
            }
        }
        if (j == null || t == null) {
            throw new IllegalStateException("galerly-imaging provides no built-in jpeg and tiff decoders");
        }
        this.jpeg = j;
        this.tiff = t;
    }

    @Override
    public String name() {
        return "raw";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /**
     * The extensions of the RAW files this decoder reads: the containers it walks (CR2, CR3, RAF, ORF, RW2) and the
     * TIFF-based ones of every maker (NEF, NRW, ARW, SRF, SR2, DNG, PEF, SRW, ERF, 3FR, MEF, MOS, DCR, KDC...).
     */
    @Override
    public Set<String> fileExtensions() {
        return EXTENSIONS;
    }

    @Override
    public Sniff sniff(byte[] head) {
        return RawSignature.of(head) == RawSignature.NONE
                ? Sniff.decline("not a camera RAW (CR2, CR3, NEF, ARW, DNG, ORF, PEF, RW2, RAF)")
                : Sniff.accept(ImageFormat.RAW);
    }

    @Override
    public Reading open(ImageInput input) throws IOException {
        return RawOpener.open(input, RawSignature.of(input.head()), jpeg, tiff);
    }

    @Override
    public String toString() {
        return "RawDecoder[priority " + PRIORITY + "]";
    }
}
