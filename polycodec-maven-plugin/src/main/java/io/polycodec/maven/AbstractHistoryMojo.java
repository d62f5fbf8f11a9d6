package io.polycodec.maven;

import io.polycodec.CodecException;
import io.polycodec.SchemaException;
import io.polycodec.evolution.CompatibilityMode;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/** What {@code snapshot} and {@code check} share: the configuration, and judging every guarded type. */
abstract class AbstractHistoryMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  /**
   * Record classes to guard, by name. If empty, every record annotated
   * {@code @io.polycodec.evolution.Snapshot} among the compiled classes (in {@link #packages}) is.
   */
  @Parameter(property = "polycodec.types")
  List<String> types = new ArrayList<>();

  /** Packages (and their sub-packages) scanned for {@code @Snapshot} records; all if empty. */
  @Parameter(property = "polycodec.packages")
  List<String> packages = new ArrayList<>();

  /** Formats whose rules apply: any of protobuf, json, msgpack, flatbuffers. */
  @Parameter(property = "polycodec.formats", defaultValue = "protobuf,json,msgpack,flatbuffers")
  List<String> formats = new ArrayList<>();

  /** BACKWARD, FORWARD, FULL, their _TRANSITIVE forms, or NONE. */
  @Parameter(property = "polycodec.mode", defaultValue = "BACKWARD_TRANSITIVE")
  CompatibilityMode mode;

  /** The committed history: {@code <Type>.v<N>.json} files, N = 1, 2, … oldest first. */
  @Parameter(property = "polycodec.history", defaultValue = "${project.basedir}/src/main/schema-history")
  File historyDirectory;

  /**
   * Counts caveats as breaking: changes under which data reads but values may be truncated, change
   * sign or lose their presence (int64 → int32, int32 → uint32, required → optional in Protobuf).
   * Without it they are logged as warnings.
   */
  @Parameter(property = "polycodec.strict", defaultValue = "false")
  boolean strict;

  /** Skips the goal. */
  @Parameter(property = "polycodec.skip", defaultValue = "false")
  boolean skip;

  /** The guard and a verdict per guarded type, in type-name order. */
  record Judged(HistoryGuard guard, List<TypeVerdict> verdicts) {}

  Judged judgeAll() throws MojoExecutionException, MojoFailureException {
    HistoryGuard guard;
    try {
      guard = HistoryGuard.of(historyDirectory.toPath(), mode, formats, strict);
    } catch (CodecException | IllegalArgumentException e) {
      throw new MojoExecutionException("polycodec: " + e.getMessage(), e);
    }
    List<TypeVerdict> verdicts = new ArrayList<>();
    try (URLClassLoader loader = classLoader()) {
      List<Class<?>> found = TypeScanner.find(Path.of(project.getBuild().getOutputDirectory()), types, packages, loader);
      if (found.isEmpty()) {
        getLog().warn("polycodec: no types to guard: list them in <types>, or annotate records with"
            + " @io.polycodec.evolution.Snapshot");
      }
      for (Class<?> c : found) {
        try {
          verdicts.add(guard.judge(c));
        } catch (SchemaException e) {
          throw new MojoFailureException("polycodec: " + c.getName() + " (" + source(c.getName()) + ") cannot be"
              + " mapped to a schema: " + e.getMessage(), e);
        } catch (AssertionError e) {
          throw new MojoFailureException("polycodec: " + e.getMessage(), e);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new MojoExecutionException("polycodec: " + e.getMessage(), e);
    }
    return new Judged(guard, verdicts);
  }

  private URLClassLoader classLoader() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    try {
      for (String element : project.getCompileClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException("polycodec: cannot build the compile class path: " + e.getMessage(), e);
    }
    // Parent-first: the project's classes see the plugin's codec-api, so @Tag and @Snapshot are ours.
    return new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
  }

  /** The source file of a top-level or nested class, relative to the project, if it is found. */
  String source(String className) {
    String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
    String rel = outer.replace('.', '/') + ".java";
    for (String root : project.getCompileSourceRoots()) {
      Path p = Path.of(root, rel);
      if (Files.isRegularFile(p)) {
        return project.getBasedir().toPath().relativize(p).toString();
      }
    }
    return rel;
  }

  /** The history folder as the user wrote it, relative to the project where it is inside. */
  String historyName() {
    Path base = project.getBasedir().toPath();
    Path h = historyDirectory.toPath();
    return h.startsWith(base) ? base.relativize(h).toString() : h.toString();
  }
}
