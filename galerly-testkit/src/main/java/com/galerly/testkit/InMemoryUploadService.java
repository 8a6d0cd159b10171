/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.testkit;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.KeyLayout;
import com.galerly.core.LimitExceededException;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.scan.ContentScanner;
import com.galerly.core.scrub.MetadataScrubber;
import com.galerly.core.spi.FileNames;
import com.galerly.core.storage.BlobMetadata;
import com.galerly.core.storage.PutOptions;
import com.galerly.core.upload.Confirmer;
import com.galerly.core.upload.ContentIndex;
import com.galerly.core.upload.DuplicatePolicy;
import com.galerly.core.upload.PendingUploads;
import com.galerly.core.upload.Quarantine;
import com.galerly.core.upload.UploadConfirmation;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadService;
import com.galerly.core.upload.UploadTicket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An {@link UploadService} over an {@link InMemoryBlobStore}, with the client's side too: {@link #put} and
 * {@link #post} play the browser sending what a ticket or form says, and refuse what S3 would refuse (expired or
 * tampered signature, another content type, length or checksum, a body over the form's size limit).
 * Uploads land in quarantine ({@code incoming/}) and {@link #confirm} runs the same trust path as the S3
 * implementation ({@link Quarantine} through {@link Confirmer}); both pass {@code UploadServiceContract}.
 *
 * <pre>{@code
 * InMemoryUploadService uploads = InMemoryUploadService.builder().blobs(blobs).clock(clock).build();
 * UploadTicket ticket = uploads.presignPut(UploadRequest.of(r -> r.gallery(gallery).contentType("image/jpeg")));
 * uploads.put(ticket.url(), ticket.headers(), bytes);      // what the client does
 * UploadConfirmation ok = uploads.confirm(ticket.key());
 * }</pre>
 */
public final class InMemoryUploadService implements UploadService {
    private static final Map<String, String> EXTENSIONS = Quarantine.defaultContentTypes();

    private final InMemoryBlobStore blobs;
    private final KeyLayout layout;
    private final Clock clock;
    private final PhotoId.Generator ids;
    private final Set<String> contentTypes;
    private final long maxBytes;
    private final Duration expiry;
    private final String baseUrl;
    private final Hmac hmac = new Hmac("galerly-testkit-uploads");
    private final Confirmer confirmer;
    private final PhotoRepository repository;
    private final Duration pendingExpiry;

    private InMemoryUploadService(Builder b) {
        this.blobs = b.blobs;
        this.layout = b.layout;
        this.clock = b.clock;
        this.ids = PhotoId.generator(b.clock);
        this.contentTypes = Set.copyOf(b.contentTypes);
        this.maxBytes = b.maxBytes;
        this.expiry = b.expiry;
        this.baseUrl = b.baseUrl;
        Quarantine.Builder quarantine = Quarantine.builder().blobs(b.blobs).layout(b.layout).scanner(b.scanner)
                .scrubber(b.scrubber).maxBytes(b.maxBytes).duplicates(b.duplicates)
                .contentTypes(b.contentTypes.stream().filter(Quarantine.knownContentTypes()::contains)
                        .collect(java.util.stream.Collectors.toSet()));
        if (b.processor != null) {
            quarantine.processor(b.processor);
        }
        if (b.contentIndex != null) {
            quarantine.contentIndex(b.contentIndex);
        }
        if (b.repository != null) {
            quarantine.photos(b.repository);
        }
        this.repository = b.repository;
        this.pendingExpiry = b.pendingExpiry;
        this.confirmer = new Confirmer(quarantine.build(), b.blobs, Optional.ofNullable(b.repository));
    }

    /** With a repository, every presigned upload gets its PENDING record ({@link PendingUploads}). */
    private void recordPending(UploadRequest request, PhotoKey photo, String key, Instant urlExpiry) {
        if (repository != null) {
            PendingUploads.create(repository, PendingUploads.record(layout, photo, key, request,
                    request.owner().orElse(null), clock.instant(), urlExpiry, pendingExpiry));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public UploadTicket presignPut(UploadRequest request) {
        if (request.contentLength() < 1) {
            throw GalerlyException.invalid("a presigned PUT needs the request's contentLength: the length is always"
                    + " signed, since without it a client could upload up to 5 GiB");
        }
        PhotoKey photo = accept(request);
        String key = layout.incomingKey(photo.gallery(), photo.id(), EXTENSIONS.get(request.contentType()));
        Instant expiresAt = clock.instant().plus(expiry);
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-type", request.contentType());
        headers.put("content-length", Long.toString(request.contentLength()));
        request.checksumSha256().ifPresent(c -> headers.put("x-amz-checksum-sha256", c));
        long expires = expiresAt.getEpochSecond();
        String signedHeaders = String.join(";", headers.keySet());
        String signature = hmac.sign(canonical("PUT", key, headers, expires));
        URI url = URI.create(baseUrl + QueryString.encodePath(key) + "?X-Expires=" + expires + "&X-SignedHeaders="
                + QueryString.encode(signedHeaders) + "&X-Signature=" + signature);
        recordPending(request, photo, key, expiresAt);
        return new UploadTicket(photo, key, "PUT", url, headers, expiresAt);
    }

    @Override
    public UploadForm presignPost(UploadRequest request) {
        PhotoKey photo = accept(request);
        String key = layout.incomingKey(photo.gallery(), photo.id(), EXTENSIONS.get(request.contentType()));
        Instant expiresAt = clock.instant().plus(expiry);
        String policy = Base64.getEncoder().encodeToString(("key=" + key + "\ncontent-type=" + request.contentType()
                + "\nmax-bytes=" + (request.contentLength() > 0 ? request.contentLength() : maxBytes) + "\nexpires=" + expiresAt.getEpochSecond()).getBytes(StandardCharsets.UTF_8));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", key);
        fields.put("Content-Type", request.contentType());
        fields.put("policy", policy);
        fields.put("x-signature", hmac.sign(policy));
        recordPending(request, photo, key, expiresAt);
        return new UploadForm(photo, key, URI.create(baseUrl), fields, expiresAt);
    }

    @Override
    public UploadConfirmation confirm(String key) {
        return confirmer.confirm(key);
    }

    @Override
    public URI presignGet(String key, Duration expiry, Optional<String> downloadName) {
        long expires = clock.instant().plus(expiry).getEpochSecond();
        String disposition = downloadName.flatMap(FileNames::sanitize)       // the real services' rule
                .map(n -> "attachment; filename=\"" + n.replaceAll("[\"\\\\]", "_") + "\"").orElse("");
        String signature = hmac.sign(canonical("GET", key, Map.of("disposition", disposition), expires));
        return URI.create(baseUrl + QueryString.encodePath(key) + "?X-Expires=" + expires + "&X-Signature=" + signature
                + (disposition.isEmpty() ? "" : "&response-content-disposition=" + QueryString.encode(disposition)));
    }

    /** Plays the client's presigned PUT: checks signature, expiry and signed headers, then stores the body. */
    public BlobMetadata put(URI url, Map<String, String> headers, byte[] body) {
        Map<String, String> params = QueryString.parse(url);
        String key = keyOf(url);
        long expires = expires(params);
        Map<String, String> sent = new TreeMap<>();
        headers.forEach((n, v) -> sent.put(n.toLowerCase(Locale.ROOT), v));
        Map<String, String> signed = new TreeMap<>();
        for (String name : params.getOrDefault("X-SignedHeaders", "").split(";")) {
            if (!name.isEmpty()) {
                signed.put(name, sent.getOrDefault(name, ""));
            }
        }
        if (!hmac.verify(canonical("PUT", key, signed, expires), params.get("X-Signature"))) {
            throw unauthorized("signature does not match (another key, content type, length or checksum)");
        }
        if (signed.containsKey("content-length") && Long.parseLong(signed.get("content-length")) != body.length) {
            throw GalerlyException.invalid("body has " + body.length + " bytes, the signed length is "
                    + signed.get("content-length"));
        }
        if (signed.containsKey("x-amz-checksum-sha256") && !signed.get("x-amz-checksum-sha256").equals(sha256(body))) {
            throw GalerlyException.invalid("body does not match the signed SHA-256 checksum");
        }
        return blobs.put(key, body, PutOptions.of(sent.getOrDefault("content-type", "application/octet-stream")));
    }

    /** Plays the browser's form POST: checks the policy's signature, expiry, key, content type and size. */
    public BlobMetadata post(Map<String, String> fields, byte[] body) {
        String policy = fields.get("policy");
        if (policy == null || !hmac.verify(policy, fields.get("x-signature"))) {
            throw unauthorized("policy signature does not match");
        }
        Map<String, String> rules = new TreeMap<>();
        for (String line : new String(Base64.getDecoder().decode(policy), StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            rules.put(line.substring(0, eq), line.substring(eq + 1));
        }
        if (clock.instant().getEpochSecond() >= Long.parseLong(rules.get("expires"))) {
            throw unauthorized("policy expired");
        }
        if (!rules.get("key").equals(fields.get("key")) || !rules.get("content-type").equals(fields.get("Content-Type"))) {
            throw unauthorized("key or Content-Type differ from the policy");
        }
        if (body.length > Long.parseLong(rules.get("max-bytes"))) {
            throw new LimitExceededException("body has " + body.length + " bytes, over the policy's "
                    + rules.get("max-bytes"));
        }
        return blobs.put(fields.get("key"), body, PutOptions.of(fields.get("Content-Type")));
    }

    /** Plays a download through a presigned GET URL. */
    public byte[] get(URI url) {
        Map<String, String> params = QueryString.parse(url);
        String key = keyOf(url);
        long expires = expires(params);
        String disposition = params.getOrDefault("response-content-disposition", "");
        if (!hmac.verify(canonical("GET", key, Map.of("disposition", disposition), expires), params.get("X-Signature"))) {
            throw unauthorized("signature does not match");
        }
        return blobs.bytes(key).orElseThrow(() -> GalerlyException.notFound("no object at " + key));
    }

    private PhotoKey accept(UploadRequest request) {
        if (!contentTypes.contains(request.contentType())) {
            throw GalerlyException.invalid("content type " + request.contentType() + " is not accepted; accepted: "
                    + new java.util.TreeSet<>(contentTypes));
        }
        if (request.contentLength() > maxBytes) {
            throw new LimitExceededException("declared length " + request.contentLength() + " is over the limit of "
                    + maxBytes + " bytes");
        }
        return new PhotoKey(request.gallery(), ids.next());
    }

    private String keyOf(URI url) {
        if (!url.toString().startsWith(baseUrl)) {
            throw unauthorized("not a URL of this service: " + url);
        }
        return java.net.URLDecoder.decode(url.getRawPath().substring(URI.create(baseUrl).getRawPath().length())
                .replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private long expires(Map<String, String> params) {
        long expires;
        try {
            expires = Long.parseLong(params.getOrDefault("X-Expires", ""));
        } catch (NumberFormatException e) {
            throw unauthorized("missing expiry");
        }
        if (clock.instant().getEpochSecond() >= expires) {
            throw unauthorized("URL expired at " + Instant.ofEpochSecond(expires));
        }
        return expires;
    }

    private static String canonical(String method, String key, Map<String, String> headers, long expires) {
        StringBuilder s = new StringBuilder(method).append('\n').append(key).append('\n');
        new TreeMap<>(headers).forEach((n, v) -> s.append(n).append(':').append(v).append('\n'));
        return s.append(expires).toString();
    }

    private static String sha256(byte[] body) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GalerlyException unauthorized(String message) {
        return new GalerlyException(ErrorCode.UNAUTHORIZED, message);
    }

    /** Builds an {@link InMemoryUploadService}; {@code blobs} is required. */
    public static final class Builder {
        private InMemoryBlobStore blobs;
        private KeyLayout layout = KeyLayout.standard();
        private Clock clock = Clock.systemUTC();
        private Set<String> contentTypes = EXTENSIONS.keySet();
        private long maxBytes = 200L * 1024 * 1024;
        private Duration expiry = Duration.ofMinutes(15);
        private String baseUrl = "https://uploads.galerly.test/bucket/";
        private PhotoRepository repository;
        private ContentScanner scanner = ContentScanner.none();
        private MetadataScrubber scrubber = MetadataScrubber.standard();
        private ContentIndex contentIndex;
        private DuplicatePolicy duplicates = DuplicatePolicy.REJECT;
        private ImageProcessor processor;
        private Duration pendingExpiry = PendingUploads.DEFAULT_TTL;

        private Builder() {
        }

        /**
         * How long a PENDING record waits for its upload after the upload URL expired
         * ({@link PendingUploads#checkTtl}: 1 minute..30 days, as the S3 service).
         */
        public Builder pendingExpiry(Duration pendingExpiry) {
            this.pendingExpiry = PendingUploads.checkTtl(pendingExpiry);
            return this;
        }

        /**
         * Records uploads: PENDING when presigned ({@link PendingUploads}), REJECTED with the reason when refused;
         * confirm then passes only uploads with a record.
         */
        public Builder repository(PhotoRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
            return this;
        }

        public Builder scanner(ContentScanner scanner) {
            this.scanner = Objects.requireNonNull(scanner, "scanner");
            return this;
        }

        public Builder scrubber(MetadataScrubber scrubber) {
            this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
            return this;
        }

        public Builder contentIndex(ContentIndex contentIndex) {
            this.contentIndex = Objects.requireNonNull(contentIndex, "contentIndex");
            return this;
        }

        public Builder duplicates(DuplicatePolicy duplicates) {
            this.duplicates = Objects.requireNonNull(duplicates, "duplicates");
            return this;
        }

        /** Reads headers before promotion (pixel limits; formats only a plugin or {@link FakeImageProcessor} knows). */
        public Builder processor(ImageProcessor processor) {
            this.processor = Objects.requireNonNull(processor, "processor");
            return this;
        }

        public Builder blobs(InMemoryBlobStore blobs) {
            this.blobs = Objects.requireNonNull(blobs, "blobs");
            return this;
        }

        public Builder layout(KeyLayout layout) {
            this.layout = Objects.requireNonNull(layout, "layout");
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Content types accepted (each must be an image type this fake knows). */
        public Builder contentTypes(List<String> contentTypes) {
            for (String type : contentTypes) {
                if (!EXTENSIONS.containsKey(type)) {
                    throw new IllegalArgumentException("contentTypes: unknown image type " + type + "; known: "
                            + new java.util.TreeSet<>(EXTENSIONS.keySet()));
                }
            }
            this.contentTypes = Set.copyOf(contentTypes);
            return this;
        }

        public Builder maxBytes(long maxBytes) {
            if (maxBytes < 1) {
                throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
            }
            this.maxBytes = maxBytes;
            return this;
        }

        public Builder expiry(Duration expiry) {
            if (expiry.isNegative() || expiry.isZero()) {
                throw new IllegalArgumentException("expiry must be positive, was " + expiry);
            }
            this.expiry = expiry;
            return this;
        }

        public InMemoryUploadService build() {
            if (blobs == null) {
                throw new IllegalStateException("blobs is required");
            }
            return new InMemoryUploadService(this);
        }
    }
}
