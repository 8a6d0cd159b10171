/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import com.galerly.core.CorruptImageException;
import com.galerly.core.UnsupportedFormatException;
import com.galerly.imaging.ExifTags;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageInput;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Opens a file the RAW decoder accepted: walks its container, hands a TIFF that holds no sensor data to the TIFF
 * decoder, and otherwise probes every embedded JPEG and keeps the largest renderable one. The file is read through
 * a {@link ByteSource}: positional reads on a file, forward reads on a stream, never the whole file into memory.
 */
public final class RawOpener {
    private RawOpener() {
    }

    public static ImageDecoder.Reading open(ImageInput input, RawSignature signature, ImageDecoder jpeg,
                                            ImageDecoder tiff) throws IOException {
        ByteSource source = input.path().isPresent() ? new FileByteSource(input.name(), input.path().get())
                : new StreamByteSource(input);
        try {
            RawLayout layout = walk(source, signature);
            if (layout.format == null) {
                ImageInput replay = source instanceof StreamByteSource s ? s.replay() : input;
                ImageDecoder.Reading reading = tiff.open(replay);
                source.close();
                return reading;
            }
            Map<String, String> metadata = metadata(source, signature, layout);
            JpegProbe.Preview preview = choose(source, layout);
            return new RawReading(source, layout, preview, jpeg, metadata);
        } catch (IOException | RuntimeException | Error e) {
            try {
                source.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static RawLayout walk(ByteSource source, RawSignature signature) throws IOException {
        try {
            return switch (signature) {
                case RAF -> RafWalker.walk(source);
                case CR3 -> Cr3Walker.walk(source);
                case CR2 -> TiffWalker.walk(source, TiffWalker.Kind.CR2);
                case ORF -> TiffWalker.walk(source, TiffWalker.Kind.ORF);
                case RW2 -> TiffWalker.walk(source, TiffWalker.Kind.RW2);
                case TIFF -> TiffWalker.walk(source, TiffWalker.Kind.TIFF);
                case NONE -> throw new UnsupportedFormatException(source.name() + " is not a camera RAW file");
            };
        } catch (EOFException e) {
            throw new CorruptImageException(source.name() + " is a truncated camera RAW file: " + e.getMessage(), e);
        }
    }

    /** The camera fields: the shared EXIF reader over IFD0 for standard TIFF headers, plus the format and sizes. */
    private static Map<String, String> metadata(ByteSource source, RawSignature signature, RawLayout layout) {
        Map<String, String> m = new LinkedHashMap<>(layout.metadata);
        if (signature == RawSignature.TIFF || signature == RawSignature.CR2) {
            try {
                m.putAll(ExifTags.read(new SourceImageInputStream(source), 0, source.length()).values());
            } catch (IOException | RuntimeException e) {
                // damaged EXIF loses camera fields, never the photo
            }
        }
        if (layout.make != null) {
            m.putIfAbsent("Make", layout.make);
        }
        if (layout.model != null) {
            m.putIfAbsent("Model", layout.model);
        }
        m.put("RawFormat", layout.format);
        if (layout.sensorWidth > 0) {
            m.put("SensorSize", layout.sensorWidth + "x" + layout.sensorHeight);
        }
        return m;
    }

    /** The largest renderable preview; a cut file or a RAW without one fails here, before any pixel is decoded. */
    private static JpegProbe.Preview choose(ByteSource source, RawLayout layout) throws IOException {
        List<Candidate> candidates = new ArrayList<>(layout.candidates);
        candidates.sort(Comparator.comparingLong(Candidate::offset));    // a streamed file is read forward
        Set<Long> probed = new HashSet<>();
        JpegProbe.Preview best = null;
        String declined = null;
        for (Candidate c : candidates) {
            if (!probed.add(c.offset())) {
                continue;
            }
            try {
                JpegProbe.Preview p = JpegProbe.probe(source, c);
                if (best == null || p.pixels() > best.pixels()
                        || p.pixels() == best.pixels() && c.length() > best.candidate().length()) {
                    best = p;
                }
            } catch (JpegProbe.Rejected r) {
                if (r.outOfBounds()) {
                    layout.truncated(r.getMessage());
                } else if (declined == null) {
                    declined = r.getMessage();
                }
            } catch (EOFException e) {
                layout.truncated(c.origin() + ": " + e.getMessage());
            }
        }
        String name = source.name();
        if (layout.truncation != null) {
            throw new CorruptImageException(name + " is a truncated " + layout.format + " file: " + layout.truncation);
        }
        if (layout.damage != null) {
            throw new CorruptImageException(name + " is a damaged " + layout.format + " file: " + layout.damage);
        }
        if (best != null) {
            return best;
        }
        throw new UnsupportedFormatException(name + " is a " + layout.format + " file with no embedded JPEG preview "
                + "Galerly can render (" + (declined != null ? declined : "it points to none") + "); Galerly renders "
                + "camera RAW files from their embedded preview and does not demosaic sensor data");
    }
}
