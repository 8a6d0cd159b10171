/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.galerly.aws.s3.ObjectHeaders;
import com.galerly.aws.s3.PostPolicy;
import com.galerly.aws.s3.PresignedPost;
import com.galerly.aws.s3.PresignedRequest;
import com.galerly.aws.s3.S3Bucket;
import com.galerly.aws.s3.S3Signer;
import com.galerly.testkit.s3.S3ProxyExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code presign-put} and {@code presign-post}: the JSON contract of CLI.md, reproducible with {@code --now},
 * and usable: what they print uploads to a real SigV4-checking server (S3Proxy). Credentials come from the
 * standard chain, here its first link, the {@code aws.accessKeyId}/{@code aws.secretAccessKey} properties.
 */
class PresignCommandsTest {
    @RegisterExtension
    static final S3ProxyExtension S3 = S3ProxyExtension.builder().bucket("photos").build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOW = "2026-03-01T10:00:00Z";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void credentials() {
        System.setProperty("aws.accessKeyId", S3.accessKey());
        System.setProperty("aws.secretAccessKey", S3.secretKey());
    }

    @AfterAll
    static void forgetCredentials() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    private int run(String... args) {
        return GalerlyCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private JsonNode json() throws Exception {
        return JSON.readTree(out.toString());
    }

    private static S3Signer signer(String region, URI endpoint) {
        S3Bucket.Builder bucket = S3Bucket.builder().name("photos").region(region);
        if (endpoint != null) {
            bucket.endpoint(endpoint);
        }
        return S3Signer.builder().bucket(bucket.build())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3.accessKey(), S3.secretKey())))
                .clock(Clock.fixed(Instant.parse(NOW), ZoneOffset.UTC)).build();
    }

    @Test
    void presignPutPrintsTheContractJsonReproducibly() throws Exception {
        assertEquals(0, run("presign-put", "--bucket", "photos", "--key", "uploads/a b.jpg", "--region", "eu-west-1",
                "--expires-in", "600", "--content-length", "5", "--content-type", "image/jpeg", "--now", NOW),
                err.toString());
        JsonNode put = json();
        assertEquals(java.util.List.of("method", "url", "headers", "expiresAt"), names(put));
        assertEquals("PUT", put.get("method").asText());
        assertEquals("2026-03-01T10:10:00Z", put.get("expiresAt").asText());
        assertEquals(Map.of("Content-Type", "image/jpeg", "Content-Length", "5"),
                JSON.convertValue(put.get("headers"), Map.class));
        PresignedRequest expected = signer("eu-west-1", null).presignPut("uploads/a b.jpg",
                ObjectHeaders.builder().contentType("image/jpeg").contentLength(5).build(), Duration.ofSeconds(600));
        assertEquals(expected.url().toString(), put.get("url").asText());
        assertTrue(put.get("url").asText().startsWith("https://photos.s3.eu-west-1.amazonaws.com/uploads/a%20b.jpg?"));

        String first = out.toString();
        out.getBuffer().setLength(0);
        run("presign-put", "--bucket", "photos", "--key", "uploads/a b.jpg", "--region", "eu-west-1",
                "--expires-in", "600", "--content-length", "5", "--content-type", "image/jpeg", "--now", "1772359200");
        assertEquals(first, out.toString(), "--now as epoch seconds gives the same output");
    }

    @Test
    void presignPutUrlUploadsToAnS3CompatibleEndpoint() throws Exception {
        String key = "cli/" + UUID.randomUUID() + ".jpg";
        assertEquals(0, run("presign-put", "--bucket", "photos", "--key", key, "--region", "us-east-1",
                "--expires-in", "300", "--content-length", "5", "--content-type", "image/jpeg",
                "--endpoint", S3.endpoint().toString()), err.toString());
        JsonNode put = json();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(put.get("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofString("bytes"));
        put.get("headers").fields().forEachRemaining(h -> {
            if (!h.getKey().equalsIgnoreCase("Content-Length")) {       // the JDK client sets it from the body
                request.header(h.getKey(), h.getValue().asText());
            }
        });
        assertEquals(200, send(request.build()).statusCode());
        HttpRequest.Builder longer = HttpRequest.newBuilder(URI.create(put.get("url").asText()))
                .header("Content-Type", "image/jpeg").PUT(HttpRequest.BodyPublishers.ofString("bytes and more"));
        assertEquals(403, send(longer.build()).statusCode(), "the length is signed");
        assertEquals("image/jpeg", S3.client().headObject(r -> r.bucket("photos").key(key)).contentType());

        HttpResponse<String> html = send(HttpRequest.newBuilder(URI.create(put.get("url").asText()))
                .header("Content-Type", "text/html").PUT(HttpRequest.BodyPublishers.ofString("x")).build());
        assertEquals(403, html.statusCode(), "the content type is signed");
    }

    @Test
    void presignPostPrintsAFormWhosePolicyBoundsTheSize() throws Exception {
        assertEquals(0, run("presign-post", "--bucket", "photos", "--key-prefix", "uploads/alice/",
                "--region", "eu-west-1", "--expires-in", "600", "--content-type", "image/jpeg", "--max-bytes", "1000",
                "--now", NOW), err.toString());
        JsonNode form = json();
        assertEquals(java.util.List.of("url", "fields", "expiresAt"), names(form));
        assertEquals("https://photos.s3.eu-west-1.amazonaws.com/", form.get("url").asText());
        assertEquals("2026-03-01T10:10:00Z", form.get("expiresAt").asText());
        JsonNode fields = form.get("fields");
        assertEquals(java.util.List.of("key", "Content-Type", "x-amz-algorithm", "x-amz-credential", "x-amz-date",
                "policy", "x-amz-signature"), names(fields));
        assertEquals("uploads/alice/${filename}", fields.get("key").asText());
        PresignedPost expected = signer("eu-west-1", null).presignPost(PostPolicy.builder()
                .contentLengthRange(1, 1000).keyStartsWith("uploads/alice/").contentType("image/jpeg").build(),
                Duration.ofSeconds(600));
        assertEquals(expected.fields().get("x-amz-signature"), fields.get("x-amz-signature").asText());
        String policy = new String(Base64.getDecoder().decode(fields.get("policy").asText()), StandardCharsets.UTF_8);
        assertTrue(policy.contains("[\"content-length-range\",1,1000]"), policy);
        assertTrue(policy.contains("[\"starts-with\",\"$key\",\"uploads/alice/\"]"), policy);
    }

    @Test
    void aKeyPrefixIsAFolderAndTheDefaultTypeIsAnImageType() throws Exception {
        assertEquals(0, run("presign-post", "--bucket", "photos", "--key-prefix", "uploads/u7",
                "--region", "eu-west-1", "--expires-in", "600", "--now", NOW), err.toString());
        JsonNode fields = json().get("fields");
        assertEquals("uploads/u7/${filename}", fields.get("key").asText(), "completed with '/'");
        String policy = new String(Base64.getDecoder().decode(fields.get("policy").asText()), StandardCharsets.UTF_8);
        assertTrue(policy.contains("[\"starts-with\",\"$key\",\"uploads/u7/\"]"), policy);
        assertTrue(policy.contains("[\"starts-with\",\"$Content-Type\",\"image/\"]"), policy);
    }

    @Test
    void presignPostFormUploadsAndIsBoundedWithoutAnyOption() throws Exception {
        assertEquals(0, run("presign-post", "--bucket", "photos", "--key", "cli/form.png", "--region", "us-east-1",
                "--expires-in", "300", "--max-bytes", "16", "--endpoint", S3.endpoint().toString()), err.toString());
        JsonNode form = json();
        URI url = URI.create(form.get("url").asText());
        @SuppressWarnings("unchecked")
        Map<String, String> fields = JSON.convertValue(form.get("fields"), Map.class);
        assertEquals(400, post(url, fields, "image/png", new byte[17]).statusCode(), "over --max-bytes");
        assertEquals(204, post(url, Map.copyOf(fields), "image/png", new byte[16]).statusCode());
        assertEquals("image/png", S3.client().headObject(r -> r.bucket("photos").key("cli/form.png")).contentType());
    }

    @Test
    void userErrorsAreOneLineAndExit2() {
        String[][] bad = {
            {"presign-put", "--bucket", "photos", "--key", "../x", "--region", "eu-west-1", "--expires-in", "60",
                "--content-length", "1"},
            {"presign-put", "--bucket", "photos", "--key", "k", "--region", "eu-west-1", "--expires-in", "604801",
                "--content-length", "1"},
            {"presign-put", "--bucket", "Photos!", "--key", "k", "--region", "eu-west-1", "--expires-in", "60",
                "--content-length", "1"},
            {"presign-put", "--bucket", "photos", "--key", "k", "--region", "eu-west-1", "--expires-in", "60",
                "--content-length", "1", "--now", "yesterday"},
            {"presign-put", "--bucket", "photos", "--key", "k", "--region", "eu-west-1", "--expires-in", "60",
                "--content-length", "1", "--content-type", "not a type"},
            {"presign-put", "--bucket", "photos", "--key", "k", "--region", "eu-west-1", "--expires-in", "60"},
            {"presign-put", "--bucket", "photos", "--key", "k", "--region", "eu-west-1", "--expires-in", "60",
                "--content-length", "-1"},
            {"presign-post", "--bucket", "photos", "--region", "eu-west-1", "--expires-in", "60"},
            {"presign-post", "--bucket", "photos", "--key", "a", "--key-prefix", "b/", "--region", "eu-west-1",
                "--expires-in", "60"},
            {"presign-post", "--bucket", "photos", "--key", "a", "--region", "eu-west-1", "--expires-in", "60",
                "--max-bytes", "0"},
        };
        for (String[] args : bad) {
            err.getBuffer().setLength(0);
            assertEquals(2, run(args), String.join(" ", args) + " -> " + err);
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertTrue(err.toString().startsWith("galerly: "), err.toString());
            assertFalse(err.toString().contains("\tat "), err.toString());
        }
    }

    @Test
    void helpDescribesBothCommands() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("presign-put") && out.toString().contains("presign-post"), out.toString());
        out.getBuffer().setLength(0);
        assertEquals(0, run("presign-post", "--help"));
        assertTrue(out.toString().contains("--key-prefix") && out.toString().contains("209715200"), out.toString());
    }

    private static java.util.List<String> names(JsonNode node) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(URI url, Map<String, String> fields, String type, byte[] file)
            throws Exception {
        String boundary = "----galerly" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : new java.util.TreeMap<>(fields).entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"Content-Type\"\r\n\r\n" + type
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(url).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }
}
