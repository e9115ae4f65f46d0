package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.DepsResult;
import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.api.SluiceListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dbt packages on real PostgreSQL: a local package of our own (macros, a model, a seed, a generic
 * test) configured from the root project and steered by its dispatch config, and git and hub
 * packages from local bare repositories with tags, pinned in package-lock.yml.
 */
class PackagesIT {
    @TempDir
    Path dir;
    Path project;
    String schema;

    @BeforeEach
    void setUp() {
        project = dir.resolve("shop");
        schema = TestingDatabase.freshSchema("pkg");
        TestingProjects.writeProfiles(project, "shop", TestingDatabase.targetConfig(schema));
        Path pkg = project.resolve("packages/text_tools");
        TestingProjects.write(pkg.resolve("dbt_project.yml"), """
                name: text_tools
                version: '1.0'
                config-version: 2
                vars:
                  tt_suffix: '!'
                models:
                  text_tools:
                    +materialized: table
                    +schema: own
                """);
        TestingProjects.write(pkg.resolve("macros/clean.sql"), """
                {% macro clean(col) %}{{ return(adapter.dispatch('clean', 'text_tools')(col)) }}{% endmacro %}
                {% macro default__clean(col) %}lower(trim({{ col }})){% endmacro %}
                {% macro shout(s) %}upper({{ s }}){% endmacro %}
                """);
        TestingProjects.write(pkg.resolve("macros/not_blank.sql"), """
                {% test not_blank(model, column_name) %}
                select * from {{ model }} where trim({{ column_name }}) = ''
                {% endtest %}
                """);
        TestingProjects.write(pkg.resolve("seeds/tt_words.csv"), "id,word\n1,  Apple \n2,BANANA\n");
        TestingProjects.write(pkg.resolve("models/tt_clean_words.sql"), """
                select id, {{ clean('word') }} as word, '{{ var("tt_suffix") }}' as suffix
                from {{ ref('tt_words') }}
                """);
        TestingProjects.write(pkg.resolve("models/schema.yml"), """
                version: 2
                models:
                  - name: tt_clean_words
                    columns:
                      - name: word
                        data_tests: [not_blank]
                """);
        TestingProjects.write(project.resolve("packages.yml"), """
                packages:
                  - local: packages/text_tools
                """);
        TestingProjects.write(project.resolve("models/report.sql"), """
                select word, {{ text_tools.shout("'x'") }} as x from {{ ref('text_tools', 'tt_clean_words') }}
                """);
        TestingProjects.write(project.resolve("models/report.yml"), """
                version: 2
                models:
                  - name: report
                    columns:
                      - name: word
                        data_tests: [not_blank]
                      - name: x
                        data_tests: [text_tools.not_blank]
                """);
    }

    private void rootProject(String extra) {
        TestingProjects.write(project.resolve("dbt_project.yml"), """
                name: shop
                version: '1.0'
                config-version: 2
                profile: shop
                """ + extra);
    }

    private Sluice.Configuration configure(Map<String, String> env) {
        return Sluice.configure().projectDir(project).environment(env);
    }

    private Sluice.Configuration configure() {
        return configure(Map.of("HOME", dir.toString()));
    }

    private RunResult build() {
        try (Sluice sluice = configure().load()) {
            return sluice.build(Selection.all());
        }
    }

    private static List<List<Object>> query(String sql) {
        return TestingDatabase.adapter().withConnection(c -> c.query(sql)).rows();
    }

    @Test
    void localPackageIsLinkedLockedAndBuiltWithTheProject() throws Exception {
        rootProject("");
        DepsResult deps = configure().deps();

        assertThat(deps.packages()).extracting(DepsResult.InstalledPackage::name).containsExactly("text_tools");
        assertThat(Files.isSymbolicLink(project.resolve("dbt_packages/text_tools"))).isTrue();
        String lock = TestingProjects.read(project.resolve("package-lock.yml"));
        assertThat(lock).contains("- local: packages/text_tools", "name: text_tools").containsPattern("sha1_hash: [0-9a-f]{40}");

        RunResult result = build();
        assertThat(result.success()).as(String.valueOf(result.results())).isTrue();
        assertThat(result.results()).extracting(r -> r.node().uniqueId()).contains("seed.text_tools.tt_words",
                "model.text_tools.tt_clean_words", "model.shop.report");
        NodeInfo model = node(result, "model.text_tools.tt_clean_words");
        assertThat(model.fqn()).containsExactly("text_tools", "tt_clean_words");
        assertThat(model.materialized()).isEqualTo("table");
        assertThat(result.results()).anySatisfy(r -> assertThat(r.node().uniqueId())
                .startsWith("test.text_tools.not_blank_tt_clean_words_word"));
        // the package's generic test on the root project's model, by its plain and its namespaced name
        assertThat(result.results()).filteredOn(r -> r.node().uniqueId().startsWith("test.shop.")).hasSize(2)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(dev.sluice.core.api.NodeStatus.PASS));
        assertThat(query("select id, word, suffix from \"" + schema + "_own\".tt_clean_words order by id"))
                .containsExactly(List.of(1, "apple", "!"), List.of(2, "banana", "!"));
        assertThat(query("select word, x from \"" + schema + "\".report order by word"))
                .containsExactly(List.of("apple", "X"), List.of("banana", "X"));

        try (Sluice sluice = configure().load()) {
            assertThat(sluice.list(Selection.of("package:text_tools"))).extracting(NodeInfo::uniqueId)
                    .contains("model.text_tools.tt_clean_words", "seed.text_tools.tt_words")
                    .doesNotContain("model.shop.report");
        }
    }

    @Test
    void rootProjectConfigsVarsAndDispatchSearchOrderWinOverThePackage() {
        rootProject("""
                vars:
                  text_tools:
                    tt_suffix: '?'
                models:
                  text_tools:
                    +schema: from_root
                dispatch:
                  - macro_namespace: text_tools
                    search_order: [text_tools_shim, text_tools]
                """);
        // the root project's own override is not in the configured search order: the shim package's wins
        TestingProjects.write(project.resolve("macros/clean.sql"),
                "{% macro default__clean(col) %}upper(trim({{ col }})){% endmacro %}\n");
        Path shim = project.resolve("packages/text_tools_shim");
        TestingProjects.write(shim.resolve("dbt_project.yml"), "name: text_tools_shim\nversion: '1.0'\nconfig-version: 2\n");
        TestingProjects.write(shim.resolve("macros/clean.sql"),
                "{% macro default__clean(col) %}initcap(trim({{ col }})){% endmacro %}\n");
        TestingProjects.write(project.resolve("packages.yml"), """
                packages:
                  - local: packages/text_tools
                  - local: packages/text_tools_shim
                """);
        configure().deps();

        RunResult result = build();
        assertThat(result.success()).as(String.valueOf(result.results())).isTrue();
        assertThat(query("select id, word, suffix from \"" + schema + "_from_root\".tt_clean_words order by id"))
                .containsExactly(List.of(1, "Apple", "?"), List.of(2, "Banana", "?"));
    }

    @Test
    void withoutDispatchConfigTheRootProjectsImplementationComesFirst() {
        rootProject("");
        TestingProjects.write(project.resolve("macros/clean.sql"),
                "{% macro default__clean(col) %}upper(trim({{ col }})){% endmacro %}\n");
        configure().deps();

        RunResult result = build();
        assertThat(result.success()).as(String.valueOf(result.results())).isTrue();
        assertThat(query("select word from \"" + schema + "_own\".tt_clean_words order by id"))
                .containsExactly(List.of("APPLE"), List.of("BANANA"));
    }

    @Test
    void gitAndHubPackagesResolveTagsFromBareRepositories() throws Exception {
        rootProject("");
        Files.delete(project.resolve("models/report.sql")); // it refs the local package, not declared here
        TestingGit repo = TestingGit.create(dir.resolve("work/dates"), dir.resolve("hub/acme/dates.git"));
        TestingProjects.write(repo.work().resolve("dbt_project.yml"), "name: dates\nversion: '1.0'\nconfig-version: 2\n");
        String first = release(repo, "1.0.0");
        release(repo, "1.2.0");
        release(repo, "2.0.0");
        TestingGit other = TestingGit.create(dir.resolve("work/mono"), dir.resolve("repos/mono.git"));
        TestingProjects.write(other.work().resolve("pkgs/clock/dbt_project.yml"),
                "name: clock\nversion: '1.0'\nconfig-version: 2\n");
        TestingProjects.write(other.work().resolve("pkgs/clock/models/clock_now.sql"), "select 1 as tick\n");
        String clockSha = other.commit("clock", "v0.1.0");
        TestingProjects.write(project.resolve("packages.yml"), """
                packages:
                  - package: acme/dates
                    version: [">=1.0.0", "<2.0.0"]
                  - git: "%s"
                    revision: v0.1.0
                    subdirectory: pkgs/clock
                """.formatted(other.url()));
        Map<String, String> env = Map.of("HOME", dir.toString(), "SLUICE_HUB_GIT_BASE", dir.resolve("hub").toUri().toString());

        DepsResult deps = configure(env).deps();
        assertThat(deps.fromLock()).isFalse();
        assertThat(deps.packages()).extracting(DepsResult.InstalledPackage::name, DepsResult.InstalledPackage::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("dates", "1.2.0"),
                        org.assertj.core.groups.Tuple.tuple("clock", clockSha));
        String lock = TestingProjects.read(project.resolve("package-lock.yml"));
        assertThat(lock).contains("- package: acme/dates", "version: 1.2.0", "revision: " + clockSha,
                "subdirectory: pkgs/clock");

        release(repo, "1.3.0"); // a newer match: the lock still pins 1.2.0
        assertThat(configure(env).deps().fromLock()).isTrue();
        RunResult result;
        try (Sluice sluice = configure(env).load()) {
            result = sluice.build(Selection.all());
        }
        assertThat(result.success()).as(String.valueOf(result.results())).isTrue();
        assertThat(query("select v from \"" + schema + "\".dates_version")).containsExactly(List.of("1.2.0"));
        assertThat(query("select tick from \"" + schema + "\".clock_now")).containsExactly(List.of(1));

        // a changed spec is resolved again: a git revision pinned to a tag's commit
        TestingProjects.write(project.resolve("packages.yml"), """
                packages:
                  - git: "%s"
                    revision: %s
                """.formatted(repo.url(), first));
        DepsResult again = configure(env).deps();
        assertThat(again.fromLock()).isFalse();
        assertThat(again.packages()).extracting(DepsResult.InstalledPackage::version).containsExactly(first);
        assertThat(TestingProjects.read(project.resolve("dbt_packages/dates/models/dates_version.sql"))).contains("1.0.0");
    }

    private static String release(TestingGit repo, String version) {
        TestingProjects.write(repo.work().resolve("models/dates_version.sql"), "select '" + version + "' as v\n");
        return repo.commit("release " + version, version);
    }

    @Test
    void aPackagesOwnPackagesAreInstalledToo() {
        rootProject("");
        TestingGit repo = TestingGit.create(dir.resolve("work/dates"), dir.resolve("hub/acme/dates.git"));
        TestingProjects.write(repo.work().resolve("dbt_project.yml"), "name: dates\nversion: '1.0'\nconfig-version: 2\n");
        release(repo, "1.0.0");
        TestingProjects.write(project.resolve("packages/text_tools/packages.yml"), """
                packages:
                  - git: "%s"
                """.formatted(repo.url()));
        List<SluiceEvent.Message> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
        SluiceListener listener = e -> {
            if (e instanceof SluiceEvent.Message m) {
                messages.add(m);
            }
        };

        DepsResult deps = configure().listener(listener).deps();

        assertThat(deps.packages()).extracting(DepsResult.InstalledPackage::name).containsExactly("text_tools", "dates");
        assertThat(TestingProjects.read(project.resolve("package-lock.yml"))).contains("name: text_tools", "name: dates");
        assertThat(messages).anySatisfy(m -> {
            assertThat(m.level()).isEqualTo(SluiceEvent.Level.WARN);
            assertThat(m.text()).contains("is not pinned");
            assertThat(m.location()).hasToString("packages/text_tools/packages.yml:2:5");
        });
        try (Sluice sluice = configure().load()) {
            assertThat(sluice.list(Selection.of("package:dates"))).extracting(NodeInfo::uniqueId)
                    .containsExactly("model.dates.dates_version");
        }
    }

    @Test
    void anInstalledPackagesOwnProjectFileIsNamedInItsErrors() {
        rootProject("");
        configure().deps();
        TestingProjects.write(project.resolve("dbt_packages/broken/dbt_project.yml"), "version: '1.0'\nname: 9lives\n");
        assertThatThrownBy(() -> configure().load()).isInstanceOf(SluiceException.class)
                .hasMessageStartingWith("dbt_packages/broken/dbt_project.yml:2:1: Cannot load the project: name '9lives'");
    }

    @Test
    void aPackagesMaterializationBuildsTheRootProjectsModels() {
        rootProject("");
        TestingProjects.write(project.resolve("packages/text_tools/macros/stamped.sql"), """
                {% materialization stamped, default %}
                  {%- set target_relation = api.Relation.create(database=this.database, schema=this.schema,
                                                                identifier=this.identifier, type='table') -%}
                  {% call statement('main') -%}
                    create table {{ target_relation }} as select *, 'stamped' as stamp from ({{ sql }}) as s
                  {%- endcall %}
                  {{ return({'relations': [target_relation]}) }}
                {% endmaterialization %}
                """);
        TestingProjects.write(project.resolve("models/stamped_model.sql"),
                "{{ config(materialized='stamped') }}\nselect 1 as id\n");
        configure().deps();

        RunResult result;
        try (Sluice sluice = configure().load()) {
            result = sluice.run(Selection.of("stamped_model"));
        }
        assertThat(result.success()).as(String.valueOf(result.results())).isTrue();
        assertThat(query("select id, stamp from \"" + schema + "\".stamped_model")).containsExactly(List.of(1, "stamped"));
    }

    @Test
    void loadingWithoutDepsSaysToRunDeps() {
        rootProject("");
        assertThatThrownBy(() -> configure().load()).isInstanceOf(SluiceException.class)
                .hasMessageContaining("packages.yml:1").hasMessageContaining("run `sluice deps`");
    }

    @Test
    void errorsNameTheFileAndLine() {
        rootProject("");
        configure().deps();
        TestingProjects.write(project.resolve("models/report.sql"), "\nselect * from {{ ref('text_tool', 'tt_words') }}\n");
        assertThatThrownBy(() -> configure().load()).isInstanceOf(SluiceException.class)
                .hasMessageContaining("models/report.sql:2").hasMessageContaining("no package named 'text_tool'")
                .hasMessageContaining("did you mean");

        TestingProjects.write(project.resolve("packages.yml"), """
                packages:
                  - git: "%s"
                    revision: 1.0.0
                """.formatted(dir.resolve("missing.git").toUri()));
        assertThatThrownBy(() -> configure().deps()).isInstanceOf(SluiceException.class)
                .hasMessageContaining("packages.yml:2:5").hasMessageContaining("Cannot install git package");

        TestingGit repo = TestingGit.create(dir.resolve("work/dates"), dir.resolve("hub/acme/dates.git"));
        TestingProjects.write(repo.work().resolve("dbt_project.yml"), "name: dates\nversion: '1.0'\nconfig-version: 2\n");
        release(repo, "1.0.0");
        TestingProjects.write(project.resolve("packages.yml"), """
                packages:
                  - local: packages/text_tools
                  - package: acme/dates
                    version: ">=5.0.0"
                """);
        Map<String, String> env = Map.of("HOME", dir.toString(), "SLUICE_HUB_GIT_BASE", dir.resolve("hub").toUri().toString());
        assertThatThrownBy(() -> configure(env).deps()).isInstanceOf(SluiceException.class)
                .hasMessageContaining("packages.yml:3:5").hasMessageContaining("no version of")
                .hasMessageContaining("1.0.0");

        TestingProjects.write(project.resolve("packages.yml"), """
                packages:
                  - package: acme/nothing
                    version: "1.0.0"
                """);
        assertThatThrownBy(() -> configure(env).deps()).isInstanceOf(SluiceException.class)
                .hasMessageContaining("packages.yml:2:5").hasMessageContaining("none is reachable");

        Map<String, String> noGit = Map.of("HOME", dir.toString(), "SLUICE_GIT", dir.resolve("no-such-git").toString());
        TestingProjects.write(project.resolve("packages.yml"), """
                packages:
                  - git: "%s"
                """.formatted(repo.url()));
        assertThatThrownBy(() -> configure(noGit).deps()).isInstanceOf(SluiceException.class)
                .hasMessageContaining("packages.yml:2:5").hasMessageContaining("git command");
    }

    private static NodeInfo node(RunResult result, String id) {
        return result.results().stream().map(NodeResult::node).filter(n -> n.uniqueId().equals(id)).findFirst()
                .orElseThrow();
    }
}
