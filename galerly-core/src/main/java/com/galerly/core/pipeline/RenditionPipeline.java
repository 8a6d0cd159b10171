/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core.pipeline;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.KeyLayout;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import com.galerly.core.image.EncodedRendition;
import com.galerly.core.image.Fingerprints;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.ImageSource;
import com.galerly.core.image.ProcessedImage;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.RenditionSpec;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.metrics.Stage;
import com.galerly.core.photo.ClaimRequest;
import com.galerly.core.photo.ClaimResult;
import com.galerly.core.photo.Completion;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.spi.Checks;
import com.galerly.core.storage.BlobContent;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.storage.PutOptions;
import com.galerly.core.trace.Tracer;
import com.galerly.core.upload.Confirmer;
import com.galerly.core.upload.Quarantine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Handles one ObjectCreated event end to end, through the ports only, so it runs the same on AWS and on the
 * test kit's fakes. Safe under at-least-once, out-of-order and concurrent delivery:
 *
 * <ol>
 *   <li>an upload under the incoming (quarantine) prefix goes through the {@link Quarantine} first: a replay
 *       after promotion is deleted (STALE), a refused upload is deleted and its photo recorded REJECTED (or
 *       FAILED) with the code, and an admitted one is promoted to the originals prefix and rendered;</li>
 *   <li>ignore keys that are neither uploads nor originals of the {@link KeyLayout} (renditions are never
 *       reprocessed);</li>
 *   <li>HEAD the original: gone -> MISSING; another ETag or version than the event's -> STALE;</li>
 *   <li>claim the record conditionally: no record -> REJECTED ({@code UNKNOWN_UPLOAD}; an upload is deleted, an
 *       original is left, unless {@link Builder#adoptUnknownOriginals} opted into backfills), already done ->
 *       DUPLICATE, older sequencer -> STALE, leased by
 *       another worker -> a retryable CONFLICT; deleted (a tombstone) -> MISSING, and the replayed original is
 *       deleted again; leases expired {@code maxAttempts} times without a result -> REJECTED
 *       ({@code LIMIT_EXCEEDED});</li>
 *   <li>decode once, render every spec, write every rendition, and only then mark the photo ACTIVE, so a
 *       crash in between is repaired by the retry (rendition keys are deterministic);</li>
 *   <li>a bad image (UNSUPPORTED_FORMAT, CORRUPT_IMAGE, LIMIT_EXCEEDED) marks the photo FAILED -> REJECTED,
 *       never retried; any other failure (IO_ERROR, THROTTLED, CONFIGURATION, INTERNAL...) releases the claim and
 *       is rethrown: the photo stays claimable, so a retry, a fixed deployment or a backfill completes it.</li>
 * </ol>
 *
 * <pre>{@code
 * RenditionPipeline pipeline = RenditionPipeline.builder()
 *     .processor(ImageProcessors.load()).blobs(blobStore).photos(photoRepository)
 *     .profile(RenditionProfile.standard()).layout(KeyLayout.standard()).clock(Clock.systemUTC())
 *     .build();
 * Outcome outcome = pipeline.handle(new ObjectCreated(bucket, key, size, eTag, versionId, sequencer));
 * }</pre>
 */
public final class RenditionPipeline {
    /** Image errors that no retry can fix: the photo is recorded FAILED. */
    private static final Set<ErrorCode> PERMANENT_IMAGE_ERRORS =
            EnumSet.of(ErrorCode.UNSUPPORTED_FORMAT, ErrorCode.CORRUPT_IMAGE, ErrorCode.LIMIT_EXCEEDED);

    private final ImageProcessor processor;
    private final BlobStore blobs;
    private final PhotoRepository photos;
    private final RenditionProfile profile;
    private final KeyLayout layout;
    private final Clock clock;
    private final Metrics metrics;
    private final Tracer tracer;
    private final Duration leaseDuration;
    private final Supplier<String> leaseTokens;
    private final Promotion promotion;
    private final int maxAttempts;
    private final boolean adoptUnknown;
    private final String profileFingerprint;

    private RenditionPipeline(Builder b) {
        this.processor = b.processor;
        this.blobs = b.blobs;
        this.photos = b.photos;
        this.profile = b.profile;
        this.profileFingerprint = Fingerprints.profile(b.profile, b.processor.outputVersion());
        this.layout = b.layout;
        this.clock = b.clock;
        this.metrics = b.metrics;
        this.tracer = b.tracer;
        this.leaseDuration = b.leaseDuration;
        this.leaseTokens = b.leaseTokens;
        Quarantine quarantine = b.quarantine != null ? b.quarantine
                : Quarantine.builder().blobs(b.blobs).layout(b.layout).processor(b.processor).photos(b.photos).build();
        this.promotion = new Promotion(quarantine, b.blobs, b.photos, b.leaseTokens, b.leaseDuration, b.maxAttempts);
        this.maxAttempts = b.maxAttempts;
        this.adoptUnknown = b.adoptUnknown;
    }

    public static Builder builder() {
        return new Builder();
    }

    public RenditionProfile profile() {
        return profile;
    }

    public KeyLayout layout() {
        return layout;
    }

    /** Where this pipeline reports (the handlers flush it after every invocation). */
    public Metrics metrics() {
        return metrics;
    }

    /**
     * Handles one event.
     *
     * @return what was done
     * @throws GalerlyException a retryable failure (storage, throttling, a busy photo): retry the event later
     */
    public Outcome handle(ObjectCreated event) {
        return handle(event, (Instant) null);
    }

    /**
     * Handles one event, rendering by {@code deadline} (null: the processor's own time limit); a photo not done
     * by then is REJECTED with LIMIT_EXCEEDED. A Lambda handler passes the invocation's remaining time less a
     * margin for writing the renditions.
     *
     * @throws GalerlyException a retryable failure (storage, throttling, a busy photo): retry the event later
     */
    public Outcome handle(ObjectCreated event, Instant deadline) {
        return run(event, deadline, 0);
    }

    /**
     * Renders a photo again for a repair ({@link com.galerly.core.reconcile.Reconciler}): {@code record} is the record
     * as the repair read it. An ACTIVE record is claimed with {@link ClaimRequest#forcedAt} its version, so it is
     * re-rendered even under a matching profile fingerprint (renditions that went missing come back under the same keys,
     * hence the same URLs), while a record that changed since the repair read it is a DUPLICATE and nothing is written.
     * Any other record is handled as its original's lost storage event would be: from the original, or from its upload
     * still in quarantine. An ordinary backfill ({@link #handle(ObjectCreated)}) never forces: a matching fingerprint
     * writes nothing.
     *
     * <pre>{@code
     * Reconciler repair = Reconciler.builder().blobs(blobs).photos(photos)
     *     .profileFingerprint(pipeline.profileFingerprint()).rerender(pipeline.rerender("my-bucket")).build();
     * }</pre>
     *
     * @param bucket the bucket the events would name
     * @return what was done
     * @throws GalerlyException NOT_FOUND when neither the original nor its upload is stored; retryable failures as
     *                          {@link #handle(ObjectCreated)}
     */
    public Outcome rerender(String bucket, Photo record) {
        Checks.notBlank(bucket, "bucket");
        Checks.notNull(record, "record");
        String key = record.originalKey();
        Optional<BlobMetadata> head = blobs.head(key);
        if (head.isEmpty() && record.status() != PhotoStatus.ACTIVE) {
            key = layout.parseOriginal(key).map(o -> layout.incomingKey(o.gallery(), o.photo(), o.extension())).orElse(key);
            head = blobs.head(key);
        }
        BlobMetadata object = head.orElseThrow(() -> GalerlyException.notFound("original " + record.originalKey()
                + " is gone" + (record.status() == PhotoStatus.ACTIVE ? "" : ", and no upload of it is in quarantine")));
        ObjectCreated event = new ObjectCreated(bucket, key, object.size(), object.eTag(), object.versionId(), null);
        return run(event, null, record.status() == PhotoStatus.ACTIVE ? record.version() : 0);
    }

    /**
     * {@link #rerender(String, Photo)} as a reconciler's {@link com.galerly.core.reconcile.Rerender}: a repair succeeds
     * when the photo was rendered again, and fails with the pipeline's answer otherwise.
     */
    public com.galerly.core.reconcile.Rerender rerender(String bucket) {
        Checks.notBlank(bucket, "bucket");
        return record -> {
            Outcome outcome = rerender(bucket, record);
            if (outcome.kind() != Outcome.Kind.PROCESSED) {
                throw GalerlyException.conflict("the pipeline answered " + outcome + " for " + record.key());
            }
        };
    }

    private Outcome run(ObjectCreated event, Instant deadline, long forcedVersion) {
        Checks.notNull(event, "event");
        Observation attempt = Observation.start(metrics, tracer, clock, event);
        attempt.deadline = deadline;
        try {
            return attempt.finished(handle(event, attempt, forcedVersion));
        } catch (RuntimeException | Error e) {
            attempt.failed(e);
            throw e;
        } finally {
            attempt.close();
        }
    }

    private Outcome handle(ObjectCreated event, Observation attempt, long forcedVersion) {
        String key = event.key();
        Optional<KeyLayout.Original> upload = layout.parseIncoming(key);
        if (upload.isPresent()) {
            return promotion.handle(event, upload.get(), promoted -> handle(promoted, attempt, 0),
                    (photo, original, claimed, sha256) -> process(photo, original, claimed, attempt, sha256));
        }
        Optional<KeyLayout.Original> original = layout.parseOriginal(key);
        if (original.isEmpty()) {
            return Outcome.of(Outcome.Kind.IGNORED, null, layout.isRendition(key)
                    ? "a rendition, never processed" : "not an original of " + layout);
        }
        PhotoKey photo = original.get().key();
        attempt.enter(Stage.CHECK);
        Optional<BlobMetadata> head = blobs.head(key);
        if (head.isEmpty()) {
            return Outcome.of(Outcome.Kind.MISSING, photo, "the original no longer exists");
        }
        BlobMetadata object = head.get();
        if (changedSince(event, object)) {
            return Outcome.of(Outcome.Kind.STALE, photo, "the original was replaced after this event");
        }
        ClaimRequest request = new ClaimRequest(photo, key, object.eTag(), event.sequencer(), object.size(),
                object.contentType(), leaseTokens.get(), leaseDuration, maxAttempts, adoptUnknown, profileFingerprint);
        ClaimResult claim = photos.claim(forcedVersion > 0 ? request.forcedAt(forcedVersion) : request);
        switch (claim.verdict()) {
            case GONE:
                if (claim.photo() == null) {             // the original is left where it is: not ours to delete
                    return new Outcome(Outcome.Kind.REJECTED, photo, ErrorCode.UNKNOWN_UPLOAD,
                            Confirmer.unknownUpload(photo, null) + "; originals with no record are adopted only with "
                            + "adoptUnknownOriginals(true), for a backfill");
                }
                blobs.deleteAll(List.of(key));           // a replayed upload of a deleted photo
                return Outcome.of(Outcome.Kind.MISSING, photo, "the photo was deleted; its replayed original removed");
            case CLAIMED:
                return process(photo, object, claim.photo(), attempt, null);
            default:
                return unclaimed(photo, claim);
        }
    }

    /**
     * What a claim that gave this worker nothing to do means, the same for a promotion and a rendering: GAVE_UP is
     * the recorded refusal, DUPLICATE and STALE are answers, BUSY is a retryable CONFLICT.
     */
    static Outcome unclaimed(PhotoKey photo, ClaimResult claim) {
        switch (claim.verdict()) {
            case GAVE_UP:
                return new Outcome(Outcome.Kind.REJECTED, photo, claim.photo().errorCode(),
                        claim.photo().errorMessage());
            case DUPLICATE:
                return Outcome.of(Outcome.Kind.DUPLICATE, photo, "already " + claim.photo().status());
            case STALE:
                return Outcome.of(Outcome.Kind.STALE, photo, "a newer upload was already claimed");
            case BUSY:
                throw new GalerlyException(ErrorCode.CONFLICT, "photo " + photo
                        + " is being processed by another worker until " + claim.photo().lease().expiresAt(), null, true);
            default:
                throw new IllegalStateException("not an unclaimed verdict: " + claim.verdict());
        }
    }

    private Outcome process(PhotoKey photo, BlobMetadata object, Photo claimed, Observation attempt, String sha256) {
        Lease lease = claimed.lease();
        List<Rendition> written = new ArrayList<>();
        try {
            attempt.enter(Stage.RENDER);
            ProcessedImage image = attempt.deadline == null ? processor.process(source(object), profile)
                    : processor.process(source(object), profile, attempt.deadline);
            attempt.rendered(image.times());
            attempt.bytesIn = object.size();
            attempt.enter(Stage.STORE);
            for (EncodedRendition r : image.renditions()) {
                String renditionKey = layout.renditionKey(photo.gallery(), photo.id(), r.name(), fingerprint(r.name(), object),
                        r.format().extension());
                blobs.put(renditionKey, r.bytes(), PutOptions.immutable(r.contentType()));
                attempt.bytesOut += r.length();
                written.add(new Rendition(r.name(), renditionKey, r.width(), r.height(), r.length(), r.contentType()));
            }
            var oriented = image.info().orientedSize();
            attempt.enter(Stage.RECORD);
            photos.complete(photo, lease, new Completion(image.info().format().contentType(), oriented.width(),
                    oriented.height(), written, image.placeholder(), sha256, profileFingerprint));
            attempt.exit();
            deleteReplaced(claimed, written);
            return Outcome.of(Outcome.Kind.PROCESSED, photo, written.size() + " renditions");
        } catch (GalerlyException e) {
            if (e.code() == ErrorCode.CONFLICT && !e.retryable()) {
                photos.release(photo, lease);
                deleteIfPhotoDeleted(photo, written);
                return Outcome.of(Outcome.Kind.STALE, photo, e.getMessage());
            }
            if (!e.retryable() && PERMANENT_IMAGE_ERRORS.contains(e.code())) {
                return refuse(photos, photo, lease, e.code(), e.getMessage());
            }
            releaseQuietly(photo, lease, e);
            throw e;
        } catch (RuntimeException | Error e) {
            releaseQuietly(photo, lease, e);
            throw e;
        }
    }

    /** The fingerprint in a rendition's key: its spec, the engine's output version, the original's ETag and version. */
    private String fingerprint(String renditionName, BlobMetadata original) {
        RenditionSpec spec = profile.spec(renditionName).orElseThrow(() -> new GalerlyException(ErrorCode.INTERNAL,
                "the processor returned rendition " + renditionName + ", which profile " + profile.name() + " lacks"));
        return Fingerprints.rendition(spec, original.eTag(), original.versionId(), processor.outputVersion());
    }

    /** The fingerprint of the profile this pipeline renders with, as recorded on every photo it completes. */
    public String profileFingerprint() {
        return profileFingerprint;
    }

    /** Streams the original, refusing to read bytes of an object other than the one HEAD saw. */
    private ImageSource source(BlobMetadata object) {
        return ImageSource.of(object.key(), object.size(), () -> {
            BlobContent content = blobs.get(object.key());
            if (!object.eTag().equals(content.metadata().eTag())) {
                content.close();
                throw new GalerlyException(ErrorCode.CONFLICT, "original " + object.key()
                        + " was replaced while being processed");
            }
            return content.stream();
        });
    }

    /** A replaced original may have had renditions under names or formats the new run did not write. */
    private void deleteReplaced(Photo previous, List<Rendition> written) {
        Set<String> keep = new HashSet<>();
        written.forEach(r -> keep.add(r.key()));
        List<String> obsolete = previous.renditions().values().stream()
                .map(Rendition::key).filter(k -> !keep.contains(k)).toList();
        if (!obsolete.isEmpty()) {
            blobs.deleteAll(obsolete);
        }
    }

    /** A photo deleted while being processed must not keep the renditions this run wrote. */
    private void deleteIfPhotoDeleted(PhotoKey photo, List<Rendition> written) {
        if (!written.isEmpty() && photos.get(photo).isEmpty()) {
            blobs.deleteAll(written.stream().map(Rendition::key).toList());
        }
    }

    private void releaseQuietly(PhotoKey photo, Lease lease, Throwable cause) {
        try {
            photos.release(photo, lease);
        } catch (RuntimeException releaseFailed) {
            cause.addSuppressed(releaseFailed);     // the lease then simply expires
        }
    }

    private static boolean changedSince(ObjectCreated event, BlobMetadata object) {
        return (event.eTag() != null && !event.eTag().equals(object.eTag()))
                || (event.versionId() != null && object.versionId() != null
                && !Objects.equals(event.versionId(), object.versionId()));
    }

    /**
     * Records a permanent refusal of the photo under {@code lease}: REJECTED with the code, or STALE when the lease
     * was lost meanwhile (a newer upload or a delete won). Shared by rendering and the quarantine's promotion.
     */
    static Outcome refuse(PhotoRepository photos, PhotoKey photo, Lease lease, ErrorCode code, String message) {
        try {
            photos.fail(photo, lease, code, message);
        } catch (GalerlyException lost) {
            if (lost.code() == ErrorCode.CONFLICT && !lost.retryable()) {
                return Outcome.of(Outcome.Kind.STALE, photo, lost.getMessage());
            }
            throw lost;
        }
        return new Outcome(Outcome.Kind.REJECTED, photo, code, message);
    }

    /** Builds a {@link RenditionPipeline}; processor, blobs and photos are required. */
    public static final class Builder {
        private ImageProcessor processor;
        private BlobStore blobs;
        private PhotoRepository photos;
        private RenditionProfile profile = RenditionProfile.standard();
        private KeyLayout layout = KeyLayout.standard();
        private Clock clock = Clock.systemUTC();
        private Metrics metrics = Metrics.noop();
        private Tracer tracer = Tracer.noop();
        private Duration leaseDuration = Duration.ofMinutes(15);
        private Supplier<String> leaseTokens = () -> UUID.randomUUID().toString();
        private Quarantine quarantine;
        private int maxAttempts = ClaimRequest.DEFAULT_MAX_ATTEMPTS;
        private boolean adoptUnknown;

        private Builder() {
        }

        /**
         * The trust path uploads under the incoming prefix go through before promotion (scanner, scrubber, limits,
         * dedup); default: one on the same blobs, layout, processor and photos, with no scanner and no dedup.
         */
        public Builder quarantine(Quarantine quarantine) {
            this.quarantine = Checks.notNull(quarantine, "quarantine");
            return this;
        }

        /**
         * How many workers may let their lease expire on one upload (a crash, a timeout) before the photo is
         * marked FAILED instead of claimed again; 1..100, default {@link ClaimRequest#DEFAULT_MAX_ATTEMPTS}.
         */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = Checks.inRange(maxAttempts, 1, 100, "maxAttempts");
            return this;
        }

        /**
         * Whether an original (under the originals prefix) with no record gets one: an explicit opt-in for a
         * backfill of originals put there outside Galerly (S3 Batch Operations over an imported archive). Default
         * false: only photos with a PENDING record ({@link com.galerly.core.upload.PendingUploads}, made when the
         * upload was presigned) are processed, and others are REJECTED with {@code UNKNOWN_UPLOAD} (the original is
         * left in place). Uploads under the incoming prefix are never adopted, and deleted photos never brought back
         * (their tombstone refuses the claim), whatever this says.
         */
        public Builder adoptUnknownOriginals(boolean adopt) {
            this.adoptUnknown = adopt;
            return this;
        }

        public Builder processor(ImageProcessor processor) {
            this.processor = Checks.notNull(processor, "processor");
            return this;
        }

        public Builder blobs(BlobStore blobs) {
            this.blobs = Checks.notNull(blobs, "blobs");
            return this;
        }

        public Builder photos(PhotoRepository photos) {
            this.photos = Checks.notNull(photos, "photos");
            return this;
        }

        public Builder profile(RenditionProfile profile) {
            this.profile = Checks.notNull(profile, "profile");
            return this;
        }

        public Builder layout(KeyLayout layout) {
            this.layout = Checks.notNull(layout, "layout");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Checks.notNull(clock, "clock");
            return this;
        }

        public Builder metrics(Metrics metrics) {
            this.metrics = Checks.notNull(metrics, "metrics");
            return this;
        }

        /** Opens a span per photo and per {@link Stage} (none by default). */
        public Builder tracer(Tracer tracer) {
            this.tracer = Checks.notNull(tracer, "tracer");
            return this;
        }

        /** How long a claim protects a worker: at least the function's timeout. 1 second..12 hours, default 15 minutes. */
        public Builder leaseDuration(Duration leaseDuration) {
            this.leaseDuration = Checks.within(leaseDuration, Duration.ofSeconds(1), Duration.ofHours(12), "leaseDuration");
            return this;
        }

        /** Where lease tokens come from (random UUIDs by default); tests inject predictable ones. */
        public Builder leaseTokens(Supplier<String> leaseTokens) {
            this.leaseTokens = Checks.notNull(leaseTokens, "leaseTokens");
            return this;
        }

        public RenditionPipeline build() {
            if (processor == null || blobs == null || photos == null) {
                throw new IllegalStateException("processor, blobs and photos are required"
                        + (processor == null ? "; processor missing" : "")
                        + (blobs == null ? "; blobs missing" : "")
                        + (photos == null ? "; photos missing" : ""));
            }
            if (quarantine != null && !quarantine.layout().equals(layout)) {
                throw new IllegalStateException("the quarantine's layout " + quarantine.layout()
                        + " differs from the pipeline's " + layout);
            }
            processor.requireEncoders(profile);
            return new RenditionPipeline(this);
        }
    }
}
