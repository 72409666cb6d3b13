package dev.horizon.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule, applied to fixtures that break it on purpose, reports the violation: the rules are
 * not vacuous.
 */
class ArchitectureRulesCanFailTest {

    private static final String FIXTURE = "dev.horizon.bootstrap.architecture.fixture";
    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages(FIXTURE);
    }

    private static String violations(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }

    @Test
    void a_domain_class_using_a_framework_is_reported() {
        assertThat(violations(ArchitectureRules.domainDependsOnlyOnTheJdk(FIXTURE))).contains("LeakyDomainType");
    }

    @Test
    void an_application_class_using_jackson_is_reported() {
        assertThat(violations(ArchitectureRules.applicationDependsOnlyOnDomainInjectAndLogging(FIXTURE)))
                .contains("JacksonInApplication");
    }

    @Test
    void an_adapter_importing_another_is_reported() {
        assertThat(violations(ArchitectureRules.adaptersAreIndependent(FIXTURE)))
                .contains("AdapterOne.other()> calls constructor <" + FIXTURE + ".adapters.two.AdapterTwo.<init>()>");
    }

    @Test
    void the_shared_alpaca_client_importing_an_adapter_is_reported() {
        assertThat(violations(ArchitectureRules.adaptersAreIndependent(FIXTURE)))
                .contains("SharedAlpacaClient.adapter()> calls constructor <" + FIXTURE + ".adapters.two.AdapterTwo.<init>()>");
    }

    @Test
    void an_adapter_using_the_shared_alpaca_client_is_not_reported() {
        assertThat(violations(ArchitectureRules.adaptersAreIndependent(FIXTURE))).doesNotContain("AdapterOne.client()");
    }

    @Test
    void an_injector_created_outside_bootstrap_is_reported() {
        assertThat(violations(ArchitectureRules.onlyBootstrapCreatesAnInjector(FIXTURE))).contains("createInjector");
    }

    @Test
    void a_package_cycle_is_reported() {
        assertThat(violations(ArchitectureRules.noPackageCycles(FIXTURE))).contains("cycle");
    }
}
