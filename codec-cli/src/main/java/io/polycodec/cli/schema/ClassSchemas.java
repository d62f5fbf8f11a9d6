package io.polycodec.cli.schema;

import io.polycodec.Codecs;
import io.polycodec.SchemaException;
import io.polycodec.cli.CliException;
import io.polycodec.schema.RecordSchema;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives the schema of a compiled record from a class path given on the command line, the way
 * {@link Codecs#schemaOf} does in the application. Classes are loaded parent-first, so the
 * annotations they use ({@code @Tag}…) are the CLI's own and are recognised.
 */
public final class ClassSchemas {
  private ClassSchemas() {}

  /**
   * The schema of {@code className} found on {@code classPath} (entries separated by the platform's
   * path separator: folders of classes or jars).
   *
   * @throws CliException if an entry does not exist, the class is not found or cannot be mapped
   */
  public static Version load(String classPath, String className) {
    List<URL> urls = new ArrayList<>();
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      Path p = Path.of(entry);
      if (!Files.exists(p)) {
        throw new CliException("--classpath: " + entry + " does not exist");
      }
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new CliException("--classpath: " + entry + ": " + e.getMessage(), e);
      }
    }
    // Not closed: the schema's bindings may load more classes lazily, and the CLI exits soon anyway.
    URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassSchemas.class.getClassLoader());
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      throw new CliException("class " + className + " not found on --classpath " + classPath
          + (e instanceof LinkageError ? " (" + e + ")" : ""), e);
    }
    try {
      RecordSchema schema = Codecs.schemaOf(type);
      return new Version(className, schema, null);
    } catch (SchemaException | IllegalArgumentException e) {
      throw new CliException(className + ": cannot be mapped to a schema: " + e.getMessage(), e);
    }
  }
}
