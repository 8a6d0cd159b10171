/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.raw.internal;

import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.imaging.DecodedImage;
import com.galerly.imaging.ImageDecoder;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One RAW file rendered from its chosen preview through the JPEG decoder: the preview's size and colour, the RAW's
 * own orientation (the preview's EXIF orientation only when the container has none, so it is applied once), and the
 * camera fields of the RAW over those of the preview.
 */
final class RawReading implements ImageDecoder.Reading {
    private final ByteSource source;
    private final RawLayout layout;
    private final JpegProbe.Preview preview;
    private final ImageDecoder jpeg;
    private final Map<String, String> metadata;
    private ImageDecoder.Reading reading;
    private ImageInfo info;

    RawReading(ByteSource source, RawLayout layout, JpegProbe.Preview preview, ImageDecoder jpeg,
               Map<String, String> metadata) {
        this.source = source;
        this.layout = layout;
        this.preview = preview;
        this.jpeg = jpeg;
        this.metadata = metadata;
    }

    @Override
    public ImageInfo info() throws IOException {
        if (info != null) {
            return info;
        }
        reading = jpeg.open(new PreviewInput(source, preview));
        ImageInfo p = reading.info();
        Map<String, String> m = new LinkedHashMap<>(p.metadata());
        m.putAll(metadata);
        int orientation = layout.orientation > 0 ? layout.orientation : p.orientation();
        info = new ImageInfo(ImageFormat.RAW, p.width(), p.height(), orientation, p.colorModel(), p.bitsPerSample(),
                false, p.colorProfileName(), m);
        return info;
    }

    @Override
    public DecodedImage decode(int subsampling) throws IOException {
        info();
        return reading.decode(subsampling);
    }

    @Override
    public void close() throws IOException {
        try {
            if (reading != null) {
                reading.close();
            }
        } finally {
            source.close();
        }
    }

    @Override
    public String toString() {
        return "RawReading[" + source.name() + ", " + layout.format + ", " + preview.width() + "x" + preview.height()
                + " from " + preview.candidate().origin() + "]";
    }
}
