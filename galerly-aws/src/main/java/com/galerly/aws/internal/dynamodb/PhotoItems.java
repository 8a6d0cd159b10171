/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.aws.internal.dynamodb;

import com.galerly.core.ErrorCode;
import com.galerly.core.GalleryId;
import com.galerly.core.Lease;
import com.galerly.core.Photo;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.PhotoStatus;
import com.galerly.core.Rendition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The single-table item layout of a photo: {@code PK = G#{gallery}}, {@code SK = P#{photo}}, plain attributes,
 * renditions as a map of maps, and {@code expiresAt} in epoch seconds for DynamoDB's TTL.
 */
public final class PhotoItems {
    public static final String PK = "PK";
    public static final String SK = "SK";
    public static final String VERSION = "version";
    public static final String TTL = "expiresAt";
    public static final String GALLERY_PREFIX = "G#";
    public static final String PHOTO_PREFIX = "P#";

    private PhotoItems() {
    }

    public static Map<String, AttributeValue> key(PhotoKey key) {
        return Map.of(PK, s(GALLERY_PREFIX + key.gallery().value()), SK, s(PHOTO_PREFIX + key.id().value()));
    }

    public static String partition(GalleryId gallery) {
        return GALLERY_PREFIX + gallery.value();
    }

    public static Map<String, AttributeValue> toItem(Photo p) {
        Map<String, AttributeValue> item = new HashMap<>(key(p.key()));
        item.put("status", s(p.status().name()));
        item.put("originalKey", s(p.originalKey()));
        item.put("size", n(p.size()));
        item.put("width", n(p.width()));
        item.put("height", n(p.height()));
        item.put("uploadedAt", s(p.uploadedAt().toString()));
        item.put(VERSION, n(p.version()));
        if (p.attempts() > 0) {
            item.put("attempts", n(p.attempts()));
        }
        putIfSet(item, "owner", p.owner());
        putIfSet(item, "fileName", p.fileName());
        putIfSet(item, "contentType", p.contentType());
        putIfSet(item, "placeholder", p.placeholder());
        putIfSet(item, "errorMessage", p.errorMessage());
        putIfSet(item, "sequencer", p.sequencer());
        putIfSet(item, "eTag", p.eTag());
        putIfSet(item, "sha256", p.sha256());
        putIfSet(item, "profileFingerprint", p.profileFingerprint());
        if (p.processedAt() != null) {
            item.put("processedAt", s(p.processedAt().toString()));
        }
        if (p.errorCode() != null) {
            item.put("errorCode", s(p.errorCode().name()));
        }
        if (p.lease() != null) {
            item.put("leaseToken", s(p.lease().token()));
            item.put("leaseExpiresAt", s(p.lease().expiresAt().toString()));
        }
        if (p.expiresAt() != null) {
            item.put(TTL, n(p.expiresAt().getEpochSecond()));
        }
        if (!p.renditions().isEmpty()) {
            Map<String, AttributeValue> renditions = new HashMap<>();
            List<AttributeValue> order = new ArrayList<>();
            for (Rendition r : p.renditions().values()) {
                renditions.put(r.name(), AttributeValue.fromM(Map.of("key", s(r.key()), "width", n(r.width()),
                        "height", n(r.height()), "bytes", n(r.bytes()), "contentType", s(r.contentType()))));
                order.add(s(r.name()));
            }
            item.put("renditions", AttributeValue.fromM(renditions));
            item.put("renditionOrder", AttributeValue.fromL(order));
        }
        return item;
    }

    public static Photo fromItem(Map<String, AttributeValue> item) {
        Photo.Builder b = Photo.builder()
                .gallery(GalleryId.of(item.get(PK).s().substring(GALLERY_PREFIX.length())))
                .id(PhotoId.of(item.get(SK).s().substring(PHOTO_PREFIX.length())))
                .status(PhotoStatus.valueOf(item.get("status").s()))
                .originalKey(item.get("originalKey").s())
                .size(num(item, "size")).dimensions((int) num(item, "width"), (int) num(item, "height"))
                .uploadedAt(Instant.parse(item.get("uploadedAt").s()))
                .version(num(item, VERSION)).attempts((int) num(item, "attempts"))
                .owner(str(item, "owner")).fileName(str(item, "fileName")).contentType(str(item, "contentType"))
                .placeholder(str(item, "placeholder")).sequencer(str(item, "sequencer")).eTag(str(item, "eTag"))
                .sha256(str(item, "sha256"))
                .profileFingerprint(str(item, "profileFingerprint"));
        String processedAt = str(item, "processedAt");
        b.processedAt(processedAt == null ? null : Instant.parse(processedAt));
        String code = str(item, "errorCode");
        b.error(code == null ? null : ErrorCode.valueOf(code), str(item, "errorMessage"));
        String leaseToken = str(item, "leaseToken");
        if (leaseToken != null) {
            b.lease(new Lease(leaseToken, Instant.parse(item.get("leaseExpiresAt").s())));
        }
        if (item.containsKey(TTL)) {
            b.expiresAt(Instant.ofEpochSecond(num(item, TTL)));
        } else if (item.containsKey(GalleryCounters.DEFERRED_TTL)) {     // a marked item gets its TTL once settled
            b.expiresAt(Instant.ofEpochSecond(num(item, GalleryCounters.DEFERRED_TTL)));
        }
        if (item.containsKey("renditions")) {
            Map<String, AttributeValue> renditions = item.get("renditions").m();
            List<Rendition> ordered = new ArrayList<>();
            for (AttributeValue name : item.get("renditionOrder").l()) {
                Map<String, AttributeValue> r = renditions.get(name.s()).m();
                ordered.add(new Rendition(name.s(), r.get("key").s(), (int) num(r, "width"), (int) num(r, "height"),
                        num(r, "bytes"), r.get("contentType").s()));
            }
            b.renditions(ordered);
        }
        return b.build();
    }

    private static void putIfSet(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static long num(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? 0 : Long.parseLong(v.n());
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
