package dev.horizon.bootstrap.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.google.inject.Guice;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules of ARCHITECTURE.md, parameterised by the base package so the same rules
 * are checked against the product ({@code dev.horizon}) and against deliberately broken fixtures
 * (proving each rule can fail).
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** {@code domain} imports nothing outside {@code java.*}. */
    static ArchRule domainDependsOnlyOnTheJdk(String base) {
        return classes().that().resideInAPackage(base + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", base + ".domain..")
                .as("domain depends only on java.*");
    }

    /** {@code application} imports domain, java.*, jakarta.inject and the SLF4J API only. */
    static ArchRule applicationDependsOnlyOnDomainInjectAndLogging(String base) {
        return classes().that().resideInAPackage(base + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", base + ".domain..",
                        base + ".application..", "jakarta.inject..", "org.slf4j..")
                .as("application depends only on domain, java.*, jakarta.inject and the SLF4J API");
    }

    /** The adapter slice that is a shared client library rather than an adapter. */
    static final String SHARED_ALPACA_CLIENT = "alpaca";

    /**
     * Adapters never import each other, with one exception: {@code adapters.alpaca} is the Alpaca
     * client library both Alpaca adapters share (HTTP, credentials, resilience policy), so every
     * adapter may import it. It is still a slice of the rule as an origin: it imports no adapter,
     * which keeps it a leaf library and the adapters independent of each other through it.
     */
    static ArchRule adaptersAreIndependent(String base) {
        return slices().matching(base + ".adapters.(*)..").should().notDependOnEachOther()
                .ignoreDependency(DescribedPredicate.alwaysTrue(),
                        resideInAPackage(base + ".adapters." + SHARED_ALPACA_CLIENT + ".."))
                .as("adapters never import each other, except the shared Alpaca client, which imports no adapter");
    }

    /** Nothing but bootstrap knows bootstrap. */
    static ArchRule onlyBootstrapDependsOnBootstrap(String base) {
        return noClasses().that().resideOutsideOfPackage(base + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(base + ".bootstrap..")
                .allowEmptyShould(true)
                .as("only bootstrap depends on bootstrap");
    }

    /** Only bootstrap creates a Guice injector. */
    static ArchRule onlyBootstrapCreatesAnInjector(String base) {
        DescribedPredicate<JavaMethodCall> createsInjector = DescribedPredicate.describe("Guice.createInjector",
                call -> call.getTargetOwner().isEquivalentTo(Guice.class) && call.getName().equals("createInjector"));
        return noClasses().that().resideOutsideOfPackage(base + ".bootstrap..")
                .should().callMethodWhere(createsInjector)
                .as("only bootstrap creates a Guice injector");
    }

    /** No cycles between packages, in any module. */
    static ArchRule noPackageCycles(String base) {
        return slices().matching(base + ".(**)").should().beFreeOfCycles()
                .as("no cycles between packages");
    }
}
