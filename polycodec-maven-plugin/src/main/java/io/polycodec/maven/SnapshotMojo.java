package io.polycodec.maven;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Records the current schema of every guarded record as the next version of its history
 * ({@code <Type>.v<N+1>.json}), when it is new or changed, after checking it like {@code check} does:
 * an incompatible change is never recorded (the build fails, nothing is written). Run it from the
 * command line ({@code mvn polycodec:snapshot}; it compiles first) and commit the files it writes.
 */
@Mojo(name = "snapshot", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
@Execute(phase = LifecyclePhase.COMPILE)
public class SnapshotMojo extends AbstractHistoryMojo {
  /** Creates the mojo (Maven injects the parameters). */
  public SnapshotMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("polycodec: snapshot skipped");
      return;
    }
    Judged judged = judgeAll();
    StringBuilder broken = new StringBuilder();
    for (TypeVerdict v : judged.verdicts()) {
      if (v.state() == TypeVerdict.State.INCOMPATIBLE) {
        broken.append("\n").append(v.javaType()).append(" (").append(source(v.javaType())).append("):");
        for (String r : v.reasons()) {
          broken.append("\n  ").append(r);
        }
      }
    }
    if (broken.length() > 0) {
      throw new MojoFailureException("polycodec: nothing recorded: incompatible with the history in " + historyName()
          + " (" + judged.guard().mode() + "):" + broken);
    }
    for (TypeVerdict v : judged.verdicts()) {
      try {
        Path written = judged.guard().record(v);
        getLog().info("polycodec: " + v.schema().name() + (written == null ? " unchanged since " + v.latest().getFileName()
            : ": wrote " + historyName() + "/" + written.getFileName() + " (commit it)"));
      } catch (IOException e) {
        throw new MojoExecutionException("polycodec: cannot write " + v.next() + ": " + e.getMessage(), e);
      }
    }
  }
}
