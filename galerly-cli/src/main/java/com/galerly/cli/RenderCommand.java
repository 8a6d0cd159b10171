/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.galerly.core.GalerlyException;
import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.ProcessorSettings;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.RenditionSpec;
import com.galerly.imaging.GalerlyImaging;
import com.galerly.imaging.ImageDecoder;
import com.galerly.imaging.heif.HeifDecoder;
import com.galerly.imaging.raw.RawDecoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code galerly render}: renders every input into DIR/&lt;id&gt;/&lt;rendition&gt;.&lt;ext&gt; and writes
 * manifest.json and an index.html contact sheet. Exit 0 when all rendered, 1 when some failed (the others are
 * still written), 2 on usage errors.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Render photos into their renditions, with manifest.json and an index.html contact sheet.",
            "Exit 0 when every input rendered, 1 when some failed (the others are still written), 2 on usage errors."})
final class RenderCommand implements Callable<Integer> {
    private static final String WEBP_SUFFIX = "-webp";

    @Spec
    CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory to write into (created).")
    Path out;

    @Option(names = "--profile", paramLabel = "standard|FILE.json", defaultValue = "standard",
            description = "Rendition profile: 'standard' (default) or a JSON file.")
    String profile;

    @Option(names = "--format", paramLabel = "jpeg|webp|both",
            description = "Output format of every rendition (default: as the profile says, jpeg for standard).")
    String format;

    @Option(names = "--quality", paramLabel = "1..100", description = "Encoder quality (default 85).")
    Integer quality;

    @Option(names = "--max-megapixels", paramLabel = "N", description = "Refuse larger images (default 200).")
    Double maxMegapixels;

    @Option(names = "--threads", paramLabel = "N", description = "Photos rendered in parallel (default: CPU count).")
    Integer threads;

    @Option(names = "--verbose", description = "Print stack traces of failures.")
    boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "INPUT", description = "Image files or directories (recursed).")
    List<Path> inputs;

    /** Where the fast path ({@link RenderLine}) prints; picocli's streams when {@link #spec} is set. */
    PrintWriter stdout;
    PrintWriter stderr;

    @Override
    public Integer call() {
        if (spec != null) {
            stdout = spec.commandLine().getOut();
            stderr = spec.commandLine().getErr();
        }
        RenditionProfile base = ProfileFile.read(profile);
        Map<String, String> baseNames = new HashMap<>();
        RenditionProfile rendering = withOptions(base, baseNames);
        ProcessorSettings.Builder settings = ProcessorSettings.builder();
        if (maxMegapixels != null) {
            if (!(maxMegapixels > 0)) {
                throw new UserException("--max-megapixels must be > 0, was " + maxMegapixels);
            }
            settings.maxMegapixels(maxMegapixels);
        }
        int parallel = threads != null ? threads : Math.max(1, Runtime.getRuntime().availableProcessors());
        if (parallel < 1 || parallel > 256) {
            throw new UserException("--threads must be 1..256, was " + parallel);
        }
        List<InputFiles.Input> files = InputFiles.collect(inputs);
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserException("--out " + out + " exists and is not a directory");
        }
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserException("cannot create --out " + out + ": " + e.getMessage());
        }
        // a photo gets the threads no other photo uses: both cores for a single photo, one each in a batch
        settings.threads(Math.max(1, Math.min(256, parallel / files.size())));
        ImageProcessor processor = processor(settings.build());

        List<Map<String, Object>> photos = renderAll(processor, rendering, baseNames, files, parallel);
        reportFailures(photos, stderr);
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("profile", base.name());
        manifest.put("photos", photos);
        try {
            Files.writeString(out.resolve("manifest.json"), JsonText.pretty(manifest) + "\n",
                    StandardCharsets.UTF_8);
            Files.writeString(out.resolve("index.html"), ContactSheet.html(base.name(), photos), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserException("cannot write into " + out + ": " + e.getMessage(), 1);
        }
        long failed = photos.stream().filter(p -> !"ok".equals(p.get("status"))).count();
        stdout.println("rendered " + (photos.size() - failed) + " of " + photos.size() + " photos into " + out
                + (failed > 0 ? " (" + failed + " failed)" : "") + "; open " + out.resolve("index.html"));
        stdout.flush();
        return failed > 0 ? 1 : 0;
    }

    /**
     * The engine with the CLI's two plugins named rather than discovered: {@code ServiceLoader} opens every jar of
     * the CLI's class path (some 150, the demo's stand-ins included) to look for {@code META-INF/services} files,
     * 40 ms of a cold start. The jar's manifest fixes that class path, so these are exactly the plugins discovery
     * finds ({@code RenderCommandTest} compares the two engines).
     */
    static ImageProcessor processor(ProcessorSettings settings) {
        GalerlyImaging.Builder engine = GalerlyImaging.builder().settings(settings).discoverPlugins(false);
        plugins().forEach(engine::decoder);
        return engine.build();
    }

    /** The plugins the CLI ships with, as discovery would list them. */
    static List<ImageDecoder> plugins() {
        return List.of(new HeifDecoder(), new RawDecoder());
    }

    private List<Map<String, Object>> renderAll(ImageProcessor processor, RenditionProfile rendering,
                                                Map<String, String> baseNames, List<InputFiles.Input> files,
                                                int parallel) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallel, files.size()), r -> {
            Thread t = new Thread(r, "galerly-render");
            t.setDaemon(true);
            return t;
        });
        ProgressBar bar = System.console() != null && files.size() > 1
                ? new ProgressBarBuilder().setTaskName("render").setInitialMax(files.size()).setUnit(" photos", 1)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err)).continuousUpdate().build()
                : null;
        try {
            List<Future<Map<String, Object>>> futures = new ArrayList<>();
            for (InputFiles.Input input : files) {
                futures.add(pool.submit(() -> {
                    try {
                        return renderOne(processor, rendering, baseNames, input);
                    } finally {
                        if (bar != null) {
                            bar.step();
                        }
                    }
                }));
            }
            List<Map<String, Object>> photos = new ArrayList<>(files.size());
            for (int i = 0; i < futures.size(); i++) {
                photos.add(result(futures.get(i), files.get(i)));
            }
            return photos;
        } finally {
            pool.shutdownNow();
            if (bar != null) {
                bar.close();
            }
        }
    }

    /** One line per failed photo on stderr, after the progress bar is gone. */
    private static void reportFailures(List<Map<String, Object>> photos, PrintWriter stderr) {
        for (Map<String, Object> photo : photos) {
            if (!"ok".equals(photo.get("status"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> error = (Map<String, Object>) photo.get("error");
                stderr.println("galerly: " + photo.get("source") + ": " + error.get("code") + ": " + error.get("message"));
            }
        }
        stderr.flush();
    }

    private Map<String, Object> result(Future<Map<String, Object>> future, InputFiles.Input input) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserException("interrupted", 1);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            GalerlyException g = cause instanceof GalerlyException ge ? ge
                    : new GalerlyException(com.galerly.core.ErrorCode.IO_ERROR, input.path() + ": " + cause, cause);
            if (verbose) {
                cause.printStackTrace(stderr);
            }
            return ImageJson.failed(head(input, "failed"), g);
        }
    }

    private Map<String, Object> renderOne(ImageProcessor processor, RenditionProfile rendering,
                                          Map<String, String> baseNames, InputFiles.Input input) throws IOException {
        ProcessedImage image;
        try {
            image = processor.process(ImageSource.of(input.path()), rendering);
        } catch (GalerlyException e) {
            if (verbose) {
                e.printStackTrace(stderr);
            }
            return ImageJson.failed(head(input, "failed"), e);
        }
        Path dir = out.resolve(input.id());
        Files.createDirectories(dir);
        List<Map<String, Object>> renditions = new ArrayList<>();
        for (EncodedRendition r : image.renditions()) {
            String name = baseNames.getOrDefault(r.name(), r.name());
            String file = name + "." + r.format().extension();
            try (var os = Files.newOutputStream(dir.resolve(file))) {
                r.writeTo(os);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("file", input.id() + "/" + file);
            m.put("width", r.width());
            m.put("height", r.height());
            m.put("bytes", r.length());
            m.put("contentType", r.contentType());
            renditions.add(m);
        }
        Map<String, Object> photo = head(input, "ok");
        photo.put("original", ImageJson.original(image.info()));
        photo.put("width", image.info().orientedSize().width());
        photo.put("height", image.info().orientedSize().height());
        photo.put("renditions", renditions);
        Map<String, Object> placeholder = new LinkedHashMap<>();
        placeholder.put("blurhash", image.placeholder());
        photo.put("placeholder", placeholder);
        return photo;
    }

    private static Map<String, Object> head(InputFiles.Input input, String status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", input.path().toString());
        m.put("id", input.id());
        m.put("status", status);
        return m;
    }

    /** Applies --format and --quality; with {@code both}, each rendition is made twice from the one decode. */
    private RenditionProfile withOptions(RenditionProfile base, Map<String, String> baseNames) {
        RenditionProfile p = base;
        if (quality != null) {
            if (quality < 1 || quality > 100) {
                throw new UserException("--quality must be 1..100, was " + quality);
            }
            p = p.withQuality(quality);
        }
        if (format == null) {
            return p;
        }
        switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "jpeg", "jpg" -> {
                return p.withFormat(ImageFormat.JPEG);
            }
            case "webp" -> {
                return p.withFormat(ImageFormat.WEBP);
            }
            case "both" -> {
                RenditionProfile.Builder both = RenditionProfile.builder().name(p.name());
                for (RenditionSpec s : p.specs()) {
                    both.add(s.toBuilder().format(ImageFormat.JPEG).build());
                }
                for (RenditionSpec s : p.specs()) {
                    String name = s.name() + WEBP_SUFFIX;
                    if (name.length() > 32) {
                        throw new UserException("--format both needs rendition names of at most "
                                + (32 - WEBP_SUFFIX.length()) + " characters, and " + s.name() + " is longer");
                    }
                    baseNames.put(name, s.name());
                    both.add(s.toBuilder().name(name).format(ImageFormat.WEBP).build());
                }
                return both.build();
            }
            default -> throw new UserException("--format must be jpeg, webp or both, was " + format);
        }
    }
}
