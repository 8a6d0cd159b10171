/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.galerly.aws.lambda.RenditionHandler;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import com.galerly.core.gallery.ErasureReceipt;
import com.galerly.core.gallery.GalleryPage;
import com.galerly.core.gallery.GalleryService;
import com.galerly.core.gallery.PhotoView;
import com.galerly.core.image.Fit;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.RenditionSpec;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.reconcile.Finding;
import com.galerly.core.reconcile.FindingKind;
import com.galerly.core.reconcile.ReconcileReport;
import com.galerly.core.reconcile.Reconciler;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.PutOptions;
import com.galerly.testkit.cdn.LocalCloudFront;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code galerly demo --lifecycle}: a photo's whole life after the first listing of a {@link DemoRun} on a
 * versioned bucket, verified from the outside. Every rendition URL it checks is fetched through
 * {@link LocalCloudFront}, which verifies the listing's CloudFront signatures and keeps an edge cache keyed by path
 * (as the managed CachingOptimized policy does), so a URL that kept its path while its bytes changed would be
 * served stale.
 *
 * <ol>
 *   <li><b>Replace</b>: new bytes are written over one photo's original (same photo id, new ETag and version) and
 *       the S3 event is delivered: its URLs must all change, the others' must not, its new URLs must serve the new
 *       renditions, and a late event for the old version must stay STALE.</li>
 *   <li><b>Re-profile</b>: the profile changes (the thumbnail's quality, a rendition added) and an S3 Batch
 *       Operations backfill over every original runs twice: the first re-renders every ACTIVE photo, the second
 *       makes no write at all (S3 requests and record-store statements counted where they happen).</li>
 *   <li><b>Erase</b>: one photo, then the whole gallery, is deleted with {@link GalleryService#delete} and
 *       {@link GalleryService#deleteGallery}; no object version or delete marker may be left under their prefixes,
 *       no record, and the {@link Reconciler} (before and after) finds no rendition that no record references.</li>
 * </ol>
 */
public final class LifecycleRun {
    /** S3 operations that write (counted on the demo's S3 client). */
    private static final List<String> S3_WRITES = List.of("PutObject", "CopyObject", "DeleteObject", "DeleteObjects",
            "CreateMultipartUpload", "UploadPart", "UploadPartCopy", "CompleteMultipartUpload", "AbortMultipartUpload",
            "PutObjectTagging", "DeleteObjectTagging", "PutObjectAcl", "PutObjectRetention", "PutObjectLegalHold",
            "RestoreObject");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A fault to inject, so the checks can be seen to catch it (hidden option of the demo, for its tests). */
    public enum Fault {
        /** none: the library's calls */
        NONE,
        /** the single photo is deleted the naive way: a plain DELETE of its objects and its record, no erasure */
        PLAIN_DELETE
    }

    /**
     * What the lifecycle found; the JSON summary's fields.
     *
     * @param photos               photos uploaded
     * @param replacedUrlsChanged  every rendition URL of the replaced photo got a new path
     * @param unchangedUrlsStable  URLs of what did not change stayed identical (across the replace, the unchanged
     *                             renditions across the re-profiling, and everything across the second backfill)
     * @param staleServed          fetches of the replaced photo's current URLs that did not serve its new renditions
     * @param reprofiled           photos the first backfill rendered again
     * @param secondBackfillWrites S3 write requests and record-store writes made by the second backfill
     * @param objectsLeft          object versions and delete markers left under erased prefixes
     * @param recordsLeft          records of erased photos still readable
     * @param orphans              renditions no record references (Reconciler, before and after the erasure)
     * @param problems             what is wrong, empty when everything is right
     */
    public record Summary(int photos, boolean replacedUrlsChanged, boolean unchangedUrlsStable, int staleServed,
                          int reprofiled, long secondBackfillWrites, int objectsLeft, int recordsLeft, int orphans,
                          List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }

        /** The last line of the demo's output. */
        public String json() {
            return JSON.createObjectNode().put("photos", photos).put("replacedUrlsChanged", replacedUrlsChanged)
                    .put("unchangedUrlsStable", unchangedUrlsStable).put("staleServed", staleServed)
                    .put("reprofiled", reprofiled).put("secondBackfillWrites", secondBackfillWrites)
                    .put("objectsLeft", objectsLeft).put("recordsLeft", recordsLeft).put("orphans", orphans)
                    .toString();
        }
    }

    /** One fetch through the CloudFront stand-in. */
    private record Fetched(int status, byte[] body, String cache) {
        boolean hit() {
            return cache != null && cache.startsWith("Hit");
        }
    }

    private final LocalCloud cloud;
    private final DemoRun run;
    private final Fault fault;
    private final Consumer<String> progress;
    private final Consumer<String> report;
    private final GalleryService gallery;
    private final PhotoRepository photos;
    private final BlobStore blobs;
    private final KeyLayout layout;
    private final GalleryId galleryId = DemoRun.GALLERY;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final List<String> problems = new ArrayList<>();
    private LocalCloudFront cdn;
    private long sequencer = 0x0070A1B2C3D4E5F6L;
    private long stepStarted = System.nanoTime();

    /**
     * @param cloud    the stand-ins of {@code run}; their bucket must keep versions
     * @param run      the demo run whose first listing this continues
     * @param fault    a fault to inject ({@link Fault#NONE} for the real thing)
     * @param progress details, line by line (the demo prints them to stderr)
     * @param report   one line per step (the demo prints them to stdout)
     */
    public LifecycleRun(LocalCloud cloud, DemoRun run, Fault fault, Consumer<String> progress, Consumer<String> report) {
        if (!cloud.versioned()) {
            throw new IllegalArgumentException("the lifecycle needs a versioned bucket");
        }
        this.cloud = cloud;
        this.run = run;
        this.fault = Objects.requireNonNull(fault, "fault");
        this.progress = progress;
        this.report = report;
        this.gallery = run.gallery();
        this.photos = run.photos();
        this.blobs = run.blobs();
        this.layout = run.layout();
    }

    /**
     * The profile after the change: the thumbnail at another quality (a changed spec: new URLs), a {@code square}
     * rendition added; small, medium and large unchanged (their URLs must stay).
     */
    public static RenditionProfile changedProfile() {
        RenditionProfile.Builder changed = RenditionProfile.builder().name("standard-v2");
        for (RenditionSpec spec : RenditionProfile.standard().specs()) {
            changed.add(spec.name().equals("thumbnail") ? spec.toBuilder().quality(70).build() : spec);
        }
        return changed.add(s -> s.name("square").box(240, 240).fit(Fit.COVER)).build();
    }

    /** Runs the three steps after {@code first} (the demo's report) and verifies them. */
    public Summary run(DemoRun.Report first) throws Exception {
        List<PhotoKey> uploaded = first.results().stream().map(r -> r.view().key()).toList();
        List<PhotoKey> active = first.results().stream().map(DemoRun.Result::view)
                .filter(v -> v.status() == PhotoStatus.ACTIVE).map(PhotoView::key).toList();
        if (active.size() < 2) {
            problems.add("the lifecycle needs at least two ACTIVE photos (one to replace, one that stays), got "
                    + active.size());
            return new Summary(first.photos(), false, false, 0, 0, 0, 0, 0, 0, List.copyOf(problems));
        }
        try (LocalCloudFront edge = LocalCloudFront.builder().blobs(blobs)
                .publicKey(DemoRun.KEY_PAIR_ID, run.keys().getPublic()).domain(DemoRun.CDN_DOMAIN)
                .servedPrefix(layout.renditionsPrefix()).cache(true).clock(run.clock()).start()) {
            this.cdn = edge;
            progress.accept("local CloudFront stand-in at " + cdn.baseUrl() + " for https://" + DemoRun.CDN_DOMAIN
                    + "/ (signatures checked, edge cache keyed by path)");
            return lifecycle(uploaded, active);
        }
    }

    /** One line of the report, with the seconds the step took. */
    private void step(String line) {
        long now = System.nanoTime();
        report.accept(line + String.format(Locale.ROOT, " [%.1f s]", (now - stepStarted) / 1e9));
        stepStarted = now;
    }

    private Summary lifecycle(List<PhotoKey> uploaded, List<PhotoKey> active) throws Exception {
        Map<PhotoKey, Map<String, String>> listed = listing();
        int fetched = fetchAndCompare(listed, "first listing");
        step("lifecycle 0/3: first listing, " + listed.size() + " photos, " + fetched
                + " rendition URLs fetched through the local CloudFront (signatures checked): all served");

        // (1) replace one photo's original under the same photo id
        Photo target = photos.get(active.get(0)).orElseThrow();   // the record: its original's key
        Map<String, String> targetBefore = listed.get(target.key());
        Map<String, byte[]> oldBytes = new LinkedHashMap<>();
        for (Map.Entry<String, String> url : targetBefore.entrySet()) {
            oldBytes.put(url.getKey(), fetch(url.getValue()).body());
        }
        BlobMetadata before = blobs.head(target.originalKey()).orElseThrow();
        byte[] replacement = SamplePhotos.replacement();
        BlobMetadata after = blobs.put(target.originalKey(), replacement, PutOptions.of("image/jpeg"));
        progress.accept("replaced s3://" + LocalCloud.BUCKET + "/" + target.originalKey() + ": version "
                + before.versionId() + " -> " + after.versionId() + ", ETag " + before.eTag() + " -> " + after.eTag());
        run.deliver(List.of(event(after)), run.handler());
        long staleBefore = run.metrics().count(Outcome.Kind.STALE);
        run.deliver(List.of(event(before)), run.handler());          // a late event for the old version
        if (run.metrics().count(Outcome.Kind.STALE) != staleBefore + 1) {
            problems.add("a late event for the replaced original's old version was not STALE");
        }
        Map<PhotoKey, Map<String, String>> afterReplace = listing();
        Map<String, String> targetAfter = afterReplace.get(target.key());
        boolean replacedUrlsChanged = targetAfter != null && targetAfter.keySet().equals(targetBefore.keySet())
                && targetBefore.keySet().stream().noneMatch(n -> path(targetBefore.get(n)).equals(path(targetAfter.get(n))));
        if (!replacedUrlsChanged) {
            problems.add("the replaced photo's URLs did not all change: " + targetBefore + " -> " + targetAfter);
        }
        List<String> moved = new ArrayList<>();
        for (Map.Entry<PhotoKey, Map<String, String>> p : listed.entrySet()) {
            if (!p.getKey().equals(target.key())) {
                moved.addAll(changedUrls(p.getValue(), afterReplace.get(p.getKey()), p.getValue().keySet()));
            }
        }
        int staleServed = 0;
        Photo replaced = photos.get(target.key()).orElseThrow();
        for (Map.Entry<String, String> url : Objects.requireNonNullElse(targetAfter, Map.<String, String>of()).entrySet()) {
            Fetched now = fetch(url.getValue());
            byte[] current = download(replaced.rendition(url.getKey()).orElseThrow().key());
            if (now.status() != 200 || !Arrays.equals(now.body(), current)
                    || Arrays.equals(now.body(), oldBytes.get(url.getKey()))) {
                staleServed++;
                progress.accept("STALE: " + url.getKey() + " of the replaced photo served " + now.status() + " ("
                        + now.cache() + ") not its new rendition");
            }
        }
        Fetched oldUrl = fetch(targetBefore.values().iterator().next());
        progress.accept("the replaced photo's old URL still answers " + oldUrl.status() + " (" + oldUrl.cache()
                + ") with the old bytes: its path names the old content, no one is handed it any more");
        for (Rendition old : target.renditions().values()) {
            if (blobs.head(old.key()).isPresent()) {
                problems.add("an old rendition of the replaced photo is still current: " + old.key());
            }
        }
        step("lifecycle 1/3: replaced " + target.key() + " (new ETag " + after.eTag() + "): "
                + targetAfter.size() + " new URLs, " + staleServed + " stale; " + (listed.size() - 1)
                + " other photos' URLs " + (moved.isEmpty() ? "identical" : "CHANGED: " + moved));

        // (2) the profile changes; an S3 Batch Operations backfill over every original, twice
        RenditionProfile changed = changedProfile();
        RenditionPipeline backfill = run.pipeline(changed);
        RenditionHandler batchHandler = RenditionHandler.of(backfill);
        List<Photo> live = records();
        long s3Before = s3Writes();
        long recordsBefore = cloud.records().writes();
        Map<String, Integer> first = batch(batchHandler, live, "backfill-1");
        int reprofiled = first.getOrDefault("PROCESSED", 0);
        long firstS3 = s3Writes() - s3Before;
        long firstRecords = cloud.records().writes() - recordsBefore;
        if (reprofiled > 0 && (firstS3 == 0 || firstRecords == 0)) {
            // the counters must see the first backfill's writes, or the second one's zero would mean nothing
            problems.add("the write counters saw " + firstS3 + " S3 and " + firstRecords + " record-store writes in a "
                    + "backfill that re-rendered " + reprofiled + " photos");
        }
        Map<PhotoKey, Map<String, String>> afterBackfill = listing();
        for (Photo p : records()) {
            if (p.status() == PhotoStatus.ACTIVE && !backfill.profileFingerprint().equals(p.profileFingerprint())) {
                problems.add("photo " + p.key() + " still records profile " + p.profileFingerprint() + " after the backfill");
            }
        }
        Set<String> unchangedSpecs = new HashSet<>();
        for (RenditionSpec spec : changed.specs()) {
            if (RenditionProfile.standard().spec(spec.name()).filter(spec::equals).isPresent()) {
                unchangedSpecs.add(spec.name());
            }
        }
        List<String> reprofiledMoved = new ArrayList<>();
        for (Map.Entry<PhotoKey, Map<String, String>> p : afterReplace.entrySet()) {
            Map<String, String> now = afterBackfill.getOrDefault(p.getKey(), Map.of());
            reprofiledMoved.addAll(changedUrls(p.getValue(), now, unchangedSpecs));
            if (!now.keySet().equals(names(changed))) {
                problems.add("photo " + p.getKey() + " lists renditions " + now.keySet() + " after the backfill, not "
                        + names(changed));
            }
            String oldThumb = p.getValue().get("thumbnail");
            if (oldThumb != null && path(oldThumb).equals(path(now.getOrDefault("thumbnail", "")))) {
                problems.add("photo " + p.getKey() + "'s thumbnail changed spec but kept its URL " + path(oldThumb));
            } else if (oldThumb != null && blobs.head(key(oldThumb)).isPresent()) {
                problems.add("photo " + p.getKey() + "'s old thumbnail is still current after the switch: " + key(oldThumb));
            }
        }
        fetched = fetchAndCompare(afterBackfill, "after the backfill");
        long writesBefore = writes();
        Map<String, Integer> second = batch(batchHandler, records(), "backfill-2");
        long secondBackfillWrites = writes() - writesBefore;
        if (!second.keySet().equals(Set.of("DUPLICATE"))) {
            problems.add("the second backfill answered " + second + " instead of DUPLICATE for every photo");
        }
        Map<PhotoKey, Map<String, String>> afterSecond = listing();
        List<String> secondMoved = new ArrayList<>();
        afterBackfill.forEach((p, urls) -> secondMoved.addAll(changedUrls(urls, afterSecond.get(p), urls.keySet())));
        step("lifecycle 2/3: profile " + changed.name() + " (thumbnail quality 70, square added): backfill 1 "
                + first + " with " + (firstS3 + firstRecords) + " writes (" + firstS3 + " S3, " + firstRecords
                + " records), " + fetched + " URLs served fresh; backfill 2 " + second + " with " + secondBackfillWrites
                + " writes; unchanged renditions' URLs " + (reprofiledMoved.isEmpty() && secondMoved.isEmpty()
                ? "identical" : "CHANGED: " + reprofiledMoved + secondMoved));

        Reconciler reconciler = Reconciler.builder().blobs(blobs).photos(photos).layout(layout).clock(run.clock())
                .grace(Duration.ZERO).profileFingerprint(backfill.profileFingerprint()).build();
        int orphans = orphans(reconciler.check(galleryId), "before the erasure");

        // (3) erase one photo, then the whole gallery
        Photo victim = photos.get(active.get(1)).orElseThrow();
        Map<String, String> victimUrls = afterSecond.get(victim.key());
        int objectsLeft;
        if (fault == Fault.PLAIN_DELETE) {
            List<String> keys = new ArrayList<>();
            keys.add(victim.originalKey());
            victim.renditions().values().forEach(r -> keys.add(r.key()));
            blobs.deleteAll(keys);
            photos.delete(victim.key());
            objectsLeft = left(photoPrefixes(victim.key()));
            step("lifecycle 3/3: deleted " + victim.key() + " with plain DELETEs (injected fault): "
                    + objectsLeft + " versions and delete markers left");
        } else {
            ErasureReceipt receipt = gallery.delete(DemoRun.CALLER, victim.key());
            objectsLeft = left(receipt.prefixes());
            step("lifecycle 3/3: erased " + victim.key() + ": " + receipt.removed().size()
                    + " versions and delete markers, " + receipt.recordsRemoved() + " record; invalidations: "
                    + (receipt.invalidations().isEmpty() ? "none (" + receipt.invalidationNote() + ")"
                    : receipt.invalidations()) + "; signed URLs outstanding until " + receipt.outstandingUntil());
        }
        int cachedAnswers = 0;
        for (String url : victimUrls.values()) {
            Fetched f = fetch(url);
            cachedAnswers += f.status() == 200 && f.hit() ? 1 : 0;
            if (f.status() == 200 && !f.hit()) {
                problems.add("the erased photo's " + path(url) + " was served from the origin");
            }
        }
        progress.accept("the erased photo's " + victimUrls.size() + " URLs: " + cachedAnswers
                + " still answered from the edge cache to holders of their signed URLs (until those expire), "
                + (victimUrls.size() - cachedAnswers) + " not at all; the origin has none of them");
        ErasureReceipt whole = gallery.deleteGallery(DemoRun.CALLER, galleryId);
        int galleryLeft = left(whole.prefixes());
        objectsLeft += galleryLeft;
        step("            erased gallery " + galleryId + ": " + whole.removed().size()
                + " versions and delete markers, " + whole.recordsRemoved() + " records; left: " + galleryLeft);
        int recordsLeft = photos.getAll(uploaded).size() + photos.list(galleryId, PageRequest.first(100)).photos().size();
        orphans += orphans(reconciler.check(galleryId), "after the erasure");

        boolean unchangedUrlsStable = moved.isEmpty() && reprofiledMoved.isEmpty() && secondMoved.isEmpty();
        Summary summary = new Summary(uploaded.size(), replacedUrlsChanged, unchangedUrlsStable, staleServed,
                reprofiled, secondBackfillWrites, objectsLeft, recordsLeft, orphans, problems);
        verdict(summary, active.size());
        return new Summary(summary.photos(), replacedUrlsChanged, unchangedUrlsStable, staleServed, reprofiled,
                secondBackfillWrites, objectsLeft, recordsLeft, orphans, List.copyOf(problems));
    }

    /** Adds a problem for every field of the summary that is not what a correct lifecycle gives. */
    private void verdict(Summary s, int active) {
        if (!s.unchangedUrlsStable()) {
            problems.add("unchangedUrlsStable: URLs of unchanged renditions changed");
        }
        if (s.staleServed() != 0) {
            problems.add("staleServed: " + s.staleServed() + " of the replaced photo's current URLs served other bytes");
        }
        if (s.reprofiled() != active) {
            problems.add("reprofiled: " + s.reprofiled() + " photos re-rendered by the backfill, " + active + " were ACTIVE");
        }
        if (s.secondBackfillWrites() != 0) {
            problems.add("secondBackfillWrites: the second backfill made " + s.secondBackfillWrites() + " writes");
        }
        if (s.objectsLeft() != 0) {
            problems.add("objectsLeft: " + s.objectsLeft() + " object versions or delete markers left under erased prefixes");
        }
        if (s.recordsLeft() != 0) {
            problems.add("recordsLeft: " + s.recordsLeft() + " records of erased photos still readable");
        }
        if (s.orphans() != 0) {
            problems.add("orphans: " + s.orphans() + " renditions no record references");
        }
    }

    /** The gallery's listing: photo -> rendition name -> signed URL, as a viewer is handed it. */
    private Map<PhotoKey, Map<String, String>> listing() {
        Map<PhotoKey, Map<String, String>> urls = new LinkedHashMap<>();
        PageRequest page = PageRequest.first(100);
        while (true) {
            GalleryPage listed = gallery.list(DemoRun.CALLER, galleryId, page);
            for (PhotoView view : listed.photos()) {
                if (view.status() == PhotoStatus.ACTIVE) {
                    urls.put(view.key(), new LinkedHashMap<>(view.urls()));
                }
            }
            if (listed.next().isEmpty()) {
                return urls;
            }
            page = page.next(listed.nextToken());
        }
    }

    /** Every ACTIVE record of the gallery. */
    private List<Photo> records() {
        List<Photo> all = new ArrayList<>();
        PageRequest page = PageRequest.first(100);
        while (true) {
            var listed = photos.list(galleryId, page);
            listed.photos().stream().filter(p -> p.status() == PhotoStatus.ACTIVE).forEach(all::add);
            if (listed.next().isEmpty()) {
                return all;
            }
            page = page.next(listed.nextToken());
        }
    }

    /** Fetches every URL through the stand-in; each must be served and carry what the store holds for its key. */
    private int fetchAndCompare(Map<PhotoKey, Map<String, String>> listed, String when) throws Exception {
        int count = 0;
        for (Map.Entry<PhotoKey, Map<String, String>> p : listed.entrySet()) {
            Photo record = photos.get(p.getKey()).orElseThrow();
            for (Map.Entry<String, String> url : p.getValue().entrySet()) {
                Fetched f = fetch(url.getValue());
                count++;
                if (f.status() != 200) {
                    problems.add(when + ": " + path(url.getValue()) + " answered " + f.status());
                } else if (!Arrays.equals(f.body(), download(record.rendition(url.getKey()).orElseThrow().key()))) {
                    problems.add(when + ": " + path(url.getValue()) + " served other bytes than its rendition (" + f.cache() + ")");
                }
            }
        }
        return count;
    }

    private Fetched fetch(String viewerUrl) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(cdn.viewerToLocal(viewerUrl)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Fetched(response.statusCode(), response.body(), response.headers().firstValue("X-Cache").orElse(null));
    }

    private byte[] download(String key) throws IOException {
        return run.download(key);
    }

    /** The S3 event for a written version of an original. */
    private String event(BlobMetadata object) {
        return DemoRun.s3Notification(object.key(), object.size(), object.eTag(), object.versionId(),
                Long.toHexString(sequencer += 7));
    }

    /**
     * Runs one S3 Batch Operations job (schema 2.0) over the current version of every record's original, as a
     * manifest of a versioned bucket names them; returns how many tasks ended in each outcome.
     */
    private Map<String, Integer> batch(RenditionHandler handler, List<Photo> records, String job) throws IOException {
        ObjectNode invocation = JSON.createObjectNode().put("invocationSchemaVersion", "2.0")
                .put("invocationId", job + "-invocation");
        invocation.putObject("job").put("id", job).putObject("userArguments");
        ArrayNode tasks = invocation.putArray("tasks");
        int n = 0;
        for (Photo p : records) {
            BlobMetadata original = blobs.head(p.originalKey()).orElseThrow();
            tasks.addObject().put("taskId", job + "-" + (++n)).put("s3Bucket", LocalCloud.BUCKET)
                    .put("s3Key", URLEncoder.encode(original.key(), StandardCharsets.UTF_8))
                    .put("s3VersionId", original.versionId());
        }
        byte[] answer = handler.handle(JSON.writeValueAsBytes(invocation));
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (JsonNode result : JSON.readTree(answer).path("results")) {
            String code = result.path("resultCode").asText();
            String text = result.path("resultString").asText("");
            String kind = code.equals("Succeeded") ? text.split("[ :]", 2)[0] : code;
            outcomes.merge(kind, 1, Integer::sum);
            progress.accept(job + ": " + code + " " + text);
        }
        return outcomes;
    }

    /** Write requests so far: S3 (on the demo's client) and the record store. */
    private long writes() {
        return s3Writes() + cloud.records().writes();
    }

    private long s3Writes() {
        return S3_WRITES.stream().mapToLong(op -> cloud.s3Faults().calls(op)).sum();
    }

    /** Versions and delete markers under the prefixes (ListObjectVersions). */
    private int left(List<String> prefixes) {
        int left = 0;
        for (String prefix : prefixes) {
            var versions = blobs.versions(prefix);
            versions.forEach(v -> progress.accept("left under " + prefix + ": " + v));
            left += versions.size();
        }
        return left;
    }

    /** What {@link GalleryService#delete} erases for one photo: its renditions, original and upload prefixes. */
    private List<String> photoPrefixes(PhotoKey photo) {
        return List.of(layout.renditionsPrefix(photo.gallery(), photo.id()),
                layout.originalsPrefix(photo.gallery()) + photo.id().value() + ".",
                layout.incomingPrefix() + photo.gallery().value() + "/" + photo.id().value() + ".");
    }

    private int orphans(ReconcileReport reconciled, String when) {
        int orphans = 0;
        for (Finding finding : reconciled.findings()) {
            if (finding.kind() == FindingKind.ORPHAN_RENDITION) {
                orphans++;
            } else {
                problems.add("reconcile " + when + ": " + finding);
            }
            progress.accept("reconcile " + when + ": " + finding);
        }
        progress.accept("reconcile " + when + ": " + reconciled.objects() + " objects, " + reconciled.records()
                + " records, " + reconciled.findings().size() + " findings");
        return orphans;
    }

    /** Names whose URL differs between two listings of a photo (the path always; the query too in one window). */
    private static List<String> changedUrls(Map<String, String> before, Map<String, String> after, Set<String> names) {
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            String a = before.get(name);
            String b = after == null ? null : after.get(name);
            if (a == null || b == null || !sameUrl(a, b)) {
                changed.add(name + ": " + a + " -> " + b);
            }
        }
        return changed;
    }

    /**
     * Identical URLs; or, when the signer's expiry window moved on between the two listings (another Policy), the
     * same path, which is all CloudFront's cache key holds.
     */
    private static boolean sameUrl(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        return path(a).equals(path(b)) && !Objects.equals(parameter(a, "Policy"), parameter(b, "Policy"));
    }

    /** The object key a URL of the distribution names (the distribution maps its root onto the bucket's). */
    private static String key(String url) {
        return URLDecoder.decode(path(url).substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String path(String url) {
        return URI.create(url).getRawPath();
    }

    private static String parameter(String url, String name) {
        String query = URI.create(url).getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
        }
        return null;
    }

    private static Set<String> names(RenditionProfile profile) {
        Set<String> names = new HashSet<>();
        profile.specs().forEach(s -> names.add(s.name()));
        return names;
    }
}
