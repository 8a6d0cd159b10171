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
import com.galerly.core.photo.ClaimRequest;
import com.galerly.core.photo.ClaimResult;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.upload.Admission;
import com.galerly.core.upload.Confirmer;
import com.galerly.core.upload.Quarantine;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pipeline's step for an upload in quarantine: refuse a replay, claim the photo's PENDING record (an upload
 * with none is deleted and REJECTED with {@code UNKNOWN_UPLOAD}: never adopted), run the {@link Quarantine},
 * record a refusal (REJECTED or FAILED), or hand the promoted original to rendering.
 */
final class Promotion {
    /** Renders a promoted original under the claim: (photo, promoted object, claimed record, sha256) -> outcome. */
    interface Renderer {
        Outcome render(PhotoKey photo, BlobMetadata original, Photo claimed, String sha256);
    }

    private final Quarantine quarantine;
    private final BlobStore blobs;
    private final PhotoRepository photos;
    private final Supplier<String> leaseTokens;
    private final Duration leaseDuration;
    private final int maxAttempts;

    Promotion(Quarantine quarantine, BlobStore blobs, PhotoRepository photos, Supplier<String> leaseTokens,
              Duration leaseDuration, int maxAttempts) {
        this.quarantine = quarantine;
        this.blobs = blobs;
        this.photos = photos;
        this.leaseTokens = leaseTokens;
        this.leaseDuration = leaseDuration;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Handles an event for an incoming key.
     *
     * @param original handles an event for the promoted original (when the upload was already promoted)
     * @param renderer renders a freshly promoted original
     */
    Outcome handle(ObjectCreated event, KeyLayout.Original upload, Function<ObjectCreated, Outcome> original,
                   Renderer renderer) {
        PhotoKey photo = upload.key();
        String promotedKey = quarantine.layout().promotedKey(upload);
        Optional<BlobMetadata> head = blobs.head(event.key());
        if (head.isEmpty()) {
            if (quarantine.promoted(upload).isPresent()) {
                // promoted by confirm (or an earlier delivery): render the original if nobody has
                return original.apply(new ObjectCreated(event.bucket(), promotedKey, -1, null, null, event.sequencer()));
            }
            return Outcome.of(Outcome.Kind.MISSING, photo, "the upload no longer exists (refused, or never promoted)");
        }
        BlobMetadata incoming = head.get();
        if (event.eTag() != null && !event.eTag().equals(incoming.eTag())) {
            return Outcome.of(Outcome.Kind.STALE, photo, "the upload was replaced after this event");
        }
        Optional<BlobMetadata> promoted = quarantine.promoted(upload);
        if (promoted.isPresent() && Quarantine.isReplay(promoted.get(), incoming)) {
            quarantine.discard(incoming.key());
            return Outcome.of(Outcome.Kind.STALE, photo, "a replayed upload after promotion: deleted, the promoted"
                    + " original " + promotedKey + " stays");
        }
        ClaimResult claim = photos.claim(new ClaimRequest(photo, promotedKey, incoming.eTag(), event.sequencer(),
                incoming.size(), incoming.contentType(), leaseTokens.get(), leaseDuration, maxAttempts, false));
        switch (claim.verdict()) {
            case GONE:
                // nobody requested this upload, its record expired, or it is replayed after its photo was deleted
                quarantine.discard(incoming.key());
                return new Outcome(Outcome.Kind.REJECTED, photo, ErrorCode.UNKNOWN_UPLOAD,
                        Confirmer.unknownUpload(photo, claim.photo()) + "; the upload was deleted");
            case CLAIMED:
                return admit(upload, incoming, claim.photo(), renderer);
            default:
                if (claim.verdict() == ClaimResult.Verdict.GAVE_UP || claim.verdict() == ClaimResult.Verdict.DUPLICATE
                        && claim.photo().status() == PhotoStatus.REJECTED) {
                    quarantine.discard(incoming.key());  // refused for good: the upload has no future
                }
                return RenditionPipeline.unclaimed(photo, claim);
        }
    }

    private Outcome admit(KeyLayout.Original upload, BlobMetadata incoming, Photo claimed, Renderer renderer) {
        PhotoKey photo = upload.key();
        Lease lease = claimed.lease();
        Admission admission;
        try {
            admission = quarantine.admit(upload, incoming);
        } catch (RuntimeException | Error e) {
            try {
                photos.release(photo, lease);
            } catch (RuntimeException releaseFailed) {
                e.addSuppressed(releaseFailed);
            }
            throw e;
        }
        if (admission instanceof Admission.Refused refused) {
            return RenditionPipeline.refuse(photos, photo, lease, refused.code(), refused.message());
        }
        if (admission instanceof Admission.Linked linked) {
            photos.delete(photo);
            return Outcome.of(Outcome.Kind.DUPLICATE, photo, "the same bytes are already photo "
                    + linked.existing().id().value() + ": linked to it, the upload and its record deleted");
        }
        Admission.Promoted promoted = (Admission.Promoted) admission;
        return renderer.render(photo, promoted.original(), claimed, promoted.sha256());
    }
}
