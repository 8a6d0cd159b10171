/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.imaging.internal;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
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
import com.galerly.core.image.RenderTimes;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.RenditionSpec;
import com.galerly.core.image.ResizePlan;
import com.galerly.core.image.Size;
import com.galerly.imaging.DecodedImage;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.ImageEncoder;
import com.galerly.imaging.Sniff;
import com.galerly.imaging.internal.colour.IccTransforms;
import com.galerly.imaging.internal.colour.RgbTransform;
import com.galerly.imaging.internal.jpeg.JpegUnsupportedException;
import com.galerly.imaging.internal.planar.Deadline;
import com.galerly.imaging.internal.planar.PlanarImage;
import com.galerly.imaging.internal.planar.Tasks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.LongAdder;

/**
 * The {@link ImageProcessor}: sniff, check limits on the header, decode once (reduced where the codec allows
 * and quality holds), normalise to sRGB, orient, then render every rendition from the best source: the
 * decoded image, or an already rendered full-frame rendition at least twice the needed resolution (never a
 * re-encoded one). Renditions are made largest first so the decoded image can be released early.
 *
 * <p>Two paths share that ladder ({@link Canvas}): a baseline or progressive JPEG, or an opaque 8-bit RGB or grey
 * PNG, stays in YCbCr planes from decoding to Galerly's encoder ({@link PlanarCanvas}; an RGB profile other than
 * sRGB is applied to each rendition at output resolution); everything else is normalised to packed sRGB and
 * resampled on premultiplied alpha ({@link ArgbCanvas}). With {@code threads > 1} the work of one photo is shared
 * with the JVM-wide pool of {@link SharedPool} (at most {@code threads - 1} of its threads per engine; idle threads
 * end by themselves, so an engine needs no closing).
 *
 * <p>Every photo runs under a {@link Deadline} ({@link ProcessorSettings#timeLimit()}, or the caller's if earlier):
 * decoders, resamplers and encoders check it between rows, scans and renditions.
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
    /**
     * How many times the output resolution a decode at 1/2, 1/4 or 1/8 must keep (index: the scale). Scaling inside
     * the DCT averages each 2x2, 4x4 or 8x8 group: a box low-pass, softer than Lanczos-3 near the output's Nyquist
     * frequency unless the Lanczos pass that follows has some room. Measured (PlanarPathQualityTest, SSIM on luma
     * against a direct double-precision Lanczos-3): with no room a 1/2 or 1/4 decode of fine texture scores
     * 0.974-0.985; with this room every scale scores 0.992 or more on the test photo. At 1/8 the reference itself
     * averages so widely that 1.2x suffices there (0.9925 at 1.25x, a 400 px thumbnail of a 24 MP photo), which is
     * what lets a thumbnail skip the inverse DCT altogether.
     */
    static final double[] DCT_HEADROOM = {0, 0, 1.5, 0, 1.5, 0, 0, 0, 1.2};
    /**
     * How many times the output resolution every rendition must be reduced by before a reading whose planes are
     * optional (a PNG, {@link PlanarReading#planesOptional()}) takes the planar path: then the output's chroma grid
     * (2.8 source pixels or more) is coarser than the 4:2:0 planes' (2), and the renditions match the RGB path's
     * (PlanarPathQualityTest). Nearer 1:1, chroma subsampled at the source and resampled again is visibly softer
     * on sharp colour edges (mean colour delta up to 2 on CorpusTest's 1:1 thumbnails), so those stay on the RGB path.
     */
    static final double OPTIONAL_PLANES_ROOM = 1.4;
    /** Longest side of the miniature the placeholder is computed from. */
    private static final int PLACEHOLDER_SIDE = 64;

    private final ProcessorSettings settings;
    private final List<ImageDecoder> decoders;
    private final Map<ImageFormat, List<ImageEncoder>> encoders;
    /** Encodes renditions while the next one is resampled, when {@code threads > 1}; null otherwise. */
    private final SharedPool.Bounded encoding;
    private final Clock clock = Clock.systemUTC();

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
        this.encoding = settings.threads() > 1 ? SharedPool.bounded(settings.threads() - 1) : null;
    }

    /**
     * Throws {@code CONFIGURATION} when no installed encoder writes one of {@code profile}'s formats, so a pipeline
     * finds a missing codec when it is built instead of failing every photo.
     */
    @Override
    public void requireEncoders(RenditionProfile profile) {
        encodersFor(profile);
    }

    /** The decoders in the order they are asked. */
    public List<ImageDecoder> decoders() {
        return decoders;
    }

    @Override
    public ImageInfo inspect(ImageSource source) {
        try (SourceInput in = SourceInput.open(source, settings.maxBytes()).limitedTo(settings.maxPixels())) {
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
        return process(source, profile, null);
    }

    @Override
    public ProcessedImage process(ImageSource source, RenditionProfile profile, Instant deadline) {
        Duration budget = settings.timeLimit();
        String origin = "timeLimit";
        boolean callers = false;
        if (deadline != null) {
            Duration left = Duration.between(clock.instant(), deadline);
            if (left.compareTo(budget) < 0) {
                budget = left;
                origin = "the caller's deadline";
                callers = true;
            }
        }
        try (Deadline.Scope scope = Deadline.in(source.name(), budget, origin, callers).enter()) {
            Deadline.check("starting");
            return processWithin(source, profile);
        }
    }

    private ProcessedImage processWithin(ImageSource source, RenditionProfile profile) {
        Map<RenditionSpec, ImageEncoder> chosen = encodersFor(profile);
        try (SourceInput in = SourceInput.open(source, settings.maxBytes()).limitedTo(settings.maxPixels())) {
            ImageDecoder decoder = decoderFor(in);
            Handoff original = new Handoff();
            ImageInfo info;
            long decodeStart = System.nanoTime();
            try (ImageDecoder.Reading reading = decoder.open(in)) {
                info = reading.info();
                checkPixels(source.name(), info);
                original.canvas = planar(source.name(), reading, info, profile);
                if (original.canvas == null) {
                    int subsampling = subsampling(info, profile);
                    checkHeap(source.name(), info, subsampling);
                    DecodedImage decoded = reading.decode(subsampling);
                    Deadline.check("decoding");
                    PixelSource full = Oriented.of(Pixels.srgb(decoded), info.orientation());
                    Size oriented = info.orientedSize();
                    original.canvas = new ArgbCanvas(full, (double) full.width() / oriented.width(),
                            (double) full.height() / oriented.height());
                }
            } catch (Exception | Error e) {
                throw Failures.fromDecoding(source.name(), decoder.name(), e);
            }
            Duration decoding = Duration.ofNanos(System.nanoTime() - decodeStart);
            try {
                return render(info, original, profile, chosen, decoding);
            } catch (Exception | Error e) {
                throw Failures.fromDecoding(source.name(), decoder.name(), e);
            }
        }
    }

    /**
     * The decoded image as planes when the reading offers them, decoded at the smallest DCT scale that keeps
     * {@link #DCT_HEADROOM} times every rendition's resolution; an embedded RGB profile other than sRGB is applied
     * to each rendition at output resolution ({@link PlanarCanvas#colour}). Null when the ImageIO path must decode
     * it (no planar decoder for it, alpha, or a profile the planar path cannot apply).
     */
    private Canvas planar(String name, ImageDecoder.Reading reading, ImageInfo info, RenditionProfile profile)
            throws IOException {
        if (!(reading instanceof PlanarReading planar) || !planar.planarSupported() || info.hasAlpha()) {
            return null;
        }
        RgbTransform colour = null;
        if (info.colorProfileName() != null && !IccProfiles.srgb(info.colorProfileName())) {
            colour = "GRAY".equals(info.colorModel()) ? null : IccTransforms.toSrgb(planar.icc(), info.colorProfileName());
            if (colour == null) {
                return null;
            }
        }
        if (planar.planesOptional() && room(info, profile) < OPTIONAL_PLANES_ROOM) {
            return null;
        }
        int scale = dctScale(info, profile);
        long planes = planar.planarBytes(scale);
        if (planar.planesOptional() && !fits(planes)) {
            return null;
        }
        requireHeap(name, info, planes, planes);
        try {
            PlanarImage image = planar.planar(scale, encoding);
            return new PlanarCanvas(image, new Size(info.width(), info.height()), 1.0 / scale, 1.0 / scale,
                    info.orientation(), colour);
        } catch (JpegUnsupportedException e) {
            return null;
        }
    }

    /** The largest of 1, 2, 4, 8 that leaves every rendition {@link #DCT_HEADROOM} times its resolution. */
    static int dctScale(ImageInfo info, RenditionProfile profile) {
        double room = room(info, profile);
        for (int scale = 8; scale > 1; scale /= 2) {
            if (room >= scale * DCT_HEADROOM[scale]) {
                return scale;
            }
        }
        return 1;
    }

    /** The least ratio, over the renditions and both axes, of the source pixels cropped to the output pixels. */
    private static double room(ImageInfo info, RenditionProfile profile) {
        Size oriented = info.orientedSize();
        double room = Double.MAX_VALUE;
        for (RenditionSpec spec : profile.specs()) {
            ResizePlan plan = spec.plan(oriented);
            room = Math.min(room, (double) plan.crop().width() / plan.output().width());
            room = Math.min(room, (double) plan.crop().height() / plan.output().height());
        }
        return room;
    }

    /**
     * The first decoder, by priority, whose sniff accepts the head. Availability is asked only of that one (and,
     * for the error message, of those that declined when none accepts): asking it loads a decoder's native library
     * (libheif, libwebp) or scans the ImageIO registry, which a JPEG upload must not pay for at a cold start.
     */
    private ImageDecoder decoderFor(SourceInput in) {
        byte[] head = in.headView();
        Map<ImageDecoder, String> declined = new java.util.LinkedHashMap<>();
        for (ImageDecoder decoder : decoders) {
            Sniff sniff = sniffQuietly(decoder, head);
            if (sniff != null && sniff.accepted()) {
                Optional<String> unavailable = decoder.unavailableReason();
                if (unavailable.isPresent()) {
                    throw new GalerlyException(ErrorCode.CONFIGURATION, in.name() + " is " + decoder.name()
                            + ", but its decoder cannot run here: " + unavailable.get());
                }
                return decoder;
            }
            declined.put(decoder, sniff != null ? sniff.reason() : "no answer");
        }
        List<String> tried = new ArrayList<>();
        declined.forEach((decoder, reason) -> tried.add(decoder.name() + " ("
                + decoder.unavailableReason().orElse(reason) + ")"));
        String sniffed = Signatures.describe(head);
        throw new UnsupportedFormatException("no decoder for " + in.name() + " (sniffed: " + sniffed
                + (head.length > 0 ? ", starts " + Signatures.hex(head, 8) : "") + "); tried: " + String.join(", ", tried));
    }

    private static Sniff sniffQuietly(ImageDecoder decoder, byte[] head) {
        try {
            return decoder.sniff(head.clone());
        } catch (RuntimeException | LinkageError e) {
            return Sniff.decline("failed: " + e);
        }
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
                    throw new GalerlyException(ErrorCode.CONFIGURATION, "no encoder for " + spec.format().id()
                            + " renditions ("
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
     * Refuses, before allocating, a decode this heap can never hold: what the chosen path holds at once at its
     * peak (the decoded raster at its real bit depth, plus the packed-int copy the conversion makes for layouts
     * not read in place, such as 1-bit, 16-bit, palette, CMYK or a converted ICC profile) exceeds the maximum
     * heap less {@link #BASE_HEAP}. The heap the memory rule of docs/imaging.md asks for ({@link #heapNeeded}) is
     * larger: it also covers the renditions. No OutOfMemoryError is ever caught to refuse an input.
     */
    private static void checkHeap(String name, ImageInfo info, int subsampling) {
        long pixels = ((long) info.width() + subsampling - 1) / subsampling
                * (((long) info.height() + subsampling - 1) / subsampling);
        long w = ((long) info.width() + subsampling - 1) / subsampling;
        long decoded = decodedBytes(info, w, pixels / Math.max(1, w));
        long peak = decoded + (converted(info) ? 4 * pixels : 0);
        requireHeap(name, info, decoded, peak);
    }

    private static boolean fits(long peak) {
        long max = Runtime.getRuntime().maxMemory();
        return max == Long.MAX_VALUE || peak <= max - BASE_HEAP;
    }

    private static void requireHeap(String name, ImageInfo info, long decoded, long peak) {
        long max = Runtime.getRuntime().maxMemory();
        if (!fits(peak)) {
            throw new LimitExceededException(name + " (" + info.width() + "x" + info.height() + ", "
                    + info.bitsPerSample() + "-bit " + info.colorModel() + ") needs at least " + peak / (1024 * 1024)
                    + " MiB of heap to decode (" + decoded / (1024 * 1024) + " MiB of decoded samples" + (peak > decoded
                    ? " and " + (peak - decoded) / (1024 * 1024) + " MiB converting them" : "") + "); this JVM has "
                    + max / (1024 * 1024) + " MiB (-Xmx) less " + BASE_HEAP / (1024 * 1024)
                    + " MiB for the rest: lower maxMegapixels or give the JVM more memory");
        }
    }

    /** Bytes of the raster the codec returns for {@code width x height} pixels, at its real bit depth. */
    static long decodedBytes(ImageInfo info, long width, long height) {
        if (!(info.format() == ImageFormat.JPEG || info.format() == ImageFormat.PNG
                || info.format() == ImageFormat.TIFF)) {
            return 4 * width * height;
        }
        int samples = samples(info);
        long bitsPerRow = width * samples * Math.max(1, info.bitsPerSample());
        return (bitsPerRow + 7) / 8 * height;
    }

    /** Whether normalising to sRGB makes a packed-int copy (the layout is not read in place). */
    static boolean converted(ImageInfo info) {
        return info.bitsPerSample() != 8 || info.colorProfileName() != null && !IccProfiles.srgb(info.colorProfileName())
                || "PALETTE".equals(info.colorModel()) || "CMYK".equals(info.colorModel())
                || "YCCK".equals(info.colorModel());
    }

    private static int samples(ImageInfo info) {
        return switch (info.colorModel()) {
            case "GRAY", "PALETTE" -> 1;
            case "CMYK", "YCCK" -> 4;
            default -> 3;
        } + (info.hasAlpha() && !"PALETTE".equals(info.colorModel()) ? 1 : 0);
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
        return decodedBytesPerPixel(info) + (converted(info) ? 4 : 0) + 4;
    }

    /** What the codec allocates per pixel: 1 to 4 samples of 1 or 2 bytes; formats decoded to ints take 4. */
    static int decodedBytesPerPixel(ImageInfo info) {
        int samples = samples(info);
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

    /**
     * The decoded original on its way from decoding to {@link #render}, which {@link #take()}s it: no frame keeps a
     * reference, so the original can be collected as soon as the last rendition resampled from it is done (a
     * 24-megapixel original is ~100 MB of the heap that the later, smaller renditions then have).
     */
    private static final class Handoff {
        private Canvas canvas;

        Canvas take() {
            Canvas taken = canvas;
            canvas = null;
            return taken;
        }
    }

    private ProcessedImage render(ImageInfo info, Handoff decoded, RenditionProfile profile,
                                  Map<RenditionSpec, ImageEncoder> chosen, Duration decoding) throws IOException {
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

        Canvas original = decoded.take();
        Parallel parallel = encoding == null ? Parallel.INLINE : new Parallel(encoding, settings.threads());
        Canvas[] rendered = new Canvas[order.size()];
        EncodedRendition[] results = new EncodedRendition[specs.size()];
        @SuppressWarnings("unchecked")
        FutureTask<EncodedRendition>[] pending = (FutureTask<EncodedRendition>[]) new FutureTask<?>[specs.size()];
        Map<String, String> keep = settings.keepCopyright() ? copyright(info) : Map.of();
        Rendering smallest = null;
        boolean smallestFullFrame = false;
        long resizing = 0;
        LongAdder encodingNanos = new LongAdder();
        for (int step = 0; step < order.size(); step++) {
            int index = order.get(step);
            RenditionSpec spec = specs.get(index);
            ResizePlan plan = plans.get(index);
            Deadline.check("rendering " + spec.name());
            Canvas from = sourceOf[step] < 0 ? original : rendered[sourceOf[step]];
            Size out = plan.output();
            long resizeStart = System.nanoTime();
            Rendering pixels = from.render(plan.crop(), out, parallel);
            resizing += System.nanoTime() - resizeStart;
            if (spec.fit() == Fit.INSIDE) {
                rendered[step] = pixels.canvas(oriented);
            }
            if (step == lastDecodedUse) {
                original = null;                          // the decoded image may now be collected
            }
            ImageEncoder encoder = chosen.get(spec);
            Callable<EncodedRendition> job = Deadline.carry(() -> {
                Deadline.check("encoding " + spec.name());
                long encodeStart = System.nanoTime();
                EncodedRendition done = new EncodedRendition(spec, out, pixels.encode(encoder, spec,
                        settings.progressiveJpeg(), keep, settings.jpegBackground()));
                encodingNanos.add(System.nanoTime() - encodeStart);
                Deadline.check("encoding " + spec.name());
                return done;
            });
            if (encoding == null) {
                results[index] = call(job);
            } else {
                pending[index] = new FutureTask<>(job);
                encoding.execute(pending[index]);
            }
            // the placeholder shows the whole frame: the smallest full-frame rendition, a crop only if there is none
            boolean fullFrame = spec.fit() == Fit.INSIDE;
            if (smallest == null || fullFrame && (!smallestFullFrame || out.pixels() <= smallest.size().pixels())
                    || !fullFrame && !smallestFullFrame && out.pixels() <= smallest.size().pixels()) {
                smallest = pixels;
                smallestFullFrame = fullFrame;
            }
        }
        // encodes no worker has started yet run here, so both threads encode once the resampling is done
        for (int i = pending.length - 1; i >= 0; i--) {
            if (pending[i] != null) {
                pending[i].run();                         // a no-op when a worker has it
            }
        }
        for (int i = 0; i < pending.length; i++) {
            if (pending[i] != null) {
                while (!pending[i].isDone() && encoding.runQueued()) {
                    // the parts of an encode a worker queued (JpegPlanarEncoder): taken here rather than waited for
                }
                results[i] = Tasks.get(pending[i], "encoding");
            }
        }
        String placeholder = null;
        if (smallest != null) {
            // BlurHash keeps 4x3 components of colour: a miniature of at most 64 pixels a side carries them all
            Size size = smallest.size();
            double k = Math.min(1.0, (double) PLACEHOLDER_SIDE / Math.max(size.width(), size.height()));
            int w = Math.max(1, (int) Math.round(size.width() * k));
            int h = Math.max(1, (int) Math.round(size.height() * k));
            Deadline.check("computing the placeholder");
            placeholder = BlurHash.encode(smallest.miniature(w, h, settings.jpegBackground()), w, h,
                    w >= h ? 4 : 3, w >= h ? 3 : 4);
        }
        return new ProcessedImage(info, List.of(results), placeholder,
                new RenderTimes(decoding, Duration.ofNanos(resizing), Duration.ofNanos(encodingNanos.sum())));
    }

    private static EncodedRendition call(Callable<EncodedRendition> job) throws IOException {
        try {
            return job.call();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
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

    @Override
    public String toString() {
        return "ImagingEngine[" + settings + ", decoders " + decoders.stream().map(ImageDecoder::name).toList()
                + ", encoders " + encoders.keySet() + "]";
    }
}
