package dev.horizon.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Enforces the module boundaries of ARCHITECTURE.md on the product code of every module. */
class ArchitectureTest {

    private static final String BASE = "dev.horizon";
    private static JavaClasses product;

    @BeforeAll
    static void importProductClasses() {
        product = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    @Test
    void every_module_is_on_the_classpath_being_checked() {
        assertThat(product.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith(BASE + ".domain"))
                .anyMatch(p -> p.startsWith(BASE + ".application"));
    }

    @Test
    void domain_depends_only_on_the_jdk() {
        ArchitectureRules.domainDependsOnlyOnTheJdk(BASE).check(product);
    }

    @Test
    void application_depends_only_on_domain_inject_and_logging() {
        ArchitectureRules.applicationDependsOnlyOnDomainInjectAndLogging(BASE).check(product);
    }

    @Test
    void adapters_never_import_each_other() {
        ArchitectureRules.adaptersAreIndependent(BASE).allowEmptyShould(true).check(product);
    }

    @Test
    void only_bootstrap_depends_on_bootstrap() {
        ArchitectureRules.onlyBootstrapDependsOnBootstrap(BASE).check(product);
    }

    @Test
    void only_bootstrap_creates_an_injector() {
        ArchitectureRules.onlyBootstrapCreatesAnInjector(BASE).check(product);
    }

    @Test
    void no_package_cycles() {
        ArchitectureRules.noPackageCycles(BASE).check(product);
    }
}
