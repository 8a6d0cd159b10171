/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.galerly.aws.dynamodb.DynamoDbPhotoRepository;
import com.galerly.aws.s3.S3BlobStore;
import com.galerly.aws.s3.S3Bucket;
import com.galerly.aws.s3.S3Inventory;
import com.galerly.core.GalerlyException;
import com.galerly.core.GalleryId;
import com.galerly.core.image.ImageProcessors;
import com.galerly.core.pipeline.RenditionPipeline;
import com.galerly.core.reconcile.Finding;
import com.galerly.core.reconcile.ReconcileReport;
import com.galerly.core.reconcile.Reconciler;
import com.galerly.core.storage.BlobStore;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code galerly reconcile}: compares a bucket with its photo records and reports, or with {@code --repair} fixes,
 * orphan renditions and originals, missing renditions, expired PENDING records, expired leases and profile drift.
 */
@Command(name = "reconcile", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare the bucket with the photo records; report, then with --repair fix what disagrees.",
                "Reads an S3 Inventory report (--inventory manifest.json) so the bucket is never listed, or lists one"
                        + " gallery (--gallery). Prints one JSON object; exit 0 when nothing is (left) wrong, 1 when"
                        + " findings remain, 2 on usage errors."})
final class ReconcileCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--bucket", required = true, paramLabel = "BUCKET", description = "The photo bucket.")
    String bucket;

    @Option(names = "--region", required = true, paramLabel = "REGION", description = "The region of bucket and table.")
    String region;

    @Option(names = "--table", required = true, paramLabel = "TABLE", description = "The DynamoDB photo table.")
    String table;

    @Option(names = "--endpoint", paramLabel = "URL", description = "An S3-compatible endpoint (path-style addressing).")
    URI endpoint;

    @Option(names = "--dynamodb-endpoint", paramLabel = "URL", description = "A DynamoDB-compatible endpoint.")
    URI dynamoDbEndpoint;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    static final class Input {
        @Option(names = "--inventory", paramLabel = "MANIFEST",
                description = "A local copy of an S3 Inventory report (CSV): its manifest.json.")
        Path inventory;

        @Option(names = "--gallery", paramLabel = "GALLERY", description = "List and compare this gallery only.")
        String gallery;
    }

    @Option(names = "--repair", description = "Fix what is found: delete orphans and dead PENDING records, release"
            + " expired leases, render again what needs it.")
    boolean repair;

    @Option(names = "--grace", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "How old an unreferenced object must be to count as an orphan (ISO-8601, default PT1H).")
    String grace;

    @Option(names = "--verbose", description = "Print stack traces of failures.")
    boolean verbose;

    @Override
    public Integer call() {
        Duration graceDuration;
        try {
            graceDuration = Duration.parse(grace);
        } catch (DateTimeParseException e) {
            throw new UserException("--grace must be an ISO-8601 duration like PT1H, was " + grace);
        }
        S3Bucket target = PresignOptions.bucket(bucket, region, endpoint);
        GalleryId gallery = null;
        if (input.gallery != null) {
            try {
                gallery = GalleryId.of(input.gallery);
            } catch (GalerlyException e) {
                throw new UserException(e.getMessage());
            }
        }
        DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build();
        DynamoDbClientBuilder dynamo = DynamoDbClient.builder().region(Region.of(region)).credentialsProvider(credentials);
        if (dynamoDbEndpoint != null) {
            dynamo.endpointOverride(dynamoDbEndpoint);
        }
        try (S3Client s3 = target.clientBuilder(credentials).build(); DynamoDbClient dynamoDb = dynamo.build()) {
            Clock clock = Clock.systemUTC();
            BlobStore blobs = S3BlobStore.create(s3, bucket);
            DynamoDbPhotoRepository photos = DynamoDbPhotoRepository.create(dynamoDb, table, clock);
            Reconciler.Builder reconciler = Reconciler.builder().blobs(blobs).photos(photos).clock(clock);
            try {
                reconciler.grace(graceDuration);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage());
            }
            // the pipeline a repair renders with; its profile's fingerprint is what every ACTIVE record should carry
            RenditionPipeline pipeline = RenditionPipeline.builder().processor(ImageProcessors.load()).blobs(blobs)
                    .photos(photos).clock(clock).build();
            reconciler.profileFingerprint(pipeline.profileFingerprint());
            if (repair) {
                reconciler.rerender(pipeline.rerender(bucket));
            }
            Reconciler r = reconciler.build();
            ReconcileReport report = input.inventory != null
                    ? (repair ? r.repair(S3Inventory.read(input.inventory).objects()) : r.check(S3Inventory.read(input.inventory).objects()))
                    : (repair ? r.repair(gallery) : r.check(gallery));
            print(spec.commandLine().getOut(), report);
            boolean left = repair ? !report.unrepaired().isEmpty() : !report.clean();
            return left ? 1 : 0;
        }
    }

    static void print(PrintWriter out, ReconcileReport report) {
        ObjectNode json = JSON.createObjectNode();
        json.put("galleries", report.galleries());
        json.put("objects", report.objects());
        json.put("records", report.records());
        ObjectNode counts = json.putObject("counts");
        report.counts().forEach((kind, n) -> counts.put(kind.name(), n));
        findings(json.putArray("findings"), report.findings());
        json.put("repaired", report.repaired().size());
        findings(json.putArray("unrepaired"), report.unrepaired());
        out.println(json.toString());
        out.flush();
    }

    private static void findings(ArrayNode array, List<Finding> findings) {
        for (Finding f : findings) {
            ObjectNode o = array.addObject();
            o.put("kind", f.kind().name());
            o.put("gallery", f.photo().gallery().value());
            o.put("photo", f.photo().id().value());
            if (f.key() != null) {
                o.put("key", f.key());
            }
            o.put("detail", f.detail());
        }
    }
}
