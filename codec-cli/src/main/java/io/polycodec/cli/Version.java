package io.polycodec.cli;

import picocli.CommandLine.IVersionProvider;

/** The version line: the jar's implementation version, or "development" when run from classes. */
final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = PolycodecCli.class.getPackage().getImplementationVersion();
    return new String[] {"polycodec " + (v == null ? "(development build)" : v)};
  }
}
