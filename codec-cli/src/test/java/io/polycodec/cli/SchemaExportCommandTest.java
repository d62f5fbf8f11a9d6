package io.polycodec.cli;

import static io.polycodec.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SchemaExportCommandTest {
  private static String[] account(String to) {
    return new String[] {"schema", "export", "--classpath", CliRun.testClasses(), "--type",
        "io.polycodec.cli.fixtures.Account", "--to", to};
  }

  @Test
  void protoOfACompiledRecord() {
    CliRun.Result r = run(append(account("proto"), "--package", "acme.bank"));
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("package acme.bank;"), r::toString);
    assertTrue(r.out().contains("message Account {\n  int64 id = 1;\n  string owner = 2;\n  optional string email = 3;\n"
        + "  repeated string tags = 4;\n}"), r::toString);
  }

  @Test
  void fbsOfACompiledRecord() {
    CliRun.Result r = run(account("fbs"));
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("table Account {\n  id: long (id: 0);\n  owner: string (id: 1);\n"
        + "  email: string (id: 2);\n  tags: [string] (id: 3);\n}"), r::toString);
    assertTrue(r.out().contains("root_type Account;"), r::toString);
  }

  @Test
  void snapshotOfACompiledRecordReadsBackAsTheNextHistoryVersion() {
    CliRun.Result r = run(account("snapshot"));
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().contains("{\"name\": \"tags\", \"tag\": 4, \"type\": \"list<string>\"}"), r::toString);
  }

  @Test
  void aTypeIsRequired() {
    CliRun.Result r = run("schema", "export", "--to", "proto");
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.stderr().contains("name the schema"), r::toString);
    CliRun.Result bad = run("schema", "export", "--to", "avro", "--schema", CliRun.resource("history"));
    assertEquals(2, bad.status(), bad::toString);
    CliRun.Result sub = run("schema");
    assertEquals(2, sub.status(), sub::toString);
  }

  private static String[] append(String[] a, String... more) {
    String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
    System.arraycopy(more, 0, out, a.length, more.length);
    return out;
  }
}
