/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;


/**
 * The internal-package boundary of every Galerly module (the CLI sees them all): a module's {@code internal}
 * packages are used by that module only, and nothing public outside an {@code internal} package may expose an
 * internal type in its signature. (Core's own dependency rule is in galerly-core's CoreArchitectureTest.)
 */
class ArchitectureTest {
    /** The root package of each module; the longest matching root names a class's module. */
    private static final List<String> MODULE_ROOTS = List.of("com.galerly.core", "com.galerly.testkit",
            "com.galerly.cli", "com.galerly.imaging", "com.galerly.imaging.heif", "com.galerly.imaging.raw",
            "com.galerly.cdn", "com.galerly.aws", "com.galerly.jdbc", "com.galerly.spring");

    private static final JavaClasses GALERLY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.galerly");

    private static final DescribedPredicate<JavaClass> PUBLIC_API = new DescribedPredicate<>("public API types") {
        @Override
        public boolean test(JavaClass c) {
            return !c.getPackageName().contains(".internal") && isVisible(c);
        }
    };

    private static boolean isVisible(JavaClass c) {
        for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
            if (!k.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isInternal(JavaType type) {
        return type.getAllInvolvedRawTypes().stream().anyMatch(t -> t.getPackageName().contains(".internal"));
    }

    static String moduleOf(String packageName) {
        String module = null;
        for (String root : MODULE_ROOTS) {
            if ((packageName.equals(root) || packageName.startsWith(root + "."))
                    && (module == null || root.length() > module.length())) {
                module = root;
            }
        }
        return module;
    }

    private static boolean isInternalPackage(String packageName) {
        return packageName.contains(".internal.") || packageName.endsWith(".internal");
    }

    @Test
    void internalPackagesAreUsedOnlyByTheirOwnModule() {
        classes().should(new ArchCondition<>("use no other module's internal package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String from = moduleOf(origin.getPackageName());
                for (Dependency d : origin.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    String to = moduleOf(target);
                    if (to != null && isInternalPackage(target) && !to.equals(from)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()
                                + ": uses the internal package of module " + to + " from module " + from));
                    }
                }
            }
        }).check(GALERLY);
    }

    /**
     * The request types of the SDK's public {@code HttpSigner} SPI ({@code AwsV4HttpSigner.sign} takes and returns
     * them): the SDK marks them {@code @SdkProtectedApi} yet a public API cannot be called without them. Only the
     * S3 presigner (galerly-aws internal) uses them.
     */
    private static final Set<String> PUBLIC_SIGNER_SPI_TYPES = Set.of(
            "software.amazon.awssdk.http.SdkHttpRequest", "software.amazon.awssdk.http.SdkHttpMethod");

    private static final DescribedPredicate<JavaClass> SDK_PROTECTED_OR_INTERNAL = new DescribedPredicate<>(
            "are AWS SDK protected or internal API (@SdkProtectedApi, @SdkInternalApi, jsoncore, thirdparty)") {
        @Override
        public boolean test(JavaClass c) {
            for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {
                if (PUBLIC_SIGNER_SPI_TYPES.contains(k.getName())) {
                    return false;
                }
            }
            for (JavaClass k = c; k != null; k = k.getEnclosingClass().orElse(null)) {   // the innermost marking counts
                if (k.isAnnotatedWith("software.amazon.awssdk.annotations.SdkProtectedApi")
                        || k.isAnnotatedWith("software.amazon.awssdk.annotations.SdkInternalApi")) {
                    return true;
                }
                if (k.isAnnotatedWith("software.amazon.awssdk.annotations.SdkPublicApi")) {
                    break;
                }
            }
            String pkg = c.getPackageName();
            return pkg.startsWith("software.amazon.awssdk.protocols.jsoncore")
                    || pkg.startsWith("software.amazon.awssdk.thirdparty");
        }
    };

    /**
     * The AWS SDK's {@code @SdkProtectedApi} and {@code @SdkInternalApi} types (its JSON tree and writer, its shaded
     * Jackson, its utilities) may change in any SDK release: Galerly uses public SDK types only.
     */
    static final ArchRule NO_SDK_PROTECTED_API = noClasses().should().dependOnClassesThat(SDK_PROTECTED_OR_INTERNAL)
            .because("the AWS SDK may change its protected and internal APIs in any release");

    @Test
    void noAwsSdkProtectedOrInternalApi() {
        NO_SDK_PROTECTED_API.check(GALERLY);
    }

    @Test
    void theSdkRuleCatchesAViolation() {
        JavaClasses fixture = new ClassFileImporter().importClasses(
                com.galerly.cli.archfixture.UsesSdkProtectedApi.class);
        EvaluationResult result = NO_SDK_PROTECTED_API.evaluate(fixture);
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains("software.amazon.awssdk.utils.Validate"), report);
        assertTrue(report.contains("software.amazon.awssdk.protocols.jsoncore.JsonNode"), report);
    }

    @Test
    void theModuleBoundaryRuleKnowsNestedModules() {
        assertEquals("com.galerly.imaging.heif", moduleOf("com.galerly.imaging.heif.internal"));
        assertEquals("com.galerly.imaging", moduleOf("com.galerly.imaging.internal.jpeg"));
        assertEquals("com.galerly.core", moduleOf("com.galerly.core.spi"));
    }

    @Test
    void publicApiNeverExposesInternalTypes() {
        ArchCondition<JavaMember> exposesNoInternal = new ArchCondition<>("expose no internal type") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                List<JavaType> types = new ArrayList<>();
                if (member instanceof JavaField field) {
                    types.add(field.getType());
                } else if (member instanceof JavaCodeUnit code) {
                    types.add(code.getReturnType());
                    types.addAll(code.getParameterTypes());
                    types.addAll(code.getExceptionTypes());
                }
                for (JavaType type : types) {
                    if (isInternal(type)) {
                        events.add(SimpleConditionEvent.violated(member,
                                member.getFullName() + " exposes internal type " + type.getName()));
                    }
                }
            }
        };
        members().that().areDeclaredInClassesThat(PUBLIC_API)
                .and(new DescribedPredicate<JavaMember>("are public or protected") {
                    @Override
                    public boolean test(JavaMember m) {
                        return m.getModifiers().contains(JavaModifier.PUBLIC)
                                || m.getModifiers().contains(JavaModifier.PROTECTED);
                    }
                })
                .should(exposesNoInternal)
                .allowEmptyShould(true)
                .check(GALERLY);
    }

    @Test
    void publicApiTypesDoNotExtendOrImplementInternalTypes() {
        classes().that(PUBLIC_API)
                .should(new ArchCondition<>("not extend or implement an internal type") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        List<JavaType> supertypes = new ArrayList<>(c.getInterfaces());
                        c.getSuperclass().ifPresent(supertypes::add);
                        for (JavaType s : supertypes) {
                            if (isInternal(s)) {
                                events.add(SimpleConditionEvent.violated(c,
                                        c.getName() + " extends or implements internal " + s.getName()));
                            }
                        }
                    }
                })
                .check(GALERLY);
    }

    @Test
    void theRulesSeeEveryModule() {
        for (String pkg : List.of("com.galerly.core", "com.galerly.testkit", "com.galerly.cli", "com.galerly.imaging",
                "com.galerly.imaging.heif", "com.galerly.imaging.raw", "com.galerly.cdn", "com.galerly.aws",
                "com.galerly.jdbc", "com.galerly.spring")) {
            assertTrue(GALERLY.stream().anyMatch(c -> c.getPackageName().startsWith(pkg)), "no classes of " + pkg);
        }
    }
}
