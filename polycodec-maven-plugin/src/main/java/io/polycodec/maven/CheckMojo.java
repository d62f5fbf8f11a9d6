package io.polycodec.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
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
  /**
   * A file to write the verdicts to as JSON, for CI tools (see {@link JsonReport}); written whatever the
   * outcome, before the build fails. None if unset.
   */
  @Parameter(property = "polycodec.outputJson")
  File outputJson;

  /** Creates the mojo (Maven injects the parameters). */
  public CheckMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("polycodec: check skipped");
      return;
    }
    Judged judged = judgeAll();
    String rules = judged.guard().mode() + " in " + String.join(", ", judged.guard().formatNames())
        + (judged.guard().strict() ? ", strict" : "");
    if (outputJson != null) {
      try {
        Path out = outputJson.toPath();
        if (out.getParent() != null) {
          Files.createDirectories(out.getParent());
        }
        Files.writeString(out, JsonReport.of(judged.guard(), judged.verdicts()), StandardCharsets.UTF_8);
        getLog().info("polycodec: verdicts written to " + out);
      } catch (IOException e) {
        throw new MojoExecutionException("polycodec: cannot write " + outputJson + ": " + e.getMessage(), e);
      }
    }
    for (TypeVerdict v : judged.verdicts()) {
      for (String c : v.caveats()) {
        getLog().warn("polycodec: " + v.javaType() + ": caveat (reads, but values may change; <strict> makes it"
            + " fail): " + c);
      }
    }
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
