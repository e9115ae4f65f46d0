package dev.sluice.core.internal.context;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The command tags adapter.execute reports, as PostgreSQL names its statements. */
class CommandTagTest {
    @Test
    void namesStatementsAsTheServerDoes() {
        assertThat(AdapterObject.commandTag("create table \"s\".\"t\" as (select 1)")).isEqualTo("SELECT");
        assertThat(AdapterObject.commandTag("  -- a comment\n create temporary table t as select 1")).isEqualTo("SELECT");
        assertThat(AdapterObject.commandTag("create table t (id int)")).isEqualTo("CREATE TABLE");
        assertThat(AdapterObject.commandTag("create or replace view v as select 1")).isEqualTo("CREATE VIEW");
        assertThat(AdapterObject.commandTag("drop materialized view if exists m")).isEqualTo("DROP MATERIALIZED VIEW");
        assertThat(AdapterObject.commandTag("insert into t select 1")).isEqualTo("INSERT");
        assertThat(AdapterObject.commandTag("with x as (select 1) select * from x")).isEqualTo("SELECT");
        assertThat(AdapterObject.commandTag("/* hi */ delete from t")).isEqualTo("DELETE");
    }
}
