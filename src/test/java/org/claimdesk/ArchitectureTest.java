package org.claimdesk;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceRule;
import jakarta.ws.rs.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md ("Design rules") as tests over the compiled classes: REST
 * resources ({@code <feature>.api}) and JSF beans ({@code <feature>.web}) both sit on the services
 * and never use each other; services and entities (the feature's own package) know neither; feature
 * packages form no cycles beyond the listed ones; resources take typed records, not JSON-P trees;
 * JSF beans declare no Bean Validation constraints, which JSF no longer checks.
 */
class ArchitectureTest {
  static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPath(java.nio.file.Path.of("target/classes"));

  static final String API = "org.claimdesk.*.api..";

  /** JSON-P trees (by name: archunit.properties keeps library classes unresolved). */
  static final Set<String> JSON_P =
      Set.of(
          "jakarta.json.JsonObject",
          "jakarta.json.JsonArray",
          "jakarta.json.JsonStructure",
          "jakarta.json.JsonValue");

  static final String WEB = "org.claimdesk.*.web..";

  /** The article text pipeline and the claim suggestion engine: plain libraries of a feature. */
  static final String[] LIBRARIES = {
    "org.claimdesk.article.text..", "org.claimdesk.claim.suggest.."
  };

  /**
   * Feature dependencies that close a cycle today, each named as "from -> to". A cycle needing any
   * other edge fails the test. Shrink this list; never grow it without a reason written here.
   *
   * <ul>
   *   <li>platform -> article, evidence, search, verdict, identity: {@code Startup} runs the
   *       features' start-up work (first accounts, demo articles, sources, index, publication
   *       upgrade) and {@code web.LanguageSettings} saves the signed-in person's language.
   *   <li>audit -> identity: the trail records who acts ({@code Caller}), and the audit log is for
   *       auditors only, while identity's services record their changes in the trail.
   *   <li>article -> claim, article -> search: the article reader and {@code GET
   *       /api/articles/{id}/suggestions} show the claims captured in an article and suggest new
   *       ones.
   *   <li>claim -> search: the claim page and {@code /api/claims/{id}/similar} show similar claims.
   * </ul>
   */
  static final List<String> ALLOWED_CYCLE_EDGES =
      List.of(
          "platform -> article",
          "platform -> evidence",
          "platform -> search",
          "platform -> verdict",
          "platform -> identity",
          "audit -> identity",
          "article -> claim",
          "article -> search",
          "claim -> search");

  @Test
  void resourcesDoNotUseJsfBeans() {
    noClasses()
        .that()
        .resideInAPackage(API)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(WEB)
        .because("REST resources and JSF beans are parallel edges over the same services")
        .check(CLASSES);
  }

  @Test
  void jsfBeansDoNotUseResources() {
    noClasses()
        .that()
        .resideInAPackage(WEB)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(API)
        .because("REST resources and JSF beans are parallel edges over the same services")
        .check(CLASSES);
  }

  @Test
  void jsfBeansDeclareNoBeanValidationConstraints() {
    noClasses()
        .that()
        .resideInAPackage(WEB)
        .should()
        .dependOnClassesThat()
        .resideInAPackage("jakarta.validation.constraints..")
        .because(
            "web.xml switches off JSF's default Bean Validation"
                + " (DISABLE_DEFAULT_BEAN_VALIDATOR): a constraint on a JSF bean would never be"
                + " checked; the services and the REST records guard the data")
        .check(CLASSES);
  }

  @Test
  void servicesAndEntitiesKnowNeitherResourcesNorJsfBeans() {
    noClasses()
        .that()
        .resideInAPackage("org.claimdesk.*")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(API, WEB)
        .because("the rules live in services and entities, which serve the UI and the API alike")
        .check(CLASSES);
  }

  @Test
  void featurePackagesFormNoNewCycles() {
    SliceRule rule = slices().matching("org.claimdesk.(*)..").should().beFreeOfCycles();
    for (String edge : ALLOWED_CYCLE_EDGES) {
      String[] ends = edge.split(" -> ");
      rule =
          rule.ignoreDependency(
              resideInAPackage("org.claimdesk." + ends[0] + ".."),
              resideInAPackage("org.claimdesk." + ends[1] + ".."));
    }
    rule.check(CLASSES);
  }

  @Test
  void textPipelineAndSuggestionEngineArePlainLibraries() {
    noClasses()
        .that()
        .resideInAnyPackage(LIBRARIES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.persistence..",
            "jakarta.enterprise..",
            "jakarta.inject..",
            "jakarta.transaction..",
            "jakarta.ws.rs..",
            "jakarta.faces..")
        .because("they are read, tested and benchmarked without a container")
        .check(CLASSES);
  }

  @Test
  void textPipelineAndSuggestionEngineDoNotKnowTheirFeature() {
    noClasses()
        .that()
        .resideInAnyPackage(LIBRARIES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.claimdesk.article", "org.claimdesk.claim")
        .because("the archive and the register use them, not the other way round")
        .check(CLASSES);
  }

  @Test
  void resourcesTakeTypedRecordsNotJsonP() {
    methods()
        .that()
        .areDeclaredInClassesThat(
            describe("are JAX-RS resources", (JavaClass c) -> c.isAnnotatedWith(Path.class)))
        .should(takeNoJsonP())
        .because("request bodies are validated records (issue 12), not hand-parsed JSON")
        .allowEmptyShould(true)
        .check(CLASSES);
  }

  private static List<String> jsonPParameters(JavaMethod method) {
    return method.getRawParameterTypes().stream()
        .filter(t -> JSON_P.contains(t.getName()))
        .map(JavaClass::getSimpleName)
        .toList();
  }

  private static ArchCondition<JavaMethod> takeNoJsonP() {
    return new ArchCondition<>(
        "take no JSON-P value (JsonObject, JsonArray, JsonValue) parameter") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        List<String> found = jsonPParameters(method);
        if (!found.isEmpty()) {
          events.add(
              SimpleConditionEvent.violated(
                  method, method.getFullName() + " takes " + String.join(", ", found)));
        }
      }
    };
  }
}
