/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.galerly.aws.lambda.EventFailure;
import com.galerly.aws.lambda.RenditionHandler;
import com.galerly.aws.s3.S3BlobStore;
import com.galerly.aws.s3.S3UploadService;
import com.galerly.cdn.CdnUrls;
import com.galerly.cdn.CloudFrontSigner;
import com.galerly.cdn.SigningKey;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.Photo;
import com.galerly.core.PhotoKey;
import com.galerly.core.Rendition;
import com.galerly.core.gallery.AccessPolicy;
import com.galerly.core.gallery.GalleryPage;
import com.galerly.core.gallery.GalleryService;
import com.galerly.core.gallery.PhotoView;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageProcessors;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadTicket;
import com.galerly.testkit.Fault;
import com.galerly.testkit.GalleryAudit;
import com.galerly.testkit.RecordingMetrics;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole Galerly flow on {@link LocalCloud}: presigned upload over HTTP, the S3 event (as S3 sends it through
 * SQS) delivered to the rendition handler, DynamoDB records turning ACTIVE, and a gallery listing with CloudFront
 * signed URLs. With chaos, every event is delivered twice in random order while S3 and record-store calls fail at
 * random; the run then checks that the final state is exactly right.
 */
public final class DemoRun {
    /** Where the demo's private CloudFront distribution would be. */
    public static final String CDN_DOMAIN = "d1demo0galerly.cloudfront.net";
    static final GalleryId GALLERY = GalleryId.of("demo");
    static final String CALLER = "demo-user";
    static final String KEY_PAIR_ID = "KDEMOGALERLY01";
    private static final int SQS_BATCH = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Options.
     *
     * @param chaos       deliver twice, shuffled, with faults
     * @param faultRate   probability of a fault per AWS call in chaos mode
     * @param seed        randomness of shuffling and faults
     * @param maxDuration give up after this long
     */
    public record Options(boolean chaos, double faultRate, long seed, Duration maxDuration) {
    }

    /**
     * One photo as it ended.
     *
     * @param fileName the uploaded file
     * @param view     its record and signed URLs
     */
    public record Result(String fileName, PhotoView view) {
    }

    /**
     * What the run found.
     *
     * @param results              each uploaded photo
     * @param photos               photos uploaded
     * @param active               photos ACTIVE with every rendition stored
     * @param failed               photos FAILED (unreadable images)
     * @param orphans              stored objects no record accounts for, or recorded renditions missing
     * @param duplicatesSuppressed deliveries found DUPLICATE or STALE
     * @param faultsInjected       S3 and record-store faults injected
     * @param deliveries           event deliveries made, redeliveries included
     * @param problems             what is wrong, empty when the state is right
     * @param store                which record store recorded the photos
     */
    public record Report(List<Result> results, int photos, int active, int failed, int orphans,
                         long duplicatesSuppressed, int faultsInjected, int deliveries, List<String> problems,
                         String store) {
        public boolean ok() {
            return problems.isEmpty();
        }

        public String summaryJson() {
            return JSON.createObjectNode().put("photos", photos).put("active", active).put("failed", failed)
                    .put("orphans", orphans).put("duplicatesSuppressed", duplicatesSuppressed)
                    .put("faultsInjected", faultsInjected).toString();
        }
    }

    private final LocalCloud cloud;
    private final Options options;
    private final Consumer<String> progress;
    private final Clock clock = Clock.systemUTC();
    private final KeyLayout layout = KeyLayout.standard();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final BlobStore blobs;
    private final PhotoRepository photos;
    private final GalleryService gallery;
    private final RenditionHandler handler;
    private final S3UploadService uploads;
    private final KeyPair keys;

    public DemoRun(LocalCloud cloud, Options options, Consumer<String> progress) throws Exception {
        this.cloud = cloud;
        this.options = options;
        this.progress = progress;
        this.blobs = S3BlobStore.create(cloud.s3Client(), LocalCloud.BUCKET);
        this.photos = cloud.records().repository(clock);
        this.uploads = S3UploadService.builder().bucket(cloud.bucket()).client(cloud.s3Client())
                .credentialsProvider(cloud.credentialsProvider()).clock(clock).layout(layout).build();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        this.keys = ec.generateKeyPair();
        CloudFrontSigner signer = CloudFrontSigner.builder()
                .keyPair(KEY_PAIR_ID, SigningKey.of(keys.getPrivate()))
                .expiryRounding(Duration.ofMinutes(15)).clock(clock).build();
        CdnUrls cdn = CdnUrls.builder().domain(CDN_DOMAIN).layout(layout).build();
        this.gallery = GalleryService.builder().uploads(uploads).photos(photos).blobs(blobs).layout(layout)
                .urls(cdn).signer(signer).access(AccessPolicy.allowAllPrivate()).clock(clock).build();
        RenditionPipeline pipeline = pipeline(RenditionProfile.standard());
        this.handler = new RenditionHandler(bucket -> pipeline) {
            @Override
            protected void failed(EventFailure failure) {     // say why an event waits for redelivery
                progress.accept("  " + failure.messageId() + " " + failure.kind() + " " + failure.code() + " "
                        + failure.key() + ": " + failure.message());
            }
        };
    }

    /** A pipeline of this run (same stores, metrics and lease) rendering {@code profile}. */
    RenditionPipeline pipeline(RenditionProfile profile) {
        return RenditionPipeline.builder().processor(ImageProcessors.load()).blobs(blobs).photos(photos)
                .profile(profile).layout(layout).clock(clock).metrics(metrics)
                .leaseDuration(Duration.ofSeconds(options.chaos() ? 2 : 60)).build();
    }

    /** The handler of the S3 events (SQS-shaped), rendering the standard profile. */
    RenditionHandler handler() {
        return handler;
    }

    GalleryService gallery() {
        return gallery;
    }

    PhotoRepository photos() {
        return photos;
    }

    BlobStore blobs() {
        return blobs;
    }

    KeyLayout layout() {
        return layout;
    }

    RecordingMetrics metrics() {
        return metrics;
    }

    Clock clock() {
        return clock;
    }

    /** The key pair whose private half signs the listings' URLs (the distribution's key group trusts the public). */
    KeyPair keys() {
        return keys;
    }

    /** Uploads every sample, delivers the events, verifies, and reports. */
    public Report run(List<SamplePhotos.Sample> samples) throws Exception {
        Random random = new Random(options.seed());
        List<String> events = new ArrayList<>();
        List<UploadTicket> tickets = new ArrayList<>();
        List<String> names = new ArrayList<>();
        long sequencer = 0x0060A1B2C3D4E5F6L;
        for (SamplePhotos.Sample sample : samples) {
            String contentType = ImageFormat.sniff(sample.bytes(), sample.bytes().length)
                    .map(ImageFormat::contentType).orElse("image/jpeg");
            UploadTicket ticket = gallery.requestUpload(CALLER, UploadRequest.of(r -> r.gallery(GALLERY)
                    .contentType(contentType).fileName(sample.name()).contentLength(sample.bytes().length)));
            String eTag = put(ticket, sample.bytes());
            progress.accept("uploaded " + sample.name() + " -> s3://" + LocalCloud.BUCKET + "/" + ticket.key());
            events.add(s3Notification(ticket.key(), sample.bytes().length, eTag, null, Long.toHexString(sequencer += 7)));
            tickets.add(ticket);
            names.add(sample.name());
        }
        List<String> deliveries = new ArrayList<>(events);
        if (options.chaos()) {
            deliveries.addAll(events);
            Collections.shuffle(deliveries, random);
            cloud.s3Faults().failRandomly(options.faultRate(), Fault.TRANSIENT, random.nextLong());
            cloud.records().faults().failRandomly(options.faultRate(), Fault.THROTTLED, random.nextLong());
        }
        int delivered = deliver(deliveries, handler);
        cloud.s3Faults().clear();
        cloud.records().faults().clear();
        return verify(tickets, names, delivered);
    }

    /** Delivers S3 notifications the way an SQS event source does: batches, partial failures redelivered. */
    int deliver(List<String> notifications, RenditionHandler handler) throws InterruptedException {
        Deque<String[]> queue = new ArrayDeque<>();
        for (int i = 0; i < notifications.size(); i++) {
            queue.add(new String[] {"msg-" + i, notifications.get(i)});
        }
        Instant deadline = clock.instant().plus(options.maxDuration());
        int deliveries = 0;
        Set<String> retrying = new HashSet<>();
        while (!queue.isEmpty()) {
            if (clock.instant().isAfter(deadline)) {
                throw new GalerlyException(com.galerly.core.ErrorCode.IO_ERROR, queue.size()
                        + " events still failing after " + options.maxDuration());
            }
            List<String[]> batch = new ArrayList<>();
            while (batch.size() < SQS_BATCH && !queue.isEmpty()) {
                batch.add(queue.poll());
            }
            deliveries += batch.size();
            JsonNode response = readJson(handler.handle(sqsEvent(batch)));
            Set<String> failed = new HashSet<>();
            for (JsonNode failure : response.required("batchItemFailures")) {
                failed.add(failure.required("itemIdentifier").asText());
            }
            for (String[] message : batch) {
                if (failed.contains(message[0])) {
                    queue.add(message);               // SQS makes it visible again after the timeout
                }
            }
            if (!failed.isEmpty() && failed.size() == batch.size()) {
                Thread.sleep(200);                    // everything failed: give held leases time to expire
            }
            batch.forEach(m -> {
                if (failed.contains(m[0])) {
                    retrying.add(m[0]);
                } else {
                    retrying.remove(m[0]);
                }
            });
            int redeliveries = retrying.size();
            int undelivered = queue.size() - redeliveries;         // never delivered yet: no failure to report
            progress.accept("delivered " + deliveries + " events" + (redeliveries > 0 ? ", " + redeliveries
                    + " failed and waiting for redelivery" : "") + (undelivered > 0 ? ", " + undelivered
                    + " not delivered yet" : ""));
        }
        return deliveries;
    }

    private Report verify(List<UploadTicket> tickets, List<String> names, int deliveries) {
        GalleryAudit.Report audit = GalleryAudit.of(photos, blobs, layout, RenditionProfile.standard()).audit(GALLERY);
        List<String> problems = new ArrayList<>(audit.problems());
        if (audit.photos().size() != tickets.size()) {
            problems.add(tickets.size() + " photos uploaded but " + audit.photos().size() + " recorded");
        }
        List<Result> results = new ArrayList<>();
        PageRequest page = PageRequest.first(100);
        while (true) {
            GalleryPage listing = gallery.list(CALLER, GALLERY, page);
            for (PhotoView view : listing.photos()) {
                int index = indexOf(tickets, view.key());
                results.add(new Result(index >= 0 ? names.get(index) : view.fileName().orElse(null), view));
            }
            if (listing.next().isEmpty()) {
                break;
            }
            page = page.next(listing.nextToken());
        }
        int faults = cloud.s3Faults().injected() + cloud.records().faults().injected();
        long suppressed = metrics.count(Outcome.Kind.DUPLICATE) + metrics.count(Outcome.Kind.STALE);
        return new Report(results, tickets.size(), audit.active(), audit.failed(),
                audit.orphans().size() + audit.missing().size(), suppressed, faults, deliveries, problems,
                cloud.records().description());
    }

    private static int indexOf(List<UploadTicket> tickets, PhotoKey photo) {
        for (int i = 0; i < tickets.size(); i++) {
            if (tickets.get(i).photo().equals(photo)) {
                return i;
            }
        }
        return -1;
    }

    /** The repository's record of a photo: the operator's view, with its renditions' storage keys. */
    public Photo record(PhotoKey key) {
        return photos.get(key).orElseThrow(() -> GalerlyException.notFound("no record of " + key));
    }

    /** Downloads a stored object (to show renditions locally). */
    public byte[] download(String key) throws IOException {
        try (var content = blobs.get(key)) {
            return content.stream().readAllBytes();
        }
    }

    /** The client's side of a presigned PUT: send exactly the signed headers. */
    private static String put(UploadTicket ticket, byte[] bytes) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(ticket.url()).PUT(HttpRequest.BodyPublishers.ofByteArray(bytes));
        ticket.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("host")) {
                request.header(name, value);
            }
        });
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("presigned PUT refused with " + response.statusCode() + ": " + response.body());
        }
        return response.headers().firstValue("ETag").orElseThrow(() -> new IOException("no ETag in the PUT response"))
                .replace("\"", "");
    }

    /** The notification S3 sends for a PUT (keys form-encoded, as S3 does); versionId only on a versioned bucket. */
    static String s3Notification(String key, long size, String eTag, String versionId, String sequencer) {
        ObjectNode record = JSON.createObjectNode().put("eventVersion", "2.1").put("eventSource", "aws:s3")
                .put("awsRegion", "us-east-1").put("eventName", "ObjectCreated:Put");
        ObjectNode s3 = record.putObject("s3");
        s3.putObject("bucket").put("name", LocalCloud.BUCKET);
        ObjectNode object = s3.putObject("object").put("key", URLEncoder.encode(key, StandardCharsets.UTF_8))
                .put("size", size).put("eTag", eTag);
        if (versionId != null) {
            object.put("versionId", versionId);
        }
        object.put("sequencer", sequencer.toUpperCase());
        ObjectNode notification = JSON.createObjectNode();
        notification.putArray("Records").add(record);
        return notification.toString();
    }

    private static byte[] sqsEvent(List<String[]> messages) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        for (String[] m : messages) {
            records.addObject().put("messageId", m[0]).put("eventSource", "aws:sqs").put("body", m[1]);
        }
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode readJson(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The upload service's HTTP client and executor are released. */
    public void close() throws Exception {
        uploads.close();
    }

}
