/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.galerly.core.ErrorCode;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.gallery.GalleryPage;
import com.galerly.core.gallery.GalleryService;
import com.galerly.core.gallery.PhotoView;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.upload.UploadConfirmation;
import com.galerly.core.upload.UploadRequest;
import com.galerly.core.upload.UploadTicket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The example gallery API behind an API Gateway HTTP API (payload format 2.0): a thin JSON layer over
 * {@link GalleryService}, on the typed {@link APIGatewayV2HTTPEvent} (the Lambda runtime deserialises the event;
 * bodies are read and written with Jackson). Every route sits behind the HTTP API's JWT authorizer; the caller is
 * the token's {@code sub} claim. A request that reaches the function without one (a route deployed without the
 * authorizer) is answered 401, never served anonymously.
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
public final class GalleryApi implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private static final ObjectMapper JSON = new ObjectMapper();

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
        this.gallery = Objects.requireNonNull(gallery, "gallery");
    }

    /** One API Gateway (HTTP API, format 2.0) request to its response; never throws. */
    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
        try {
            return route(request);
        } catch (Unauthenticated e) {
            return response(401, errorBody("UNAUTHENTICATED", e.getMessage()), Map.of("www-authenticate", "Bearer"));
        } catch (GalerlyException e) {
            return error(e.code(), e.getMessage());
        } catch (JsonProcessingException e) {
            return error(ErrorCode.INVALID_ARGUMENT, "malformed JSON body: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            return error(ErrorCode.INVALID_ARGUMENT, "malformed request: " + e.getMessage());
        }
    }

    private APIGatewayV2HTTPResponse route(APIGatewayV2HTTPEvent request) throws JsonProcessingException {
        APIGatewayV2HTTPEvent.RequestContext context = request.getRequestContext();
        String method = Optional.ofNullable(context).map(APIGatewayV2HTTPEvent.RequestContext::getHttp)
                .map(APIGatewayV2HTTPEvent.RequestContext.Http::getMethod).orElse("GET");
        String rawPath = Optional.ofNullable(request.getRawPath()).orElse("/");
        String[] path = rawPath.replaceAll("^/+|/+$", "").split("/");
        String caller = Optional.ofNullable(context).map(APIGatewayV2HTTPEvent.RequestContext::getAuthorizer)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer::getJwt)
                .map(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT::getClaims).map(c -> c.get("sub"))
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new Unauthenticated("no JWT subject: every route needs the JWT authorizer"));
        GalleryService gallery = this.gallery.get();
        if (path.length < 3 || !path[0].equals("galleries")) {
            throw GalerlyException.notFound("no route " + method + " /" + String.join("/", path));
        }
        GalleryId galleryId = GalleryId.of(path[1]);
        Map<String, String> query = Optional.ofNullable(request.getQueryStringParameters()).orElse(Map.of());
        if (method.equals("POST") && path.length == 3 && path[2].equals("uploads")) {
            JsonNode body = JSON.readTree(body(request));
            UploadTicket ticket = gallery.requestUpload(caller, UploadRequest.of(r -> {
                r.gallery(galleryId).contentType(text(body, "contentType").orElse(""));
                text(body, "fileName").ifPresent(r::fileName);
                text(body, "contentLength").map(Long::parseLong).ifPresent(r::contentLength);
            }));
            ObjectNode json = JSON.createObjectNode().put("photoId", ticket.photo().id().value())
                    .put("key", ticket.key()).put("method", ticket.method()).put("url", ticket.url().toString())
                    .put("expiresAt", ticket.expiresAt().toString());
            ObjectNode headers = json.putObject("headers");
            ticket.headers().forEach(headers::put);
            return response(201, json);
        }
        if (path.length >= 3 && path[2].equals("photos")) {
            if (path.length == 3 && method.equals("GET")) {
                int limit = Integer.parseInt(query.getOrDefault("limit", Integer.toString(PageRequest.DEFAULT_LIMIT)));
                GalleryPage page = gallery.list(caller, galleryId, new PageRequest(limit, query.get("token")));
                ObjectNode json = JSON.createObjectNode();
                ArrayNode photos = json.putArray("photos");
                page.photos().forEach(view -> photos.add(photo(view)));
                json.put("nextToken", page.nextToken());
                return response(200, json);
            }
            PhotoKey key = new PhotoKey(galleryId, PhotoId.of(path[3]));
            if (path.length == 4 && method.equals("GET")) {
                PhotoView view = gallery.get(caller, key).orElseThrow(() -> GalerlyException.notFound("no photo " + key));
                return response(200, photo(view));
            }
            if (path.length == 4 && method.equals("DELETE")) {
                gallery.delete(caller, key);
                return response(204, null);
            }
            if (path.length == 5 && path[4].equals("confirm") && method.equals("POST")) {
                UploadConfirmation c = gallery.confirm(caller, key);
                ObjectNode json = JSON.createObjectNode().put("accepted", c.accepted())
                        .put("format", c.sniffedFormat().map(f -> f.id()).orElse("unknown"));
                if (c.errorCode() != null) {
                    json.put("errorCode", c.errorCode().name());
                }
                return response(c.accepted() ? 200 : 422, json);
            }
        }
        throw GalerlyException.notFound("no route " + method + " /" + String.join("/", path));
    }

    private static ObjectNode photo(PhotoView view) {
        ObjectNode json = JSON.createObjectNode().put("id", view.id().value()).put("status", view.status().name())
                .put("width", view.width()).put("height", view.height());
        view.fileName().ifPresent(name -> json.put("fileName", name));
        view.placeholder().ifPresent(hash -> json.put("placeholder", hash));
        ObjectNode urls = json.putObject("urls");
        view.urls().forEach(urls::put);
        return json;
    }

    private static String body(APIGatewayV2HTTPEvent request) {
        String body = request.getBody();
        if (body == null || body.isEmpty()) {
            return "{}";
        }
        return request.getIsBase64Encoded() ? new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8) : body;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !(value.isTextual() || value.isNumber()) ? Optional.empty() : Optional.of(value.asText());
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

    private static APIGatewayV2HTTPResponse error(ErrorCode code, String message) {
        return response(status(code), errorBody(code.name(), message), Map.of());
    }

    private static ObjectNode errorBody(String code, String message) {
        ObjectNode json = JSON.createObjectNode();
        json.putObject("error").put("code", code).put("message", message);
        return json;
    }

    private static APIGatewayV2HTTPResponse response(int status, JsonNode body) {
        return response(status, body, Map.of());
    }

    private static APIGatewayV2HTTPResponse response(int status, JsonNode body, Map<String, String> headers) {
        Map<String, String> all = new java.util.TreeMap<>(headers);
        all.put("content-type", "application/json");
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status).withHeaders(all)
                .withBody(body == null ? "" : body.toString()).withIsBase64Encoded(false).build();
    }

    /** A request without an authenticated subject: 401, distinct from 403 (authenticated but not allowed). */
    private static final class Unauthenticated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unauthenticated(String message) {
            super(message, null, false, false);
        }
    }
}
