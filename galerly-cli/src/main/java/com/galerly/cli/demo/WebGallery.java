/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.galerly.aws.lambda.RenditionHandler;
import com.galerly.aws.s3.S3BlobStore;
import com.galerly.aws.s3.S3Bucket;
import com.galerly.aws.s3.S3UploadService;
import com.galerly.cdn.CloudFrontSigner;
import com.galerly.cdn.CookieAttributes;
import com.galerly.cdn.CustomPolicy;
import com.galerly.cdn.SignedCookies;
import com.galerly.cdn.SigningKey;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.KeyLayout;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.gallery.AccessPolicy;
import com.galerly.core.gallery.GalleryService;
import com.galerly.core.gallery.PhotoView;
import com.galerly.core.gallery.RenditionSource;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageProcessors;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.image.RenditionSpec;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.upload.UploadConfirmation;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadRequest;
import com.galerly.testkit.cdn.LocalCloudFront;
import com.galerly.testkit.s3.S3ProxyExtension;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code galerly demo --serve}: a small web gallery on loopback that uses the SDK the way a user's application
 * does. The page asks this app for a presigned POST form and uploads the file from the browser straight to the
 * S3-compatible server (CORS allows this origin; no photo byte passes through the app), then confirms; a
 * stand-in for S3's event notification hands new objects to the {@link RenditionHandler}; the gallery lists
 * {@link PhotoView}s whose {@link RenditionSource}s become {@code <picture>}/{@code srcset} of JPEG and WebP
 * renditions, with the BlurHash placeholder painted first; images come through a local CloudFront stand-in
 * that serves only requests carrying the signed cookies this app set (403 without).
 */
public final class WebGallery implements AutoCloseable {
    static final GalleryId GALLERY = GalleryId.of("demo");
    static final String CALLER = "demo-user";
    static final String KEY_PAIR_ID = "KDEMOGALERLYWEB1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration COOKIE_LIFETIME = Duration.ofHours(1);
    private static final String WEB = "/com/galerly/cli/demo/web/";
    private static final Map<String, String> STATIC = Map.of("/app.js", "text/javascript; charset=utf-8",
            "/blurhash.js", "text/javascript; charset=utf-8", "/style.css", "text/css; charset=utf-8");

    private final Clock clock = Clock.systemUTC();
    private final KeyLayout layout = KeyLayout.standard();
    private final HttpServer server;
    private final ExecutorService executor;
    private final String origin;
    private final S3ProxyExtension s3;
    private final S3Client s3Client;
    private final S3UploadService uploads;
    private final LocalCloudFront cdn;
    private final CloudFrontSigner signer;
    private final GalleryService gallery;
    private final StorageEvents events;
    private final RecordStore records;
    private final PhotoRepository photos;
    private final BlobStore blobs;

    private WebGallery(int port, Consumer<String> log) throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "galerly-web");
            t.setDaemon(true);
            return t;
        });
        s3 = S3ProxyExtension.builder().bucket(LocalCloud.BUCKET).corsOrigin(origin).build();
        s3.start();
        S3Bucket bucket = S3Bucket.of(b -> b.name(LocalCloud.BUCKET).region(s3.region()).endpoint(s3.endpoint())
                .pathStyle(true));
        s3Client = bucket.clientBuilder(s3.credentialsProvider()).build();
        blobs = S3BlobStore.create(s3Client, LocalCloud.BUCKET);
        records = RecordStore.embedded();
        photos = records.repository(clock);
        uploads = S3UploadService.builder().bucket(bucket).client(s3Client).credentialsProvider(s3.credentialsProvider())
                .clock(clock).layout(layout).maxBytes(50L * 1024 * 1024).build();

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = ec.generateKeyPair();
        signer = CloudFrontSigner.builder().keyPair(KEY_PAIR_ID, SigningKey.of(keys.getPrivate()))
                .expiryRounding(Duration.ofMinutes(5)).clock(clock).build();
        cdn = LocalCloudFront.builder().blobs(blobs).publicKey(KEY_PAIR_ID, keys.getPublic())
                .servedPrefix(layout.renditionsPrefix()).clock(clock).start();

        // cookie mode: the page holds signed cookies for the gallery, so rendition URLs stay unsigned (and cacheable)
        gallery = GalleryService.builder().uploads(uploads).photos(photos).blobs(blobs).layout(layout)
                .urls(key -> cdn.baseUrl() + key).signer((url, expiresAt) -> url)
                .access(AccessPolicy.allowAllPrivate()).clock(clock).build();
        RenditionPipeline pipeline = RenditionPipeline.builder().processor(ImageProcessors.load()).blobs(blobs)
                .photos(photos).layout(layout).profile(jpegAndWebp(RenditionProfile.standard())).clock(clock).build();
        events = new StorageEvents(blobs, layout.incomingPrefix(), RenditionHandler.of(pipeline), log);

        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts everything on loopback; {@code port} 0 picks a free one. */
    public static WebGallery start(int port, Consumer<String> log) throws Exception {
        return new WebGallery(port, log);
    }

    /** {@code http://127.0.0.1:PORT/}: the page. */
    public String pageUrl() {
        return origin + "/";
    }

    /** Where the photo records are kept. */
    public String recordStore() {
        return records.description();
    }

    /** The CloudFront stand-in serving the renditions. */
    public LocalCloudFront cdn() {
        return cdn;
    }

    /** The rendition ladder with a WebP twin of each JPEG rendition ({@code small} and {@code small-webp} ...). */
    static RenditionProfile jpegAndWebp(RenditionProfile base) {
        RenditionProfile.Builder both = RenditionProfile.builder().name(base.name() + "-webp");
        for (RenditionSpec s : base.specs()) {
            both.add(s.toBuilder().format(ImageFormat.JPEG).build());
        }
        for (RenditionSpec s : base.specs()) {
            both.add(s.toBuilder().name(s.name() + "-webp").format(ImageFormat.WEBP).build());
        }
        return both.build();
    }

    @Override
    public void close() throws Exception {
        server.stop(0);
        executor.shutdownNow();
        events.close();
        cdn.close();
        uploads.close();
        s3Client.close();
        s3.stop();
        records.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            String host = exchange.getRequestHeaders().getFirst("Host");
            if (host == null || !(origin.endsWith("//" + host) || origin.replace("127.0.0.1", "localhost").endsWith("//" + host))) {
                send(exchange, 421, "text/plain", ("this server answers on " + origin + " only").getBytes(StandardCharsets.UTF_8));
                return;
            }
            String requestOrigin = exchange.getRequestHeaders().getFirst("Origin");
            if (!method.equals("GET") && requestOrigin != null && !requestOrigin.equals(origin)) {
                send(exchange, 403, "text/plain", ("cross-origin " + method + " refused").getBytes(StandardCharsets.UTF_8));
                return;
            }
            try {
                route(exchange, method, path);
            } catch (GalerlyException e) {
                sendJson(exchange, e.code() == ErrorCode.NOT_FOUND ? 404 : e.code() == ErrorCode.INVALID_ARGUMENT
                        || e.code() == ErrorCode.UNSUPPORTED_FORMAT ? 400 : e.code() == ErrorCode.UNAUTHORIZED ? 403 : 500,
                        error(e.code().name(), e.getMessage()));
            } catch (RuntimeException e) {
                sendJson(exchange, 400, error("INVALID_ARGUMENT", String.valueOf(e.getMessage())));
            }
        }
    }

    private void route(HttpExchange exchange, String method, String path) throws IOException {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        if (method.equals("GET") && path.equals("/")) {
            // the page's session: signed cookies granting the gallery's renditions (a custom policy with a wildcard)
            SignedCookies cookies = signer.cookies(CustomPolicy.of(p -> p
                    .resource("http*://127.0.0.1:" + cdn.port() + "/" + layout.renditionsPrefix(GALLERY) + "*")
                    .expiresAt(clock.instant().plus(COOKIE_LIFETIME))));
            for (String header : cookies.setCookieHeaders(CookieAttributes.of(a -> a.path("/" + layout.renditionsPrefix(GALLERY))
                    .secure(false).httpOnly(true).sameSite(CookieAttributes.SameSite.LAX)))) {
                exchange.getResponseHeaders().add("Set-Cookie", header);
            }
            send(exchange, 200, "text/html; charset=utf-8", resource("index.html"));
        } else if (method.equals("GET") && STATIC.containsKey(path)) {
            send(exchange, 200, STATIC.get(path), resource(path.substring(1)));
        } else if (method.equals("GET") && path.equals("/api/photos")) {
            ObjectNode json = JSON.createObjectNode();
            ArrayNode photos = json.putArray("photos");
            for (PhotoView view : gallery.list(CALLER, GALLERY, PageRequest.first(100)).photos()) {
                photo(photos.addObject(), view);
            }
            sendJson(exchange, 200, json);
        } else if (method.equals("POST") && path.equals("/api/uploads")) {
            JsonNode body = readJson(exchange.getRequestBody().readAllBytes());
            UploadForm form = gallery.requestUploadForm(CALLER, UploadRequest.of(r -> {
                r.gallery(GALLERY).contentType(text(body, "contentType"));
                String name = text(body, "fileName");
                if (!name.isEmpty()) {
                    r.fileName(name);
                }
            }));
            ObjectNode json = JSON.createObjectNode().put("photoId", form.photo().id().value())
                    .put("url", form.url().toString());
            ObjectNode fields = json.putObject("fields");
            form.fields().forEach(fields::put);
            sendJson(exchange, 201, json);
        } else if (parts.length == 4 && parts[0].equals("api") && parts[1].equals("photos") && parts[3].equals("confirm")
                && method.equals("POST")) {
            // S3 notifies every created object, even one that confirm promotes out of incoming/ a moment later; a
            // poll of the local server would miss such an object, so deliver what is there before confirming.
            events.poll();
            UploadConfirmation c = gallery.confirm(CALLER, new PhotoKey(GALLERY, PhotoId.of(parts[2])));
            sendJson(exchange, c.accepted() ? 200 : 422, JSON.createObjectNode().put("accepted", c.accepted()));
        } else if (parts.length == 3 && parts[0].equals("api") && parts[1].equals("photos") && method.equals("DELETE")) {
            gallery.delete(CALLER, new PhotoKey(GALLERY, PhotoId.of(parts[2])));
            send(exchange, 204, "text/plain", new byte[0]);
        } else {
            send(exchange, 404, "text/plain", ("no route " + method + " " + path).getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void photo(ObjectNode json, PhotoView view) {
        json.put("id", view.id().value()).put("status", view.status().name())
                .put("fileName", view.fileName().orElse(""))
                .put("width", view.width()).put("height", view.height());
        view.placeholder().ifPresent(blurhash -> json.put("blurhash", blurhash));
        view.errorCode().ifPresent(code -> json.put("error", code.name()));
        json.put("jpegSrcset", view.srcset("image/jpeg")).put("webpSrcset", view.srcset("image/webp"));
        ArrayNode sources = json.putArray("sources");
        for (RenditionSource s : view.sources()) {
            sources.addObject().put("name", s.name()).put("width", s.width()).put("height", s.height())
                    .put("format", s.format()).put("url", s.url());
        }
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode json = JSON.createObjectNode();
        json.putObject("error").put("code", code).put("message", message);
        return json;
    }

    private static JsonNode readJson(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : "";
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WebGallery.class.getResourceAsStream(WEB + name)) {
            if (in == null) {
                throw new IOException("missing resource " + WEB + name);
            }
            return in.readAllBytes();
        }
    }

    private static void sendJson(HttpExchange exchange, int status, ObjectNode json) throws IOException {
        send(exchange, status, "application/json", JSON.writeValueAsBytes(json));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    /** Every object key in the bucket (uploads, originals, renditions). */
    public List<String> objectKeys() {
        return blobs.list("");
    }
}
