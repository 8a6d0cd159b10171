/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** galerly-core depends on the JDK only (slf4j-api allowed): it is what every user's Lambda loads. */
class CoreArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.galerly.core");

    @Test
    void coreDependsOnTheJdkOnly() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages(
                        "java..", "javax.crypto..", "javax.security..", "org.slf4j..", "com.galerly.core..")
                .because("galerly-core must stay free of AWS, imaging and other libraries")
                .check(CORE);
    }
}
