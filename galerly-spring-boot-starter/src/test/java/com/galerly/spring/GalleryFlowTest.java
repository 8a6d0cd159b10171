/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.core.pipeline.ObjectCreated;
import com.galerly.core.pipeline.Outcome;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.spring.app.GalleryTestApplication;
import com.galerly.testkit.image.ImageFiles;
import com.galerly.testkit.image.SyntheticImages;
import com.galerly.testkit.s3.S3ProxyExtension;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The test application booted by Spring Boot against S3Proxy: a client asks the app for an upload form, POSTs
 * the photo straight to S3 over HTTP, the app confirms it, the pipeline renders it (as the S3 event would make it),
 * and the gallery lists it with CDN URLs. Subclasses choose the record store.
 */
@SpringBootTest(classes = GalleryTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"galerly.bucket=" + GalleryFlowTest.BUCKET, "galerly.cdn.domain=cdn.example.test",
                "management.endpoints.web.exposure.include=health", "management.endpoint.health.show-details=always"})
abstract class GalleryFlowTest {
    static final String BUCKET = "spring-photos";
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket(BUCKET).build();

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        registry.add("galerly.endpoint", () -> S3.endpoint().toString());
        registry.add("galerly.region", () -> S3.region().id());
    }

    /** The application's credentials (here S3Proxy's), which the starter uses instead of the default chain. */
    static class S3ProxyCredentials {
        @Bean
        AwsCredentialsProvider credentials() {
            return S3.credentialsProvider();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    RenditionPipeline pipeline;

    private RestClient app() {
        return RestClient.create("http://127.0.0.1:" + port);
    }

    @Test
    void uploadFormThenHttpUploadThenPipelineThenGallery() throws IOException {
        Map<String, Object> form = app().post().uri("/galleries/wedding/uploads").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("contentType", "image/jpeg", "fileName", "DSC_0042.JPG"))
                .retrieve().body(new ParameterizedTypeReference<>() { });
        String key = (String) form.get("key");
        assertTrue(key.startsWith("incoming/wedding/"), key);        // the quarantine: nothing serves it

        // the browser's multipart POST: the policy's fields, then the file
        MultiValueMap<String, Object> post = new LinkedMultiValueMap<>();
        @SuppressWarnings("unchecked")
        Map<String, String> fields = (Map<String, String>) form.get("fields");
        fields.forEach(post::add);
        byte[] jpeg = ImageFiles.jpeg(SyntheticImages.photo(1600, 1200, 42), 90);
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.IMAGE_JPEG);
        post.add("file", new HttpEntity<>(new ByteArrayResource(jpeg) {
            @Override
            public String getFilename() {
                return "DSC_0042.JPG";
            }
        }, fileHeaders));
        ResponseEntity<Void> uploaded = RestClient.create().post().uri((String) form.get("url"))
                .contentType(MediaType.MULTIPART_FORM_DATA).body(post).retrieve().toBodilessEntity();
        assertTrue(uploaded.getStatusCode().is2xxSuccessful(), uploaded.toString());

        Map<String, Object> confirmed = app().post().uri("/galleries/wedding/photos/{id}/confirm", form.get("photo"))
                .retrieve().body(new ParameterizedTypeReference<>() { });
        assertEquals(Boolean.TRUE, confirmed.get("accepted"), confirmed.toString());

        Outcome outcome = pipeline.handle(ObjectCreated.of(BUCKET, key));      // what the S3 event triggers
        assertEquals(Outcome.Kind.PROCESSED, outcome.kind(), outcome.toString());

        List<Map<String, Object>> photos = app().get().uri("/galleries/wedding/photos").retrieve()
                .body(new ParameterizedTypeReference<>() { });
        assertEquals(1, photos.size(), photos.toString());
        Map<String, Object> photo = photos.get(0);
        assertEquals(form.get("photo"), photo.get("id"));
        assertEquals("ACTIVE", photo.get("status"));
        assertEquals(1600, photo.get("width"));
        @SuppressWarnings("unchecked")
        Map<String, String> urls = (Map<String, String>) photo.get("urls");
        assertEquals(List.of("large", "medium", "small", "thumbnail"), urls.keySet().stream().sorted().toList());
        assertTrue(urls.get("small").startsWith("https://cdn.example.test/renditions/wedding/" + form.get("photo")),
                urls.toString());

        // the rendition is really in the bucket under the URL's path (fingerprinted), a JPEG of the right size
        String smallKey = java.net.URI.create(urls.get("small")).getPath().substring(1);
        assertTrue(smallKey.matches("renditions/wedding/" + form.get("photo") + "_small\\.[0-9a-z]+\\.jpg"), smallKey);
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(S3.client()
                .getObjectAsBytes(b -> b.bucket(BUCKET).key(smallKey)).asByteArray()));
        assertEquals(800, small.getWidth());
        assertEquals(600, small.getHeight());
    }

    @Test
    void theHealthIndicatorSeesTheBucketAndTheRecords() {
        Map<String, Object> health = app().get().uri("/actuator/health/galerly").retrieve()
                .body(new ParameterizedTypeReference<>() { });
        assertEquals("UP", health.get("status"), health.toString());
        assertEquals(Map.of("bucket", "reachable", "records", "reachable"), health.get("details"));
    }
}
