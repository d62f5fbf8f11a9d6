package io.polycodec.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code polycodec schema}: groups the schema subcommands (today {@code export}). */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Schema tools.",
    subcommands = SchemaExportCommand.class)
final class SchemaCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing subcommand: export");
  }
}
