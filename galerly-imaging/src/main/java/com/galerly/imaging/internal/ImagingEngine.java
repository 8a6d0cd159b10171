/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.LimitExceededException;
import com.galerly.core.UnsupportedFormatException;
import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.Fit;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageInfo;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.ProcessorSettings;
import com.galerly.core.image.Region;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.RenditionSpec;
import com.galerly.core.image.ResizePlan;
import com.galerly.core.image.Size;
import com.galerly.imaging.DecodedImage;
import com.galerly.imaging.EncodeRequest;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageEncoder;
import com.galerly.imaging.Sniff;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@link ImageProcessor}: sniff, check limits on the header, decode once (reduced where the codec allows
 * and quality holds), normalise to sRGB, orient, then render every rendition from the best source: the
 * decoded image, or an already rendered full-frame rendition at least twice the needed resolution (never a
 * re-encoded one). Renditions are made largest first so the decoded image can be released early.
 */
public final class ImagingEngine implements ImageProcessor {
    /** Heap the engine assumes beyond the pixel buffers (reader state, encoder buffers, small renditions). */
    static final long BASE_HEAP = 48L * 1024 * 1024;
    /**
     * How many times the output resolution a reduced decode must keep: codecs subsample by nearest neighbour,
     * which aliases fine detail and noise; at 4x the Lanczos pass that follows averages it away (SSIM >= 0.99
     * against a direct resample, see QualityTest), at 2x it does not.
     */
    private static final double SUBSAMPLING_HEADROOM = 4.0;
    /** How many times the output resolution a rendered (Lanczos, unencoded) rendition must have to serve as a source. */
    private static final double DERIVED_HEADROOM = 2.0;
    private static final int MAX_SUBSAMPLING = 8;

    private final ProcessorSettings settings;
    private final List<ImageDecoder> decoders;
    private final Map<ImageFormat, List<ImageEncoder>> encoders;

    public ImagingEngine(ProcessorSettings settings, List<ImageDecoder> decoders, List<ImageEncoder> encoders) {
        this.settings = settings;
        List<ImageDecoder> d = new ArrayList<>(decoders);
        d.sort(Comparator.comparingInt(ImageDecoder::priority).reversed());
        this.decoders = List.copyOf(d);
        Map<ImageFormat, List<ImageEncoder>> byFormat = new EnumMap<>(ImageFormat.class);
        for (ImageEncoder e : encoders) {
            byFormat.computeIfAbsent(e.format(), f -> new ArrayList<>()).add(e);
        }
        byFormat.values().forEach(l -> l.sort(Comparator.comparingInt(ImageEncoder::priority).reversed()));
        this.encoders = byFormat;
    }

    /** The decoders in the order they are asked. */
    public List<ImageDecoder> decoders() {
        return decoders;
    }

    @Override
    public ImageInfo inspect(ImageSource source) {
        try (SourceInput in = SourceInput.open(source, settings.maxBytes())) {
            ImageDecoder decoder = decoderFor(in);
            try (ImageDecoder.Reading reading = decoder.open(in)) {
                return reading.info();
            } catch (Exception | Error e) {
                throw Failures.fromDecoding(source.name(), decoder.name(), e);
            }
        }
    }

    @Override
    public ProcessedImage process(ImageSource source, RenditionProfile profile) {
        Map<RenditionSpec, ImageEncoder> chosen = encodersFor(profile);
        try (SourceInput in = SourceInput.open(source, settings.maxBytes())) {
            ImageDecoder decoder = decoderFor(in);
            DecodedImage[] decoded = new DecodedImage[1];
            ImageInfo info;
            try (ImageDecoder.Reading reading = decoder.open(in)) {
                info = reading.info();
                checkPixels(source.name(), info);
                int subsampling = subsampling(info, profile);
                checkHeap(source.name(), info, subsampling);
                decoded[0] = reading.decode(subsampling);
            } catch (Exception | Error e) {
                throw Failures.fromDecoding(source.name(), decoder.name(), e);
            }
            try {
                return render(info, decoded, profile, chosen);
            } catch (Exception | Error e) {
                throw Failures.fromDecoding(source.name(), decoder.name(), e);
            }
        }
    }

    private ImageDecoder decoderFor(SourceInput in) {
        byte[] head = in.headView();
        List<String> tried = new ArrayList<>();
        for (ImageDecoder decoder : decoders) {
            Optional<String> unavailable = decoder.unavailableReason();
            if (unavailable.isPresent()) {
                tried.add(decoder.name() + " (" + unavailable.get() + ")");
                continue;
            }
            Sniff sniff;
            try {
                sniff = decoder.sniff(head.clone());
            } catch (RuntimeException e) {
                tried.add(decoder.name() + " (failed: " + e + ")");
                continue;
            }
            if (sniff != null && sniff.accepted()) {
                return decoder;
            }
            tried.add(decoder.name() + " (" + (sniff != null ? sniff.reason() : "no answer") + ")");
        }
        String sniffed = Signatures.describe(head);
        throw new UnsupportedFormatException("no decoder for " + in.name() + " (sniffed: " + sniffed
                + (head.length > 0 ? ", starts " + Signatures.hex(head, 8) : "") + "); tried: " + String.join(", ", tried));
    }

    private Map<RenditionSpec, ImageEncoder> encodersFor(RenditionProfile profile) {
        Map<RenditionSpec, ImageEncoder> chosen = new java.util.HashMap<>();
        Map<ImageFormat, ImageEncoder> byFormat = new EnumMap<>(ImageFormat.class);
        for (RenditionSpec spec : profile.specs()) {
            ImageEncoder encoder = byFormat.get(spec.format());
            if (encoder == null) {
                List<String> tried = new ArrayList<>();
                for (ImageEncoder e : encoders.getOrDefault(spec.format(), List.of())) {
                    Optional<String> unavailable = e.unavailableReason();
                    if (unavailable.isEmpty()) {
                        encoder = e;
                        break;
                    }
                    tried.add(e.name() + " (" + unavailable.get() + ")");
                }
                if (encoder == null) {
                    throw new UnsupportedFormatException("no encoder for " + spec.format().id() + " renditions ("
                            + spec.name() + ")" + (tried.isEmpty() ? "; none installed" : "; tried: "
                            + String.join(", ", tried)));
                }
                byFormat.put(spec.format(), encoder);
            }
            chosen.put(spec, encoder);
        }
        return chosen;
    }

    private void checkPixels(String name, ImageInfo info) {
        long pixels = (long) info.width() * info.height();
        if (pixels > settings.maxPixels()) {
            throw new LimitExceededException(name + " is " + info.width() + "x" + info.height() + " ("
                    + String.format(java.util.Locale.ROOT, "%.1f", pixels / 1e6) + " MP), over the limit of "
                    + String.format(java.util.Locale.ROOT, "%.1f", settings.maxPixels() / 1e6) + " MP (maxPixels)");
        }
    }

    /**
     * Refuses, before allocating, a decode this heap can never hold (its decoded pixels alone exceed the maximum
     * heap), rather than failing half-way with an OutOfMemoryError. The heap the README's memory rule asks for
     * ({@link #heapNeeded}) is larger: it also covers the conversion copy and the renditions.
     */
    private static void checkHeap(String name, ImageInfo info, int subsampling) {
        long max = Runtime.getRuntime().maxMemory();
        long pixels = ((long) info.width() + subsampling - 1) / subsampling
                * (((long) info.height() + subsampling - 1) / subsampling);
        long decoded = pixels * decodedBytesPerPixel(info);
        if (max != Long.MAX_VALUE && decoded > max) {
            throw new LimitExceededException(name + " (" + info.width() + "x" + info.height() + ") needs at least "
                    + decoded / (1024 * 1024) + " MiB of heap to decode and about " + heapNeeded(info, subsampling)
                    / (1024 * 1024) + " MiB to render; this JVM has " + max / (1024 * 1024) + " MiB (-Xmx)");
        }
    }

    /** The memory rule: heap one photo needs at most, {@link #BASE_HEAP} + {@link #bytesPerPixel} x pixels. */
    static long heapNeeded(ImageInfo info, int subsampling) {
        long w = (info.width() + subsampling - 1) / subsampling;
        long h = (info.height() + subsampling - 1) / subsampling;
        return BASE_HEAP + w * h * bytesPerPixel(info);
    }

    /**
     * Decoded pixels ({@link #decodedBytesPerPixel}), plus a packed-int copy (4) when the layout is not read in
     * place (palette, 16-bit, CMYK, a converted ICC profile), plus the largest rendition kept as a source for the
     * smaller ones (at most 4, since renditions never upscale): 7 for an 8-bit RGB JPEG, 16 at most.
     */
    static int bytesPerPixel(ImageInfo info) {
        boolean converted = info.bitsPerSample() > 8 || info.iccProfile() != null && !IccProfiles.srgb(info.iccProfile())
                || "PALETTE".equals(info.colorModel()) || "CMYK".equals(info.colorModel())
                || "YCCK".equals(info.colorModel());
        return decodedBytesPerPixel(info) + (converted ? 4 : 0) + 4;
    }

    /** What the codec allocates per pixel: 1 to 4 samples of 1 or 2 bytes; formats decoded to ints take 4. */
    static int decodedBytesPerPixel(ImageInfo info) {
        int samples = switch (info.colorModel()) {
            case "GRAY", "PALETTE" -> 1;
            case "CMYK", "YCCK" -> 4;
            default -> 3;
        } + (info.hasAlpha() && !"PALETTE".equals(info.colorModel()) ? 1 : 0);
        return info.format() == ImageFormat.JPEG || info.format() == ImageFormat.PNG || info.format() == ImageFormat.TIFF
                ? samples * Math.max(1, (info.bitsPerSample() + 7) / 8) : 4;
    }

    private static int subsampling(ImageInfo info, RenditionProfile profile) {
        Size oriented = info.orientedSize();
        double room = MAX_SUBSAMPLING;
        for (RenditionSpec spec : profile.specs()) {
            ResizePlan plan = spec.plan(oriented);
            room = Math.min(room, plan.crop().width() / (SUBSAMPLING_HEADROOM * plan.output().width()));
            room = Math.min(room, plan.crop().height() / (SUBSAMPLING_HEADROOM * plan.output().height()));
        }
        return Math.max(1, (int) Math.floor(room));
    }

    private ProcessedImage render(ImageInfo info, DecodedImage[] decoded, RenditionProfile profile,
                                  Map<RenditionSpec, ImageEncoder> chosen) throws IOException {
        Size oriented = info.orientedSize();
        List<RenditionSpec> specs = profile.specs();
        List<Integer> order = new ArrayList<>();
        List<ResizePlan> plans = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            order.add(i);
            plans.add(specs.get(i).plan(oriented));
        }
        order.sort(Comparator.comparingLong((Integer i) -> plans.get(i).output().pixels()).reversed());
        int[] sourceOf = chooseSources(order, specs, plans, oriented);
        int lastDecodedUse = -1;
        for (int step = 0; step < order.size(); step++) {
            if (sourceOf[step] < 0) {
                lastDecodedUse = step;
            }
        }

        PixelSource full = Oriented.of(Pixels.srgb(decoded[0]), info.orientation());
        decoded[0] = null;
        boolean sourceAlpha = full.alpha();
        Candidate original = new Candidate(full, (double) full.width() / oriented.width(),
                (double) full.height() / oriented.height());
        Candidate[] rendered = new Candidate[order.size()];
        EncodedRendition[] results = new EncodedRendition[specs.size()];
        Map<String, String> keep = settings.keepCopyright() ? copyright(info) : Map.of();
        int[] smallest = null;
        Size smallestSize = null;
        for (int step = 0; step < order.size(); step++) {
            int index = order.get(step);
            RenditionSpec spec = specs.get(index);
            ResizePlan plan = plans.get(index);
            Candidate from = sourceOf[step] < 0 ? original : rendered[sourceOf[step]];
            Region crop = plan.crop();
            Size out = plan.output();
            int[] pixels = Lanczos3.resample(from.pixels, crop.x() * from.scaleX, crop.y() * from.scaleY,
                    crop.width() * from.scaleX, crop.height() * from.scaleY, out.width(), out.height());
            boolean alpha = sourceAlpha && transparent(pixels);
            if (spec.fit() == Fit.INSIDE) {
                rendered[step] = new Candidate(Pixels.packed(pixels, out.width(), out.height(), sourceAlpha),
                        (double) out.width() / oriented.width(), (double) out.height() / oriented.height());
            }
            if (step == lastDecodedUse) {
                original = null;                          // the decoded image may now be collected
                full = null;
            }
            ImageEncoder encoder = chosen.get(spec);
            int[] flat = alpha ? flatten(pixels, settings.jpegBackground()) : pixels;
            BufferedImage image = alpha && encoder.keepsAlpha() ? Pixels.image(pixels, out.width(), out.height(), true)
                    : Pixels.image(flat, out.width(), out.height(), false);
            byte[] bytes = encoder.encode(new EncodeRequest(image, spec, settings.progressiveJpeg(), keep));
            results[index] = new EncodedRendition(spec, out, bytes);
            if (smallestSize == null || out.pixels() <= smallestSize.pixels()) {
                smallest = flat;
                smallestSize = out;
            }
        }
        String placeholder = smallest == null ? null
                : BlurHash.encode(smallest, smallestSize.width(), smallestSize.height(),
                        smallestSize.width() >= smallestSize.height() ? 4 : 3,
                        smallestSize.width() >= smallestSize.height() ? 3 : 4);
        return new ProcessedImage(info, List.of(results), placeholder);
    }

    /**
     * For each step (largest output first), the earlier full-frame step to resample from, or -1 for the decoded
     * image: the smallest rendition that still has {@link #DERIVED_HEADROOM} times the resolution needed.
     */
    private static int[] chooseSources(List<Integer> order, List<RenditionSpec> specs, List<ResizePlan> plans,
                                       Size oriented) {
        int[] source = new int[order.size()];
        for (int step = 0; step < order.size(); step++) {
            ResizePlan plan = plans.get(order.get(step));
            double needX = (double) plan.output().width() / plan.crop().width();
            double needY = (double) plan.output().height() / plan.crop().height();
            source[step] = -1;
            long best = Long.MAX_VALUE;
            for (int earlier = 0; earlier < step; earlier++) {
                int e = order.get(earlier);
                Size size = plans.get(e).output();
                if (specs.get(e).fit() != Fit.INSIDE) {
                    continue;
                }
                double haveX = (double) size.width() / oriented.width();
                double haveY = (double) size.height() / oriented.height();
                if (haveX >= DERIVED_HEADROOM * needX && haveY >= DERIVED_HEADROOM * needY
                        && size.pixels() < best) {
                    best = size.pixels();
                    source[step] = earlier;
                }
            }
        }
        return source;
    }

    private static Map<String, String> copyright(ImageInfo info) {
        Map<String, String> kept = new TreeMap<>();
        for (String name : new String[] {Exif.ARTIST, Exif.COPYRIGHT}) {
            String v = info.metadata().get(name);
            if (v != null && !v.isBlank()) {
                kept.put(name, v);
            }
        }
        return kept;
    }

    private static boolean transparent(int[] argb) {
        for (int p : argb) {
            if (p >>> 24 != 0xFF) {
                return true;
            }
        }
        return false;
    }

    /** Alpha composited onto an opaque background colour (straight alpha, 8-bit). */
    static int[] flatten(int[] argb, int background) {
        int br = background >> 16 & 0xFF;
        int bg = background >> 8 & 0xFF;
        int bb = background & 0xFF;
        int[] out = new int[argb.length];
        for (int i = 0; i < argb.length; i++) {
            int p = argb[i];
            int a = p >>> 24;
            if (a == 0xFF) {
                out[i] = p;
                continue;
            }
            int r = ((p >> 16 & 0xFF) * a + br * (255 - a) + 127) / 255;
            int g = ((p >> 8 & 0xFF) * a + bg * (255 - a) + 127) / 255;
            int b = ((p & 0xFF) * a + bb * (255 - a) + 127) / 255;
            out[i] = 0xFF000000 | r << 16 | g << 8 | b;
        }
        return out;
    }

    /** A source to resample from and its scale relative to the full oriented image. */
    private record Candidate(PixelSource pixels, double scaleX, double scaleY) {
    }

    @Override
    public String toString() {
        return "ImagingEngine[" + settings + ", decoders " + decoders.stream().map(ImageDecoder::name).toList()
                + ", encoders " + encoders.keySet() + "]";
    }
}
