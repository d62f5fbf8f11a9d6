package io.polycodec.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build if a guarded record is not compatible with its committed schema history, under the
 * configured mode in every configured format, naming each breaking change and where it is. A type
 * with no snapshot yet, or changed compatibly since its latest one, fails too, saying to run the
 * {@code snapshot} goal and commit the file it writes: every shape that ships is in the history.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.COMPILE,
    threadSafe = true)
public class CheckMojo extends AbstractHistoryMojo {
  /** Creates the mojo (Maven injects the parameters). */
  public CheckMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("polycodec: check skipped");
      return;
    }
    Judged judged = judgeAll();
    String rules = judged.guard().mode() + " in " + String.join(", ", judged.guard().formatNames());
    List<String> problems = new ArrayList<>();
    for (TypeVerdict v : judged.verdicts()) {
      String where = v.javaType() + " (" + source(v.javaType()) + ")";
      switch (v.state()) {
        case UNCHANGED -> getLog().info("polycodec: " + v.schema().name() + " matches " + v.latest().getFileName()
            + " (" + rules + ")");
        case INCOMPATIBLE -> {
          StringBuilder sb = new StringBuilder(where + " is not " + judged.guard().mode() + " compatible with its"
              + " history in " + historyName() + ":");
          for (String r : v.reasons()) {
            sb.append("\n  ").append(r);
          }
          problems.add(sb.toString());
        }
        case NEW -> problems.add(where + " has no snapshot in " + historyName() + ": run mvn polycodec:snapshot and"
            + " commit " + v.next().getFileName());
        case CHANGED -> problems.add(where + " changed compatibly since " + v.latest().getFileName() + " (" + rules
            + "), but the history does not record it: run mvn polycodec:snapshot and commit " + v.next().getFileName());
      }
    }
    if (!problems.isEmpty()) {
      for (String p : problems) {
        getLog().error("polycodec: " + p);
      }
      throw new MojoFailureException("polycodec: " + problems.size() + " of " + judged.verdicts().size()
          + " guarded type(s) failed the schema history check (" + rules + "):\n" + String.join("\n", problems));
    }
  }
}
