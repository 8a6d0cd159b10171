/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring.app;

import com.galerly.core.GalleryId;
import com.galerly.core.PhotoId;
import com.galerly.core.PhotoKey;
import com.galerly.core.gallery.GalleryPage;
import com.galerly.core.gallery.GalleryService;
import com.galerly.core.photo.PageRequest;
import com.galerly.core.upload.UploadConfirmation;
import com.galerly.core.upload.UploadForm;
import com.galerly.core.upload.UploadRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A gallery API as a Spring user writes it with the starter: the {@link GalleryService} is injected, nothing
 * else is wired by hand (the application.properties of the test name the bucket and the CDN domain).
 */
@SpringBootApplication
public class GalleryTestApplication {
    /** The three calls a gallery front end makes. */
    @RestController
    static class GalleryController {
        private final GalleryService gallery;

        GalleryController(GalleryService gallery) {
            this.gallery = gallery;
        }

        record UploadAsk(String contentType, String fileName) {
        }

        @PostMapping("/galleries/{gallery}/uploads")
        Map<String, Object> upload(@PathVariable String gallery, @RequestBody UploadAsk ask) {
            UploadForm form = this.gallery.requestUploadForm("alice", UploadRequest.of(r -> r
                    .gallery(GalleryId.of(gallery)).contentType(ask.contentType()).fileName(ask.fileName())));
            return Map.of("photo", form.photo().id().toString(), "key", form.key(), "url", form.url().toString(),
                    "fields", form.fields());
        }

        @PostMapping("/galleries/{gallery}/photos/{photo}/confirm")
        Map<String, Object> confirm(@PathVariable String gallery, @PathVariable String photo) {
            UploadConfirmation c = this.gallery.confirm("alice", new PhotoKey(GalleryId.of(gallery), PhotoId.of(photo)));
            return Map.of("accepted", c.accepted(), "key", c.key());
        }

        @GetMapping("/galleries/{gallery}/photos")
        List<Map<String, Object>> list(@PathVariable String gallery) {
            GalleryPage page = this.gallery.list("bob", GalleryId.of(gallery), PageRequest.first(50));
            return page.photos().stream().map(v -> {
                Map<String, Object> photo = new LinkedHashMap<>();
                photo.put("id", v.id().toString());
                photo.put("status", v.status().name());
                photo.put("width", v.width());
                photo.put("height", v.height());
                photo.put("urls", v.urls());
                return photo;
            }).toList();
        }
    }
}
