import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks a staged deployment (docs/releasing.md) the way Maven Central would, and more:
 * every POM carries name, description, url, licenses, developers and scm, and no parent; every jar
 * has its -sources and -javadoc jars, an Automatic-Module-Name under io.polycodec and META-INF/LICENSE; the BOM is there
 * and manages exactly the staged jars; nothing that must not be published (examples, benchmarks, the
 * floors, the parent) is staged.
 *
 * <p>Run: {@code java scripts/CheckStaging.java target/staging-deploy}. Exit status 0 when all holds,
 * 1 with one line per problem otherwise.
 */
public class CheckStaging {
  static final String GROUP_DIR = "io/polycodec";
  static final Set<String> UNPUBLISHED = Set.of("examples", "codec-bench", "dependency-floors", "polycodec-parent");

  public static void main(String[] args) throws Exception {
    Path root = Path.of(args.length > 0 ? args[0] : "target/staging-deploy");
    Path group = root.resolve(GROUP_DIR);
    List<String> problems = new ArrayList<>();
    if (!Files.isDirectory(group)) {
      System.out.println("FAIL: nothing staged under " + group);
      System.exit(1);
    }
    TreeMap<String, Path> poms = new TreeMap<>(); // artifactId -> newest staged POM
    try (Stream<Path> files = Files.walk(group)) {
      files.filter(f -> f.toString().endsWith(".pom")).sorted()
          .forEach(f -> poms.put(group.relativize(f).getName(0).toString(), f));
    }
    Set<String> jars = new TreeSet<>();
    Set<String> bomManaged = null;
    for (var e : poms.entrySet()) {
      String artifact = e.getKey();
      Path pom = e.getValue();
      if (UNPUBLISHED.contains(artifact)) {
        problems.add(artifact + ": must not be published, but is staged");
        continue;
      }
      Element project = parse(pom).getDocumentElement();
      for (String required : List.of("groupId", "artifactId", "version", "name", "description", "url")) {
        if (text(project, required).isBlank()) {
          problems.add(artifact + ": POM lacks <" + required + ">");
        }
      }
      if (!text(project, "groupId").equals("io.polycodec")) {
        problems.add(artifact + ": groupId is not io.polycodec");
      }
      Element licenses = child(project, "licenses");
      if (licenses == null || child(licenses, "license") == null
          || text(child(licenses, "license"), "name").isBlank() || text(child(licenses, "license"), "url").isBlank()) {
        problems.add(artifact + ": POM lacks <licenses><license> with name and url");
      }
      Element developers = child(project, "developers");
      if (developers == null || child(developers, "developer") == null) {
        problems.add(artifact + ": POM lacks <developers><developer>");
      }
      Element scm = child(project, "scm");
      if (scm == null || text(scm, "url").isBlank() || text(scm, "connection").isBlank()) {
        problems.add(artifact + ": POM lacks <scm> with url and connection");
      }
      if (child(project, "parent") != null) {
        problems.add(artifact + ": POM has a <parent> (the deployed POMs must be flattened)");
      }
      String packaging = text(project, "packaging");
      if (artifact.equals("polycodec-bom")) {
        bomManaged = managed(project);
        if (child(project, "dependencyManagement") == null || bomManaged.isEmpty()) {
          problems.add(artifact + ": manages nothing");
        }
        continue;
      }
      if (!packaging.isEmpty() && !packaging.equals("jar") && !packaging.equals("maven-plugin")) {
        continue;
      }
      jars.add(artifact);
      String base = pom.getFileName().toString().replaceAll("\\.pom$", "");
      Path dir = pom.getParent();
      for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
        if (!Files.exists(dir.resolve(base + suffix))) {
          problems.add(artifact + ": " + base + suffix + " is not staged");
        }
      }
      Path jar = dir.resolve(base + ".jar");
      if (Files.exists(jar)) {
        try (JarFile j = new JarFile(jar.toFile())) {
          String name = j.getManifest() == null ? null : j.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
          if (name == null || !name.matches("io\\.polycodec(\\.[a-z][a-z0-9]*)+")) {
            problems.add(artifact + ": Automatic-Module-Name is " + name);
          }
          if (j.getEntry("META-INF/LICENSE") == null) {
            problems.add(artifact + ": the jar has no META-INF/LICENSE");
          }
        }
      }
    }
    if (bomManaged == null) {
      problems.add("polycodec-bom is not staged");
    } else {
      for (String jar : jars) {
        if (!bomManaged.contains(jar)) {
          problems.add("polycodec-bom does not manage " + jar);
        }
      }
      for (String m : bomManaged) {
        if (!jars.contains(m)) {
          problems.add("polycodec-bom manages " + m + ", which is not staged");
        }
      }
    }
    System.out.println("staged: " + poms.keySet());
    problems.forEach(p -> System.out.println("FAIL: " + p));
    System.out.println(problems.isEmpty() ? "OK: " + jars.size() + " jars with sources, javadoc, module names and Central's metadata, and the BOM" : problems.size() + " problems");
    System.exit(problems.isEmpty() ? 0 : 1);
  }

  static Set<String> managed(Element project) {
    Set<String> out = new TreeSet<>();
    Element dm = child(project, "dependencyManagement");
    Element deps = dm == null ? null : child(dm, "dependencies");
    if (deps == null) {
      return out;
    }
    for (Node n = deps.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element d && d.getTagName().equals("dependency") && text(d, "groupId").equals("io.polycodec")) {
        out.add(text(d, "artifactId"));
      } else if (n instanceof Element d && d.getTagName().equals("dependency")) {
        out.add("(not Polycodec's) " + text(d, "groupId") + ":" + text(d, "artifactId"));
      }
    }
    return out;
  }

  static Document parse(Path pom) throws Exception {
    try (InputStream in = Files.newInputStream(pom)) {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder().parse(in);
    }
  }

  static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? "" : e.getTextContent().trim();
  }
}
