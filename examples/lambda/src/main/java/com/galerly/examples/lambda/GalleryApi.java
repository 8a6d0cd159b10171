/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.gallery.GalleryPage;
import com.galerly.core.gallery.GalleryService;
import com.galerly.core.gallery.PhotoView;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.upload.UploadConfirmation;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadTicket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;

/**
 * The example gallery API behind an API Gateway HTTP API (payload format 2.0): a thin JSON layer over
 * {@link GalleryService}. Every route sits behind the HTTP API's JWT authorizer; the caller is the token's
 * {@code sub} claim. A request that reaches the function without one (a route deployed without the authorizer)
 * is answered 401, never served anonymously.
 *
 * <pre>
 * POST   /galleries/{gallery}/uploads               {"contentType":"image/jpeg","fileName":"a.jpg","contentLength":123}
 * POST   /galleries/{gallery}/photos/{id}/confirm
 * GET    /galleries/{gallery}/photos?limit=50&amp;token=...
 * GET    /galleries/{gallery}/photos/{id}
 * DELETE /galleries/{gallery}/photos/{id}
 * </pre>
 *
 * Configured from {@code GALERLY_TABLE}, {@code GALERLY_BUCKET}, {@code GALERLY_CDN_DOMAIN},
 * {@code GALERLY_CF_KEY_PAIR_ID}, and the ARNs of two Secrets Manager secrets:
 * {@code GALERLY_CF_PRIVATE_KEY_SECRET_ARN} (the CloudFront signing key, PEM) and
 * {@code GALERLY_PAGE_TOKEN_KEY_SECRET_ARN} (base64, at least 16 bytes). The secrets are fetched at init and
 * cached ({@link SecretCache}, {@code GALERLY_SECRET_TTL_SECONDS}, default 900); a rotated secret is picked
 * up within the TTL without a redeploy.
 */
public final class GalleryApi implements RequestStreamHandler {
    private final Supplier<GalleryService> gallery;

    /** Configured from the environment; fetches the secrets now, so a misconfiguration fails the cold start. */
    public GalleryApi() {
        this(SecretBoundGallery.fromEnvironment(System.getenv()));
        gallery.get();
    }

    public GalleryApi(GalleryService gallery) {
        this(() -> gallery);
    }

    /** With a service looked up per request (cheap: it changes only when a secret does). */
    public GalleryApi(Supplier<GalleryService> gallery) {
        this.gallery = java.util.Objects.requireNonNull(gallery, "gallery");
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        output.write(handle(input.readAllBytes()));
    }

    /** One API Gateway (HTTP API, format 2.0) request to its response. */
    public byte[] handle(byte[] payload) {
        try {
            JsonNode request = JsonNode.parser().parse(new String(payload, StandardCharsets.UTF_8));
            return route(request);
        } catch (Unauthenticated e) {
            return response(401, errorBody("UNAUTHENTICATED", e.getMessage()), "www-authenticate", "Bearer");
        } catch (GalerlyException e) {
            return error(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            return error(ErrorCode.INVALID_ARGUMENT, "malformed request: " + e.getMessage());
        }
    }

    private byte[] route(JsonNode request) {
        String method = text(request, "requestContext", "http", "method").orElse("GET");
        String[] path = text(request, "rawPath").orElse("/").replaceAll("^/+|/+$", "").split("/");
        String caller = text(request, "requestContext", "authorizer", "jwt", "claims", "sub")
                .orElseThrow(() -> new Unauthenticated("no JWT subject: every route needs the JWT authorizer"));
        GalleryService gallery = this.gallery.get();
        if (path.length < 3 || !path[0].equals("galleries")) {
            throw GalerlyException.notFound("no route " + method + " /" + String.join("/", path));
        }
        GalleryId galleryId = GalleryId.of(path[1]);
        Map<String, String> query = query(text(request, "rawQueryString").orElse(""));
        if (method.equals("POST") && path.length == 3 && path[2].equals("uploads")) {
            JsonNode body = JsonNode.parser().parse(body(request));
            UploadTicket ticket = gallery.requestUpload(caller, UploadRequest.of(r -> {
                r.gallery(galleryId).contentType(text(body, "contentType").orElse(""));
                text(body, "fileName").ifPresent(r::fileName);
                text(body, "contentLength").map(Long::parseLong).ifPresent(r::contentLength);
            }));
            JsonWriter json = JsonWriter.create().writeStartObject()
                    .writeFieldName("photoId").writeValue(ticket.photo().id().value())
                    .writeFieldName("key").writeValue(ticket.key())
                    .writeFieldName("method").writeValue(ticket.method())
                    .writeFieldName("url").writeValue(ticket.url().toString())
                    .writeFieldName("expiresAt").writeValue(ticket.expiresAt().toString())
                    .writeFieldName("headers").writeStartObject();
            ticket.headers().forEach((n, v) -> json.writeFieldName(n).writeValue(v));
            return response(201, json.writeEndObject().writeEndObject().getBytes());
        }
        if (path.length >= 3 && path[2].equals("photos")) {
            if (path.length == 3 && method.equals("GET")) {
                int limit = Integer.parseInt(query.getOrDefault("limit", Integer.toString(PageRequest.DEFAULT_LIMIT)));
                GalleryPage page = gallery.list(caller, galleryId, new PageRequest(limit, query.get("token")));
                JsonWriter json = JsonWriter.create().writeStartObject().writeFieldName("photos").writeStartArray();
                page.photos().forEach(view -> photo(json, view));
                json.writeEndArray().writeFieldName("nextToken");
                if (page.nextToken() == null) {
                    json.writeNull();
                } else {
                    json.writeValue(page.nextToken());
                }
                return response(200, json.writeEndObject().getBytes());
            }
            PhotoKey key = new PhotoKey(galleryId, PhotoId.of(path[3]));
            if (path.length == 4 && method.equals("GET")) {
                PhotoView view = gallery.get(caller, key).orElseThrow(() -> GalerlyException.notFound("no photo " + key));
                JsonWriter json = JsonWriter.create();
                photo(json, view);
                return response(200, json.getBytes());
            }
            if (path.length == 4 && method.equals("DELETE")) {
                gallery.delete(caller, key);
                return response(204, new byte[0]);
            }
            if (path.length == 5 && path[4].equals("confirm") && method.equals("POST")) {
                UploadConfirmation c = gallery.confirm(caller, key);
                JsonWriter json = JsonWriter.create().writeStartObject()
                        .writeFieldName("accepted").writeValue(c.accepted())
                        .writeFieldName("format").writeValue(c.sniffedFormat().map(f -> f.id()).orElse("unknown"));
                if (c.errorCode() != null) {
                    json.writeFieldName("errorCode").writeValue(c.errorCode().name());
                }
                return response(c.accepted() ? 200 : 422, json.writeEndObject().getBytes());
            }
        }
        throw GalerlyException.notFound("no route " + method + " /" + String.join("/", path));
    }

    private static void photo(JsonWriter json, PhotoView view) {
        Photo p = view.photo();
        json.writeStartObject().writeFieldName("id").writeValue(p.id().value())
                .writeFieldName("status").writeValue(p.status().name())
                .writeFieldName("width").writeValue(p.width()).writeFieldName("height").writeValue(p.height());
        if (p.fileName() != null) {
            json.writeFieldName("fileName").writeValue(p.fileName());
        }
        if (p.placeholder() != null) {
            json.writeFieldName("placeholder").writeValue(p.placeholder());
        }
        json.writeFieldName("urls").writeStartObject();
        view.urls().forEach((n, u) -> json.writeFieldName(n).writeValue(u));
        json.writeEndObject().writeEndObject();
    }

    private static String body(JsonNode request) {
        String body = text(request, "body").orElse("{}");
        boolean base64 = request.field("isBase64Encoded").map(JsonNode::asBoolean).orElse(false);
        return base64 ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static Optional<String> text(JsonNode node, String... path) {
        Optional<JsonNode> current = Optional.of(node);
        for (String name : path) {
            current = current.filter(JsonNode::isObject).flatMap(n -> n.field(name)).filter(n -> !n.isNull());
        }
        return current.filter(n -> n.isString() || n.isNumber()).map(JsonNode::text);
    }

    /** Stable error codes as HTTP statuses. */
    static int status(ErrorCode code) {
        return switch (code) {
            case INVALID_ARGUMENT -> 400;
            case UNAUTHORIZED -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case LIMIT_EXCEEDED -> 413;
            case UNSUPPORTED_FORMAT, CORRUPT_IMAGE, CONTENT_MISMATCH, ACTIVE_CONTENT -> 415;
            case INFECTED -> 422;
            case DUPLICATE -> 409;
            case UNKNOWN_UPLOAD -> 404;
            case THROTTLED -> 429;
            case IO_ERROR, SCANNER_UNAVAILABLE -> 503;
            case CONFIGURATION, INTERNAL -> 500;
        };
    }

    private static byte[] error(ErrorCode code, String message) {
        return response(status(code), errorBody(code.name(), message));
    }

    private static byte[] errorBody(String code, String message) {
        return JsonWriter.create().writeStartObject().writeFieldName("error").writeStartObject()
                .writeFieldName("code").writeValue(code).writeFieldName("message").writeValue(message)
                .writeEndObject().writeEndObject().getBytes();
    }

    private static byte[] response(int status, byte[] body, String... headers) {
        JsonWriter json = JsonWriter.create().writeStartObject().writeFieldName("statusCode").writeValue(status)
                .writeFieldName("headers").writeStartObject().writeFieldName("content-type").writeValue("application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            json.writeFieldName(headers[i]).writeValue(headers[i + 1]);
        }
        return json.writeEndObject().writeFieldName("body").writeValue(new String(body, StandardCharsets.UTF_8))
                .writeEndObject().getBytes();
    }

    /** A request without an authenticated subject: 401, distinct from 403 (authenticated but not allowed). */
    private static final class Unauthenticated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthenticated(String message) {
            super(message, null, false, false);
        }
    }
}
