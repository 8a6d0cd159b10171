/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.examples.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example stack, read as a team about to deploy it would: every property issue #19 asks of it, checked on
 * the parsed template (CloudFormation short tags included). A change that drops one of them fails the build.
 */
class TemplateTest {
    private static final String BUCKET_ARN = "arn:aws:s3:::${AWS::StackName}-photos-${AWS::AccountId}";

    private static Map<String, Object> template;
    private static Map<String, Object> resources;

    @BeforeAll
    static void load() throws IOException {
        template = CloudFormationYaml.load(Path.of("template.yaml"));
        resources = map(template.get("Resources"));
    }

    // ------------------------------------------------------------------ API and authorizer

    @Test
    void everyApiRouteIsBehindTheJwtAuthorizerWithIssuerAndAudienceParameters() {
        Map<String, Object> api = resource("GalleryHttpApi", "AWS::Serverless::HttpApi");
        Map<String, Object> auth = map(at(api, "Properties", "Auth"));
        String authorizerName = (String) auth.get("DefaultAuthorizer");
        Map<String, Object> authorizer = map(at(auth, "Authorizers", authorizerName));
        assertEquals("$request.header.Authorization", authorizer.get("IdentitySource"));
        assertEquals(ref("JwtIssuer"), at(authorizer, "JwtConfiguration", "issuer"));
        assertEquals(ref("JwtAudience"), at(authorizer, "JwtConfiguration", "audience"));
        assertEquals("String", at(parameter("JwtIssuer"), "Type"));
        assertEquals("CommaDelimitedList", at(parameter("JwtAudience"), "Type"));

        int routes = 0;
        for (Map.Entry<String, Map<String, Object>> function : functions().entrySet()) {
            for (Object event : map(at(function.getValue(), "Properties", "Events")).values()) {
                if (!"HttpApi".equals(at(event, "Type"))) {
                    continue;
                }
                routes++;
                // an event without ApiId would create SAM's implicit API, which has no authorizer
                assertEquals(ref("GalleryHttpApi"), at(event, "Properties", "ApiId"), function.getKey());
                assertNull(at(event, "Properties", "Auth"), function.getKey() + " must not override the authorizer");
            }
        }
        assertTrue(routes > 0);
        assertEquals(Set.of("GalleryHttpApi"), resourcesOfType("AWS::Serverless::HttpApi").keySet());
        assertTrue(resourcesOfType("AWS::Serverless::Api").isEmpty());
    }

    @Test
    void corsAllowsNamedOriginsOnlyAndExposesEtag() {
        assertEquals("CommaDelimitedList", at(parameter("AllowedOrigins"), "Type"));
        List<Object> rules = list(at(resource("PhotoBucket", "AWS::S3::Bucket"), "Properties", "CorsConfiguration", "CorsRules"));
        assertFalse(rules.isEmpty());
        for (Object rule : rules) {
            assertEquals(ref("AllowedOrigins"), at(rule, "AllowedOrigins"));
            assertTrue(list(at(rule, "ExposedHeaders")).contains("ETag"), "multipart needs ETag exposed");
            assertFalse(list(at(rule, "AllowedHeaders")).contains("*"));
        }
        Map<String, Object> apiCors = map(at(resource("GalleryHttpApi", "AWS::Serverless::HttpApi"),
                "Properties", "CorsConfiguration"));
        assertEquals(ref("AllowedOrigins"), apiCors.get("AllowOrigins"));
        assertTrue(list(apiCors.get("AllowHeaders")).contains("authorization"));
    }

    // ------------------------------------------------------------------ functions

    @Test
    void snapStartIsReallyUsedThroughAnAutoPublishedAlias() throws Exception {
        Map<String, Object> globals = map(at(template, "Globals", "Function"));
        for (Map.Entry<String, Map<String, Object>> function : functions().entrySet()) {
            Map<String, Object> effective = effective(globals, map(function.getValue().get("Properties")));
            assertEquals("PublishedVersions", at(effective, "SnapStart", "ApplyOn"), function.getKey());
            // without an alias nothing is published: events would invoke $LATEST, which SnapStart never serves.
            // With AutoPublishAlias, SAM points every event source and the API integration at the alias.
            assertTrue(effective.get("AutoPublishAlias") instanceof String s && !s.isBlank(), function.getKey());
            assertEquals("Active", effective.get("Tracing"), function.getKey());
            // the handler named in the template exists in the jar
            String handler = (String) effective.get("Handler");
            Class.forName(handler.substring(0, handler.indexOf("::")));
        }
        String renderer = (String) at(resource("RenditionFunction", "AWS::Serverless::Function"), "Properties", "Handler");
        Class<?> type = Class.forName(renderer.substring(0, renderer.indexOf("::")));
        assertTrue(org.crac.Resource.class.isAssignableFrom(type), "the renderer primes in a CRaC beforeCheckpoint hook");
    }

    @Test
    void nothingSecretIsInTheFunctionConfiguration() {
        Map<String, Object> globals = map(at(template, "Globals", "Function"));
        List<Object> secretArns = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> function : functions().entrySet()) {
            Map<String, Object> variables = new HashMap<>();
            variables.putAll(map(at(globals, "Environment", "Variables")));
            Object own = at(function.getValue(), "Properties", "Environment", "Variables");
            if (own != null) {
                variables.putAll(map(own));
            }
            variables.forEach((name, value) -> {
                assertFalse(String.valueOf(value).contains("resolve:"), name + " resolves a secret into the configuration");
                assertFalse(name.contains("PEM") || name.endsWith("_KEY"), name + " looks like a secret value");
                if (name.endsWith("_SECRET_ARN")) {
                    secretArns.add(value);
                }
            });
        }
        assertEquals(List.of(ref("CloudFrontPrivateKeySecretArn"), ref("PageTokenKeySecretArn")),
                secretArns.stream().sorted((a, b) -> a.toString().compareTo(b.toString())).toList());
        assertFalse(template.toString().contains("{{resolve:"), "no dynamic reference puts a secret anywhere");
        // the API may read exactly those two secrets, nothing else reads any
        Map<String, Set<Object>> api = actions("GalleryApiFunction");
        assertEquals(Set.of(ref("CloudFrontPrivateKeySecretArn"), ref("PageTokenKeySecretArn")),
                api.get("secretsmanager:GetSecretValue"));
        assertNull(actions("RenditionFunction").get("secretsmanager:GetSecretValue"));
    }

    @Test
    void eachFunctionGetsOnlyWhatItDoes() {
        for (Map<String, Object> function : functions().values()) {
            for (Object policy : list(at(function, "Properties", "Policies"))) {
                // SAM policy templates (S3CrudPolicy ...) grant the whole bucket or table: not here
                assertTrue(policy instanceof Map<?, ?> m && m.containsKey("Statement"), "inline statements only: " + policy);
            }
        }
        Map<String, Set<Object>> renderer = actions("RenditionFunction");
        assertEquals(prefixes("incoming", "originals"), renderer.get("s3:GetObject"));
        assertEquals(prefixes("originals", "renditions"), renderer.get("s3:PutObject"));
        assertEquals(prefixes("incoming", "renditions"), renderer.get("s3:DeleteObject"));
        assertEquals(Set.of(sub(BUCKET_ARN)), renderer.get("s3:ListBucket"));
        assertEquals(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "s3:DeleteObject", "s3:GetObject", "s3:ListBucket",
                "s3:PutObject"), new TreeSet<>(renderer.keySet()));

        Map<String, Set<Object>> api = actions("GalleryApiFunction");
        assertEquals(prefixes("incoming"), api.get("s3:PutObject"), "the API presigns uploads into incoming/ only");
        assertEquals(prefixes("incoming", "originals"), api.get("s3:GetObject"));
        // GalleryService.delete erases every version under the photo's prefixes (ListObjectVersions, then deletes by id)
        assertEquals(prefixes("incoming", "originals", "renditions"), api.get("s3:DeleteObjectVersion"));
        assertEquals(Set.of(sub(BUCKET_ARN)), api.get("s3:ListBucketVersions"));
        assertFalse(api.containsKey("dynamodb:UpdateItem"));
        for (Map<String, Set<Object>> grants : List.of(renderer, api)) {
            grants.forEach((action, on) -> {
                assertFalse(action.endsWith("*"), action);
                assertFalse(on.contains("*"), action + " on *");
                if (action.startsWith("dynamodb:")) {
                    assertEquals(Set.of(Map.of("Fn::GetAtt", List.of("PhotoTable", "Arn"))), on, action);
                }
            });
        }
    }

    @Test
    void renderingQueueIsBoundedAndWatched() {
        Map<String, Object> uploads = map(at(resource("RenditionFunction", "AWS::Serverless::Function"),
                "Properties", "Events", "Uploads"));
        assertEquals("SQS", uploads.get("Type"));
        assertEquals(ref("RenditionConcurrency"), at(uploads, "Properties", "ScalingConfig", "MaximumConcurrency"));
        assertTrue(((Number) at(parameter("RenditionConcurrency"), "MinValue")).intValue() >= 2, "SQS minimum is 2");
        assertEquals(List.of("ReportBatchItemFailures"), at(uploads, "Properties", "FunctionResponseTypes"));

        Map<String, Object> queue = resource("RenditionQueue", "AWS::SQS::Queue");
        assertEquals(Map.of("Fn::GetAtt", List.of("RenditionDeadLetters", "Arn")),
                at(queue, "Properties", "RedrivePolicy", "deadLetterTargetArn"));
        Map<String, Object> alarms = resourcesOfType("AWS::CloudWatch::Alarm");
        assertTrue(alarms.values().stream().anyMatch(alarm ->
                "AWS/SQS".equals(at(alarm, "Properties", "Namespace"))
                        && "ApproximateNumberOfMessagesVisible".equals(at(alarm, "Properties", "MetricName"))
                        && list(at(alarm, "Properties", "Dimensions")).contains(Map.of("Name", "QueueName",
                        "Value", Map.of("Fn::GetAtt", List.of("RenditionDeadLetters", "QueueName"))))
                        && Integer.valueOf(0).equals(at(alarm, "Properties", "Threshold"))
                        && "GreaterThanThreshold".equals(at(alarm, "Properties", "ComparisonOperator"))),
                "an alarm fires on the first dead letter");
    }

    // ------------------------------------------------------------------ storage

    @Test
    void bucketCleansUpAbandonedUploadsAndTriggersOnTheQuarantinePrefix() {
        Map<String, Object> bucket = resource("PhotoBucket", "AWS::S3::Bucket");
        List<Object> rules = list(at(bucket, "Properties", "LifecycleConfiguration", "Rules"));
        assertTrue(rules.stream().anyMatch(r -> "Enabled".equals(at(r, "Status"))
                && at(r, "AbortIncompleteMultipartUpload", "DaysAfterInitiation") instanceof Integer d && d <= 7));
        assertTrue(rules.stream().anyMatch(r -> "Enabled".equals(at(r, "Status")) && "incoming/".equals(at(r, "Prefix"))
                && ref("IncomingExpirationDays").equals(at(r, "ExpirationInDays"))));
        assertFalse(rules.stream().anyMatch(r -> at(r, "ExpirationInDays") != null && !"incoming/".equals(at(r, "Prefix"))),
                "no rule expires originals or renditions");

        Object prefix = at(list(at(bucket, "Properties", "NotificationConfiguration", "QueueConfigurations")).get(0),
                "Filter", "S3Key", "Rules");
        assertEquals(List.of(Map.of("Name", "prefix", "Value", "incoming/")), prefix);
        Map<String, Object> env = map(at(template, "Globals", "Function", "Environment", "Variables"));
        assertEquals("incoming/", env.get("GALERLY_INCOMING_PREFIX"));
        assertFalse(((String) env.get("GALERLY_RENDITIONS_PREFIX")).startsWith("incoming/"), "would loop");
        assertEquals(Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true, "IgnorePublicAcls", true,
                "RestrictPublicBuckets", true), at(bucket, "Properties", "PublicAccessBlockConfiguration"));
        assertEquals("Retain", bucket.get("DeletionPolicy"));
    }

    @Test
    void tableKeepsItsDataThroughMistakes() {
        Map<String, Object> table = resource("PhotoTable", "AWS::DynamoDB::Table");
        assertEquals("Retain", table.get("DeletionPolicy"));
        assertEquals("Retain", table.get("UpdateReplacePolicy"));
        assertEquals(true, at(table, "Properties", "PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"));
        assertEquals(Map.of("AttributeName", "expiresAt", "Enabled", true),
                at(table, "Properties", "TimeToLiveSpecification"));
    }

    // ------------------------------------------------------------------ delivery

    @Test
    void cloudFrontServesSignedRenditionsOnlyThroughOac() {
        Map<String, Object> config = map(at(resource("Distribution", "AWS::CloudFront::Distribution"),
                "Properties", "DistributionConfig"));
        List<Object> origins = list(config.get("Origins"));
        assertEquals(1, origins.size());
        Object origin = origins.get(0);
        assertEquals(Map.of("Fn::GetAtt", List.of("OriginAccessControl", "Id")), at(origin, "OriginAccessControlId"));
        assertEquals(Map.of("Fn::GetAtt", List.of("PhotoBucket", "RegionalDomainName")), at(origin, "DomainName"));
        assertEquals("sigv4", at(resource("OriginAccessControl", "AWS::CloudFront::OriginAccessControl"),
                "Properties", "OriginAccessControlConfig", "SigningProtocol"));

        List<Object> behaviors = new ArrayList<>();
        behaviors.add(config.get("DefaultCacheBehavior"));
        if (config.get("CacheBehaviors") != null) {
            behaviors.addAll(list(config.get("CacheBehaviors")));
        }
        for (Object behavior : behaviors) {
            assertEquals(List.of(ref("SigningKeyGroup")), at(behavior, "TrustedKeyGroups"), "unsigned requests refused");
            assertEquals(ref("RenditionCachePolicy"), at(behavior, "CachePolicyId"));
            assertEquals("redirect-to-https", at(behavior, "ViewerProtocolPolicy"));
        }
        assertEquals(List.of(ref("CloudFrontPublicKey")),
                at(resource("SigningKeyGroup", "AWS::CloudFront::KeyGroup"), "Properties", "KeyGroupConfig", "Items"));

        // the bucket lets CloudFront read renditions/ and nothing else: originals are unreachable through it
        List<Object> statements = list(at(resource("DistributionReadsRenditions", "AWS::S3::BucketPolicy"),
                "Properties", "PolicyDocument", "Statement"));
        List<Object> allows = statements.stream().filter(s -> "Allow".equals(at(s, "Effect"))).toList();
        assertEquals(1, allows.size());
        Object allow = allows.get(0);
        assertEquals(Map.of("Service", "cloudfront.amazonaws.com"), at(allow, "Principal"));
        assertEquals("s3:GetObject", at(allow, "Action"));
        assertEquals(sub("arn:aws:s3:::${PhotoBucket}/renditions/*"), at(allow, "Resource"));
        assertNotNull(at(allow, "Condition", "StringEquals", "AWS:SourceArn"));
    }

    @Test
    void cacheKeyIsThePathAloneForImmutableRenditions() {
        Map<String, Object> policy = map(at(resource("RenditionCachePolicy", "AWS::CloudFront::CachePolicy"),
                "Properties", "CachePolicyConfig"));
        Object parameters = policy.get("ParametersInCacheKeyAndForwardedToOrigin");
        // versions live in the path (#17), so signing parameters and cookies must never split the cache
        assertEquals("none", at(parameters, "QueryStringsConfig", "QueryStringBehavior"));
        assertEquals("none", at(parameters, "HeadersConfig", "HeaderBehavior"));
        assertEquals("none", at(parameters, "CookiesConfig", "CookieBehavior"));
        assertEquals(31536000, policy.get("DefaultTTL"));
        assertEquals(31536000, policy.get("MaxTTL"));
    }

    @Test
    void customDomainAndCertificateAreOptional() {
        Map<String, Object> conditions = map(template.get("Conditions"));
        assertEquals(Map.of("Fn::Not", List.of(Map.of("Fn::Equals", List.of(ref("CdnDomainName"), "")))),
                conditions.get("HasCustomDomain"));
        assertEquals("", at(parameter("CdnDomainName"), "Default"));
        assertEquals("", at(parameter("CdnCertificateArn"), "Default"));
        Map<String, Object> config = map(at(resource("Distribution", "AWS::CloudFront::Distribution"),
                "Properties", "DistributionConfig"));
        assertEquals(List.of("HasCustomDomain", List.of(ref("CdnDomainName")), ref("AWS::NoValue")),
                at(config, "Aliases", "Fn::If"));
        List<Object> certificate = list(at(config, "ViewerCertificate", "Fn::If"));
        assertEquals("HasCustomDomain", certificate.get(0));
        assertEquals("sni-only", at(certificate.get(1), "SslSupportMethod"));
        assertEquals(Map.of("CloudFrontDefaultCertificate", true), certificate.get(2));
        assertEquals("CreateCertificate", resource("CdnCertificate", "AWS::CertificateManager::Certificate").get("Condition"));
        assertEquals("DNS", at(resource("CdnCertificate", "AWS::CertificateManager::Certificate"),
                "Properties", "ValidationMethod"));
        assertEquals("CreateDnsRecord", resource("CdnDnsRecord", "AWS::Route53::RecordSet").get("Condition"));
        // the API signs URLs for the domain the viewers use
        assertEquals(List.of("HasCustomDomain", ref("CdnDomainName"),
                        Map.of("Fn::GetAtt", List.of("Distribution", "DomainName"))),
                at(resource("GalleryApiFunction", "AWS::Serverless::Function"),
                        "Properties", "Environment", "Variables", "GALERLY_CDN_DOMAIN", "Fn::If"));
    }

    @Test
    void everyReferenceResolves() {
        Set<String> names = new TreeSet<>(resources.keySet());
        names.addAll(map(template.get("Parameters")).keySet());
        names.addAll(List.of("AWS::AccountId", "AWS::Region", "AWS::StackName", "AWS::NoValue", "AWS::Partition",
                "ServerlessHttpApi"));
        List<String> refs = new ArrayList<>();
        collectRefs(template, refs);
        for (String name : refs) {
            assertTrue(names.contains(name), "!Ref " + name + " names nothing");
        }
        Set<String> conditions = map(template.get("Conditions")).keySet();
        resources.forEach((name, r) -> {
            Object condition = map(r).get("Condition");
            assertTrue(condition == null || conditions.contains(condition), name + ": unknown condition " + condition);
        });
    }

    // ------------------------------------------------------------------ helpers

    private static void collectRefs(Object node, List<String> refs) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("Ref".equals(k) && v instanceof String s) {
                    refs.add(s);
                } else {
                    collectRefs(v, refs);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, refs));
        }
    }

    /** Action -> the resources it is allowed on, over every inline statement of a function. */
    private static Map<String, Set<Object>> actions(String function) {
        Map<String, Set<Object>> grants = new TreeMap<>();
        for (Object policy : list(at(resource(function, "AWS::Serverless::Function"), "Properties", "Policies"))) {
            for (Object statement : list(at(policy, "Statement"))) {
                assertEquals("Allow", at(statement, "Effect"));
                Object action = at(statement, "Action");
                Object resource = at(statement, "Resource");
                for (Object a : action instanceof List<?> l ? l : List.of(action)) {
                    grants.computeIfAbsent((String) a, k -> new java.util.HashSet<>())
                            .addAll(resource instanceof List<?> l ? l : List.of(resource));
                }
            }
        }
        return grants;
    }

    private static Set<Object> prefixes(String... prefixes) {
        Set<Object> arns = new java.util.HashSet<>();
        for (String prefix : prefixes) {
            arns.add(sub(BUCKET_ARN + "/" + prefix + "/*"));
        }
        return arns;
    }

    private static Map<String, Object> effective(Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> merged = new HashMap<>(globals);
        merged.putAll(own);
        return merged;
    }

    private static Map<String, Map<String, Object>> functions() {
        Map<String, Map<String, Object>> functions = new TreeMap<>();
        resourcesOfType("AWS::Serverless::Function").forEach((n, r) -> functions.put(n, map(r)));
        assertEquals(Set.of("GalleryApiFunction", "RenditionFunction"), functions.keySet());
        return functions;
    }

    private static Map<String, Object> resourcesOfType(String type) {
        Map<String, Object> found = new TreeMap<>();
        resources.forEach((name, r) -> {
            if (type.equals(map(r).get("Type"))) {
                found.put(name, r);
            }
        });
        return found;
    }

    private static Map<String, Object> resource(String name, String type) {
        Map<String, Object> resource = map(resources.get(name));
        assertNotNull(resource, "no resource " + name);
        assertEquals(type, resource.get("Type"), name);
        return resource;
    }

    private static Map<String, Object> parameter(String name) {
        Map<String, Object> parameter = map(at(template, "Parameters", name));
        assertNotNull(parameter, "no parameter " + name);
        return parameter;
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("Ref", name);
    }

    private static Map<String, Object> sub(String text) {
        return Map.of("Fn::Sub", text);
    }

    private static Object at(Object node, String... path) {
        Object current = node;
        for (String name : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(name);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        return node == null ? List.of() : (List<Object>) node;
    }
}
