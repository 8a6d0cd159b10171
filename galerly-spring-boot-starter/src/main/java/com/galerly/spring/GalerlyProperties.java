/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.spring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Galerly's settings under {@code galerly.*}. Every setting has a default except the bucket (for the S3 beans),
 * the table (for DynamoDB) and the CDN domain (for the gallery service); a bad value fails the start with a
 * message naming the property.
 *
 * <pre>{@code
 * galerly.bucket=photos
 * galerly.region=eu-west-1
 * galerly.repository.type=dynamodb
 * galerly.repository.table=photos
 * galerly.cdn.domain=d111111abcdef8.cloudfront.net
 * }</pre>
 */
@Validated
@ConfigurationProperties(prefix = "galerly")
public class GalerlyProperties {
    /** S3 bucket of originals and renditions; the S3 blob store and upload service are configured when set. */
    @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]", message = "must be an S3 bucket name")
    private String bucket;
    /** AWS region of the bucket (and of signatures). */
    @NotBlank
    private String region = "us-east-1";
    /** S3-compatible endpoint (MinIO, S3Proxy, LocalStack...), e.g. http://127.0.0.1:9000; empty for AWS. */
    private URI endpoint;
    /** Address objects as endpoint/bucket/key; by default only with an endpoint or a bucket name with dots. */
    private Boolean pathStyle;

    @Valid
    @NestedConfigurationProperty
    private final Layout layout = new Layout();
    @Valid
    @NestedConfigurationProperty
    private final Renditions renditions = new Renditions();
    @Valid
    @NestedConfigurationProperty
    private final Uploads uploads = new Uploads();
    @Valid
    @NestedConfigurationProperty
    private final Repository repository = new Repository();
    @Valid
    @NestedConfigurationProperty
    private final Cdn cdn = new Cdn();

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public URI getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(URI endpoint) {
        this.endpoint = endpoint;
    }

    public Boolean getPathStyle() {
        return pathStyle;
    }

    public void setPathStyle(Boolean pathStyle) {
        this.pathStyle = pathStyle;
    }

    public Layout getLayout() {
        return layout;
    }

    public Renditions getRenditions() {
        return renditions;
    }

    public Uploads getUploads() {
        return uploads;
    }

    public Repository getRepository() {
        return repository;
    }

    public Cdn getCdn() {
        return cdn;
    }

    /** Where objects live in the bucket. */
    public static class Layout {
        /** Prefix uploads land under (the quarantine: the prefix that triggers processing; nothing serves it). */
        @NotBlank
        private String incomingPrefix = "incoming/";
        /** Prefix of checked originals, promoted out of the incoming prefix. */
        @NotBlank
        private String originalsPrefix = "originals/";
        /** Prefix of renditions; must not overlap the incoming or originals prefix. */
        @NotBlank
        private String renditionsPrefix = "renditions/";

        public String getIncomingPrefix() {
            return incomingPrefix;
        }

        public void setIncomingPrefix(String incomingPrefix) {
            this.incomingPrefix = incomingPrefix;
        }

        public String getOriginalsPrefix() {
            return originalsPrefix;
        }

        public void setOriginalsPrefix(String originalsPrefix) {
            this.originalsPrefix = originalsPrefix;
        }

        public String getRenditionsPrefix() {
            return renditionsPrefix;
        }

        public void setRenditionsPrefix(String renditionsPrefix) {
            this.renditionsPrefix = renditionsPrefix;
        }
    }

    /** The rendition profile (the standard ladder: thumbnail, small, medium, large) and the decoder's limits. */
    public static class Renditions {
        /** Format of renditions: jpeg or webp. */
        @Pattern(regexp = "(?i)jpeg|webp", message = "must be jpeg or webp")
        private String format = "jpeg";
        /** Encoder quality, 1..100. */
        @Min(1)
        @Max(100)
        private int quality = 85;
        /** Largest image accepted, in megapixels. */
        @Positive
        private double maxMegapixels = 200;
        /** Largest original accepted. */
        private DataSize maxOriginalSize = DataSize.ofMegabytes(512);
        /**
         * Render originals that have no record: an opt-in for a backfill of originals put under the originals prefix
         * outside Galerly. Uploads are never adopted: they need the PENDING record their upload request made.
         */
        private boolean adoptUnknownOriginals;

        public boolean isAdoptUnknownOriginals() {
            return adoptUnknownOriginals;
        }

        public void setAdoptUnknownOriginals(boolean adoptUnknownOriginals) {
            this.adoptUnknownOriginals = adoptUnknownOriginals;
        }

        public String getFormat() {
            return format;
        }

        public void setFormat(String format) {
            this.format = format;
        }

        public int getQuality() {
            return quality;
        }

        public void setQuality(int quality) {
            this.quality = quality;
        }

        public double getMaxMegapixels() {
            return maxMegapixels;
        }

        public void setMaxMegapixels(double maxMegapixels) {
            this.maxMegapixels = maxMegapixels;
        }

        public DataSize getMaxOriginalSize() {
            return maxOriginalSize;
        }

        public void setMaxOriginalSize(DataSize maxOriginalSize) {
            this.maxOriginalSize = maxOriginalSize;
        }
    }

    /** Presigned uploads. */
    public static class Uploads {
        /** Largest upload a presigned PUT or POST form allows. */
        private DataSize maxSize = DataSize.ofMegabytes(200);
        /** How long presigned URLs and forms stay valid. */
        private Duration expiry = Duration.ofMinutes(15);

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }

        public Duration getExpiry() {
            return expiry;
        }

        public void setExpiry(Duration expiry) {
            this.expiry = expiry;
        }
    }

    /** Which store keeps photo records. */
    public static class Repository {
        /**
         * auto: DynamoDB when a DynamoDbClient bean exists, JDBC when a DataSource bean exists, else the embedded
         * store; or one of dynamodb, jdbc, embedded.
         */
        private RepositoryType type = RepositoryType.AUTO;
        /** DynamoDB table of photo records. */
        private String table = "galerly-photos";
        /**
         * Base64 key (at least 16 bytes) that protects JDBC page tokens; give every instance the same one. Random
         * per start if empty.
         */
        private String pageTokenKey;
        /** Create the JDBC schema at start (idempotent). */
        private boolean createSchema = true;
        /** File of the embedded store (H2, the file is this path plus .mv.db); in memory if empty. */
        private java.nio.file.Path embeddedFile;

        public java.nio.file.Path getEmbeddedFile() {
            return embeddedFile;
        }

        public void setEmbeddedFile(java.nio.file.Path embeddedFile) {
            this.embeddedFile = embeddedFile;
        }

        public RepositoryType getType() {
            return type;
        }

        public void setType(RepositoryType type) {
            this.type = type;
        }

        public String getTable() {
            return table;
        }

        public void setTable(String table) {
            this.table = table;
        }

        public String getPageTokenKey() {
            return pageTokenKey;
        }

        public void setPageTokenKey(String pageTokenKey) {
            this.pageTokenKey = pageTokenKey;
        }

        public boolean isCreateSchema() {
            return createSchema;
        }

        public void setCreateSchema(boolean createSchema) {
            this.createSchema = createSchema;
        }
    }

    /** Which store keeps photo records. */
    public enum RepositoryType {
        /** By which bean exists: DynamoDbClient, then DataSource, else embedded. */
        AUTO,
        /** DynamoDB ({@code galerly.repository.table}). */
        DYNAMODB,
        /** The application's DataSource (PostgreSQL). */
        JDBC,
        /** An in-process database that needs nothing installed (H2 in PostgreSQL mode): demos and small installs. */
        EMBEDDED
    }

    /** CloudFront delivery. */
    public static class Cdn {
        /** Distribution domain, e.g. d111111abcdef8.cloudfront.net; the gallery service is configured when set. */
        private String domain;
        /** CloudFront key pair (public key) id for signed URLs of private galleries. */
        private String keyPairId;
        /** The key pair's private key (PEM: RSA PKCS#1/PKCS#8 or EC), e.g. file:/run/secrets/cdn.pem. */
        private Resource privateKey;
        /** How long signed URLs of a listing stay valid. */
        private Duration signedUrlExpiry = Duration.ofHours(1);

        public String getDomain() {
            return domain;
        }

        public void setDomain(String domain) {
            this.domain = domain;
        }

        public String getKeyPairId() {
            return keyPairId;
        }

        public void setKeyPairId(String keyPairId) {
            this.keyPairId = keyPairId;
        }

        public Resource getPrivateKey() {
            return privateKey;
        }

        public void setPrivateKey(Resource privateKey) {
            this.privateKey = privateKey;
        }

        public Duration getSignedUrlExpiry() {
            return signedUrlExpiry;
        }

        public void setSignedUrlExpiry(Duration signedUrlExpiry) {
            this.signedUrlExpiry = signedUrlExpiry;
        }
    }
}
