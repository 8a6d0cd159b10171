/*
 * Copyright 2026 The Galerly Authors
 * SPDX-License-Identifier: Apache-2.0
 */
package com.galerly.cdn;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps {@code com.galerly.cdn.internal} out of the public API and the AWS SDK out of the runtime. */
class ApiBoundaryTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("com.galerly.cdn");

    @Test
    void publicSignaturesDoNotExposeInternalTypes() {
        codeUnits().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .should(new ArchCondition<JavaCodeUnit>("not mention internal types in their signature") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
                        types.add(unit.getRawReturnType());
                        for (JavaClass type : types) {
                            boolean internal = type.getPackageName().contains(".internal");
                            events.add(new SimpleConditionEvent(unit, !internal,
                                    unit.getFullName() + (internal ? " exposes " : " uses ") + type.getName()));
                        }
                    }
                })
                .check(MAIN);
    }

    @Test
    void theAwsSdkIsATestOracleOnly() {
        noClasses().should().dependOnClassesThat(DescribedPredicate.describe("are in the AWS SDK",
                (JavaClass c) -> c.getPackageName().startsWith("software.amazon"))).check(MAIN);
    }
}
