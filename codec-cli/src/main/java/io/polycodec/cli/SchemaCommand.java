package io.polycodec.cli;

import picocli.CommandLine.Command;

/** {@code polycodec schema}: groups the schema subcommands (today {@code export}). */
@Command(name = "schema", mixinStandardHelpOptions = true, description = "Schema tools.",
    subcommands = SchemaExportCommand.class)
final class SchemaCommand implements Runnable {
  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: export");
  }
}
