/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.galerly.aws.dynamodb.DynamoDbPhotoRepository;
import com.galerly.aws.s3.S3BlobStore;
import com.galerly.aws.s3.S3UploadService;
import com.galerly.cdn.CdnUrls;
import com.galerly.cdn.CloudFrontSigner;
import com.galerly.core.KeyLayout;
import com.galerly.core.delivery.UrlSigner;
import com.galerly.core.gallery.GalleryService;
import com.galerly.core.image.ImageFormat;
import com.galerly.core.image.ImageProcessor;
import com.galerly.core.image.RenditionProfile;
import com.galerly.core.metrics.Metrics;
import com.galerly.core.photo.PhotoRepository;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.storage.BlobStore;
import com.galerly.core.upload.UploadService;
import com.galerly.jdbc.EmbeddedPhotoStore;
import com.galerly.jdbc.JdbcPhotoRepository;
import com.galerly.testkit.InMemoryBlobStore;
import com.galerly.testkit.InMemoryPhotoRepository;
import com.galerly.testkit.InMemoryUploadService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Which beans the starter makes from which properties, and that each backs off for the application's own. */
class GalerlyAutoConfigurationTest {
    private static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAEXAMPLE", "example/secret"));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(GalerlyAutoConfiguration.class, GalerlyS3AutoConfiguration.class,
                    GalerlyDynamoDbAutoConfiguration.class, GalerlyJdbcAutoConfiguration.class,
                    GalerlyCdnAutoConfiguration.class,
                    GalerlyServicesAutoConfiguration.class, GalerlyHealthAutoConfiguration.class))
            .withBean(AwsCredentialsProvider.class, () -> CREDENTIALS);

    @Test
    void propertiesMakeTheS3BeansTheCdnUrlsTheProfileAndTheGalleryService() {
        runner.withPropertyValues("galerly.bucket=photos", "galerly.region=eu-west-1",
                        "galerly.layout.originals-prefix=masters/", "galerly.layout.incoming-prefix=uploads/", "galerly.renditions.format=webp",
                        "galerly.renditions.quality=70", "galerly.cdn.domain=cdn.example.com")
                .withBean(PhotoRepository.class, () -> new InMemoryPhotoRepository(Clock.systemUTC()))
                .run(context -> {
                    assertInstanceOf(S3BlobStore.class, context.getBean(BlobStore.class));
                    assertInstanceOf(S3UploadService.class, context.getBean(UploadService.class));
                    assertEquals("masters/", context.getBean(KeyLayout.class).originalsPrefix());
                    assertEquals("uploads/", context.getBean(KeyLayout.class).incomingPrefix());
                    RenditionProfile profile = context.getBean(RenditionProfile.class);
                    assertTrue(profile.specs().stream().allMatch(s -> s.format() == ImageFormat.WEBP && s.quality() == 70),
                            profile.toString());
                    assertInstanceOf(CdnUrls.class, context.getBean(com.galerly.core.delivery.DeliveryUrls.class));
                    assertNotNull(context.getBean(GalleryService.class));
                    assertNotNull(context.getBean(ImageProcessor.class), "galerly-imaging is on the classpath");
                    assertNotNull(context.getBean(RenditionPipeline.class));
                    assertFalse(context.containsBean("galerlyUrlSigner"), "no key pair configured");
                    assertTrue(context.containsBean("galerlyHealthIndicator"));
                });
    }

    @Test
    void everyBeanBacksOffForTheApplicationsOwn() {
        InMemoryBlobStore blobs = new InMemoryBlobStore(Clock.systemUTC());
        InMemoryUploadService uploads = InMemoryUploadService.builder().blobs(blobs).clock(Clock.systemUTC()).build();
        KeyLayout layout = KeyLayout.builder().originalsPrefix("mine/").build();
        runner.withPropertyValues("galerly.bucket=photos", "galerly.cdn.domain=cdn.example.com")
                .withBean(BlobStore.class, () -> blobs).withBean(UploadService.class, () -> uploads)
                .withBean(KeyLayout.class, () -> layout)
                .withBean(PhotoRepository.class, () -> new InMemoryPhotoRepository(Clock.systemUTC()))
                .run(context -> {
                    assertSame(blobs, context.getBean(BlobStore.class));
                    assertSame(uploads, context.getBean(UploadService.class));
                    assertSame(layout, context.getBean(KeyLayout.class));
                    assertEquals(1, context.getBeansOfType(PhotoRepository.class).size());
                    assertNotNull(context.getBean(GalleryService.class), "built on the application's beans");
                });
    }

    @Test
    void withoutABucketThereAreNoS3BeansAndNoGalleryService() {
        runner.run(context -> {
            assertFalse(context.containsBean("galerlyBlobStore"));
            assertEquals(0, context.getBeansOfType(GalleryService.class).size());
            assertNotNull(context.getBean(KeyLayout.class));
        });
    }

    @Test
    void dynamoDbIsChosenByPropertyOrByTheApplicationsClient() {
        runner.withPropertyValues("galerly.repository.type=dynamodb", "galerly.repository.table=gallery-photos")
                .run(context -> assertInstanceOf(DynamoDbPhotoRepository.class, context.getBean(PhotoRepository.class)));
        DynamoDbClient own = DynamoDbClient.builder().region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS).build();
        runner.withBean(DynamoDbClient.class, () -> own).run(context -> {
            assertInstanceOf(DynamoDbPhotoRepository.class, context.getBean(PhotoRepository.class));
            assertSame(own, context.getBean(DynamoDbClient.class), "the application's client is used");
        });
        own.close();
    }

    @Test
    void jdbcIsChosenByADataSourceAndTheEmbeddedStoreWhenNothingElse() {
        try (EmbeddedPhotoStore database = EmbeddedPhotoStore.inMemory()) {
            runner.withBean(DataSource.class, database::dataSource).run(context -> {
                assertInstanceOf(JdbcPhotoRepository.class, context.getBean(PhotoRepository.class));
                assertFalse(context.containsBean("galerlyEmbeddedPhotoStore"), "the application's database is used");
            });
            DynamoDbClient dynamo = DynamoDbClient.builder().region(Region.EU_WEST_1).credentialsProvider(CREDENTIALS)
                    .build();
            runner.withPropertyValues("galerly.repository.type=jdbc").withBean(DataSource.class, database::dataSource)
                    .withBean(DynamoDbClient.class, () -> dynamo)
                    .run(context -> assertInstanceOf(JdbcPhotoRepository.class, context.getBean(PhotoRepository.class),
                            "the property wins over the beans"));
            dynamo.close();
        }
        runner.run(context -> {
            assertInstanceOf(JdbcPhotoRepository.class, context.getBean(PhotoRepository.class));
            assertNotNull(context.getBean(EmbeddedPhotoStore.class), "auto with no client bean: the embedded store");
        });
        runner.withPropertyValues("galerly.repository.type=dynamodb").run(context ->
                assertFalse(context.containsBean("galerlyEmbeddedPhotoStore")));
    }

    @Test
    void badValuesFailTheStartNamingTheProperty() {
        runner.withPropertyValues("galerly.renditions.quality=0").run(context -> {
            assertTrue(context.getStartupFailure() != null);
            assertTrue(rootMessage(context.getStartupFailure()).contains("renditions.quality"),
                    rootMessage(context.getStartupFailure()));
        });
        runner.withPropertyValues("galerly.bucket=Not_A_Bucket").run(context ->
                assertTrue(rootMessage(context.getStartupFailure()).contains("bucket"),
                        rootMessage(context.getStartupFailure())));
        runner.withPropertyValues("galerly.layout.originals-prefix=renditions/").run(context ->
                assertTrue(rootMessage(context.getStartupFailure()).contains("galerly.layout"),
                        rootMessage(context.getStartupFailure())));
        runner.withPropertyValues("galerly.cdn.key-pair-id=K2JCJMDEHXQW5F").run(context ->
                assertTrue(rootMessage(context.getStartupFailure()).contains("galerly.cdn.private-key"),
                        rootMessage(context.getStartupFailure())));
    }

    @Test
    void aKeyPairMakesTheCloudFrontSigner(@TempDir Path dir) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        Path pem = dir.resolve("cdn.pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        runner.withPropertyValues("galerly.cdn.key-pair-id=K2JCJMDEHXQW5F", "galerly.cdn.private-key=file:" + pem)
                .run(context -> {
                    UrlSigner signer = context.getBean(UrlSigner.class);
                    assertInstanceOf(CloudFrontSigner.class, signer);
                    String url = signer.sign("https://cdn.example.com/renditions/g/p_small.jpg",
                            Instant.now().plusSeconds(3600));
                    assertTrue(url.contains("Key-Pair-Id=K2JCJMDEHXQW5F") && url.contains("Signature="), url);
                });
    }

    @Test
    void aMeterRegistryMakesThePipelineReportThroughMicrometer() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> assertInstanceOf(MicrometerMetrics.class, context.getBean(Metrics.class)));
    }

    @Test
    void theIdeMetadataDescribesEveryProperty() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertNotNull(in, "spring-configuration-metadata.json is generated by the annotation processor");
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String property : new String[] {"galerly.bucket", "galerly.region", "galerly.endpoint",
                    "galerly.repository.type", "galerly.repository.table", "galerly.cdn.domain",
                    "galerly.cdn.private-key", "galerly.uploads.max-size", "galerly.renditions.quality"}) {
                assertTrue(json.contains("\"name\": \"" + property + "\""), property + " in the metadata");
            }
            assertTrue(json.contains("Encoder quality, 1..100."), "descriptions come from the javadoc");
        }
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
