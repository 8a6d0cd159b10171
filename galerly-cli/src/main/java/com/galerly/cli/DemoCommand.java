/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.galerly.cli.demo.DemoRun;
import com.galerly.cli.demo.GalleryHtml;
import com.galerly.cli.demo.LifecycleRun;
import com.galerly.cli.demo.LocalCloud;
import com.galerly.cli.demo.RecordStore;
import com.galerly.cli.demo.SamplePhotos;
import com.galerly.core.PhotoStatus;
import com.galerly.core.gallery.PhotoView;
import com.galerly.testkit.dynamodb.DynaliteExtension;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code galerly demo}: the whole flow on embedded stand-ins; see shared/CLI.md. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Runs the whole flow locally on open-source stand-ins: S3Proxy and, by default, the embedded SQL",
                "record store: presigned upload over HTTP -> S3 event -> rendition handler -> record ACTIVE ->",
                "gallery listing with CloudFront signed URLs, and writes gallery.html. Nothing to install."})
final class DemoCommand implements Callable<Integer> {
    private static final List<String> IMAGE_EXTENSIONS = List.of("jpg", "jpeg", "png", "webp", "gif", "bmp", "tif",
            "tiff", "heic", "heif", "avif", "cr2", "cr3", "nef", "arw", "dng", "orf", "raf", "rw2");

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--photos", paramLabel = "DIR", description = "Photos to upload (default: generated samples).")
    Path photos;

    @Option(names = "--out", paramLabel = "DIR", description = "Where gallery.html goes (default: ${DEFAULT-VALUE}).",
            defaultValue = "galerly-demo")
    Path out;

    @Option(names = "--chaos", description = "Deliver every event twice, out of order, with transient S3 and DynamoDB "
            + "faults, then verify the final state and print a JSON summary last.")
    boolean chaos;

    @Option(names = "--lifecycle", description = "After the first listing, replace a photo's original, change the "
            + "profile and backfill twice, then erase a photo and the gallery, on a versioned bucket (Adobe S3Mock), "
            + "fetching every checked URL through a local CloudFront stand-in; verify and print a JSON summary last.")
    boolean lifecycle;

    /** A fault injected into the lifecycle, so its tests can see a wrong field make the demo fail. */
    @Option(names = "--fault", paramLabel = "FAULT", defaultValue = "NONE", hidden = true)
    LifecycleRun.Fault fault;

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL",
            description = "Record photos in DynamoDB or a DynamoDB-compatible server at URL (credentials and "
                    + "region from the AWS environment) instead of the embedded SQL store.")
    URI dynamoDbEndpoint;

    @Option(names = "--dynamodb", description = "Start dynalite (a DynamoDB-API server; needs Node.js) and record "
            + "photos there instead of the embedded SQL store.")
    boolean dynalite;

    @Option(names = "--serve", description = "Run the demo as a local web gallery (upload from the browser, "
            + "private images through a local CloudFront stand-in) until interrupted; prints the page URL first.")
    boolean serve;

    @Option(names = "--port", paramLabel = "N",
            description = "Port of --serve on 127.0.0.1 (default: 8080; 0 for any free one).")
    Integer port;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "6", hidden = true)
    int samples;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", hidden = true)
    long seed;

    @Option(names = "--verbose", description = "Print stack traces of failures.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        if (lifecycle && (chaos || serve)) {
            throw new UserException("--lifecycle, --chaos and --serve are exclusive");
        }
        if (fault != LifecycleRun.Fault.NONE && !lifecycle) {
            throw new UserException("--fault needs --lifecycle");
        }
        if (serve) {
            if (dynalite || dynamoDbEndpoint != null) {
                throw new UserException("--serve records in its own embedded store; drop --dynamodb/--dynamodb-endpoint");
            }
            return WebGalleryCommand.serve(port == null ? 8080 : port, chaos, stdout, stderr);
        }
        if (port != null) {
            throw new UserException("--port needs --serve");
        }
        if (dynalite && dynamoDbEndpoint != null) {
            throw new UserException("--dynamodb and --dynamodb-endpoint are exclusive");
        }
        List<SamplePhotos.Sample> inputs = photos == null ? SamplePhotos.generate(samples) : read(photos);
        if (inputs.isEmpty()) {
            throw new UserException("no image files in " + photos);
        }
        stderr.println("galerly demo: starting " + (lifecycle ? "Adobe S3Mock (a versioned bucket)" : "S3Proxy")
                + " on loopback and the record store...");
        DemoRun.Report report;
        LifecycleRun.Summary life = null;
        long starting = System.nanoTime();
        try (LocalCloud cloud = lifecycle ? LocalCloud.startVersioned(records()) : LocalCloud.start(records())) {
            stderr.printf(Locale.ROOT, "galerly demo: objects are stored in %s (started in %.1f s)%n",
                    cloud.s3Description(), (System.nanoTime() - starting) / 1e9);
            stderr.println("galerly demo: photos are recorded in " + cloud.records().description());
            DemoRun run = new DemoRun(cloud, new DemoRun.Options(chaos, 0.08, seed, Duration.ofMinutes(3)),
                    line -> stderr.println("  " + line));
            try {
                report = run.run(inputs);
                printTable(stdout, report);
                Path page = GalleryHtml.write(Files.createDirectories(out), report, run);
                stdout.println();
                stdout.println("gallery: " + page.toAbsolutePath());
                if (lifecycle) {
                    stdout.println();
                    life = new LifecycleRun(cloud, run, fault, line -> stderr.println("  " + line), stdout::println)
                            .run(report);
                }
            } finally {
                run.close();
            }
        }
        report.problems().forEach(p -> stderr.println("galerly demo: " + p));
        stdout.println("records: " + report.store());
        stdout.printf(Locale.ROOT, "%d photos, %d active, %d failed, %d event deliveries%s%n", report.photos(),
                report.active(), report.failed(), report.deliveries(),
                chaos ? ", " + report.faultsInjected() + " faults injected, " + report.duplicatesSuppressed()
                        + " duplicate or stale deliveries suppressed" : "");
        if (chaos) {
            stdout.println(report.summaryJson());
        }
        if (life != null) {
            life.problems().forEach(p -> stderr.println("galerly demo: lifecycle: " + p));
            stdout.println(life.json());
        }
        return report.ok() && (life == null || life.ok()) ? 0 : 1;
    }

    private RecordStore records() throws Exception {
        if (dynamoDbEndpoint != null) {
            if (dynamoDbEndpoint.getScheme() == null || dynamoDbEndpoint.getHost() == null) {
                throw new UserException("--dynamodb-endpoint must be an absolute URL such as http://127.0.0.1:8000, was "
                        + dynamoDbEndpoint);
            }
            return RecordStore.dynamoDb(dynamoDbEndpoint);
        }
        if (dynalite) {
            try {
                return RecordStore.dynalite();
            } catch (DynaliteExtension.Unavailable e) {
                throw new UserException("--dynamodb: cannot start dynalite: " + e.getMessage());
            }
        }
        return RecordStore.embedded();
    }

    private static void printTable(PrintWriter out, DemoRun.Report report) {
        out.printf(Locale.ROOT, "%-26s  %-18s  %-8s  %-11s  %s%n", "PHOTO", "FILE", "STATUS", "SIZE", "THUMBNAIL (signed CloudFront URL)");
        for (DemoRun.Result r : report.results()) {
            PhotoView p = r.view();
            out.printf(Locale.ROOT, "%-26s  %-18s  %-8s  %-11s  %s%n", p.id(), abbreviate(r.fileName(), 18), p.status(),
                    p.status() == PhotoStatus.ACTIVE ? p.width() + "x" + p.height() : "",
                    p.url("thumbnail").orElse(p.errorCode().map(Enum::name).orElse("")));
        }
    }

    private static String abbreviate(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max - 1) + "~";
    }

    private static List<SamplePhotos.Sample> read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new UserException("--photos " + dir + " is not a directory");
        }
        List<SamplePhotos.Sample> samples = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String name = f.getFileName().toString();
                String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                if (IMAGE_EXTENSIONS.contains(ext)) {
                    samples.add(new SamplePhotos.Sample(name, Files.readAllBytes(f)));
                }
            }
        }
        return samples;
    }
}
