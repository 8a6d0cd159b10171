/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Keeps the AWS SDK out of galerly-cdn's runtime. (That no public signature shows an internal type is checked for
 * every module by galerly-cli's ArchitectureTest.)
 */
class ApiBoundaryTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.galerly.cdn");

    @Test
    void theAwsSdkIsATestOracleOnly() {
        noClasses().should().dependOnClassesThat(DescribedPredicate.describe("are in the AWS SDK",
                (JavaClass c) -> c.getPackageName().startsWith("software.amazon"))).check(MAIN);
    }
}
