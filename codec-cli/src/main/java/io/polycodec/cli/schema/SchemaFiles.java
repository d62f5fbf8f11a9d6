package io.polycodec.cli.schema;

import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import io.polycodec.SchemaException;
import io.polycodec.cli.CliException;
import io.polycodec.evolution.SchemaHistory;
import io.polycodec.flatbuffers.FbsImport;
import io.polycodec.protobuf.ProtoImport;
import io.polycodec.schema.SchemaSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;

/**
 * Reads schemas from what users have on disk, chosen by what the path is:
 *
 * <ul>
 *   <li>a folder: a {@link SchemaHistory} folder ({@code <Type>.v<N>.json}), every version of one type;
 *   <li>{@code .json}: one snapshot ({@link SchemaSnapshot#toJson});
 *   <li>{@code .desc}, {@code .pb}, {@code .binpb}, {@code .protoset}: a protobuf descriptor set
 *       ({@code protoc --include_imports --descriptor_set_out=…});
 *   <li>{@code .proto}: protobuf source, compiled to a descriptor set by {@link Protoc};
 *   <li>{@code .bfbs}: a FlatBuffers binary schema ({@code flatc -b --schema --bfbs-builtins}), read by
 *       {@link FbsImport};
 *   <li>{@code .fbs}: FlatBuffers source, compiled to a binary schema by {@link Flatc}.
 * </ul>
 *
 * The type is chosen by {@code type} (a snapshot type name, a message's or table's full name; a simple
 * name matches a dotted one), or is the only one there is (for FlatBuffers: the {@code root_type}). Every problem is a {@link CliException} naming
 * the file.
 */
public final class SchemaFiles {
  private SchemaFiles() {}

  /**
   * Every version {@code path} holds of the chosen type, oldest first (one, unless {@code path} is a
   * history folder).
   *
   * @param type the type to pick, or null if there must be only one
   * @param protoc how to compile {@code .proto} files
   * @throws CliException if the path is missing, of an unknown kind, does not parse, or the type is
   *     absent or ambiguous
   */
  public static List<Version> read(Path path, String type, Protoc protoc) {
    return read(path, type, protoc, Flatc.of(null, List.of()));
  }

  /**
   * {@link #read(Path, String, Protoc)}, compiling {@code .fbs} files with {@code flatc}.
   *
   * @throws CliException if the path is missing, of an unknown kind, does not parse, or the type is
   *     absent or ambiguous
   */
  public static List<Version> read(Path path, String type, Protoc protoc, Flatc flatc) {
    if (Files.isDirectory(path)) {
      return history(path, type);
    }
    if (!Files.isRegularFile(path)) {
      throw new CliException(path + ": no such file or folder");
    }
    String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return List.of(snapshot(path));
    }
    if (name.endsWith(".proto")) {
      return List.of(descriptorSet(path, protoc.compile(path), type));
    }
    if (name.endsWith(".desc") || name.endsWith(".pb") || name.endsWith(".binpb") || name.endsWith(".protoset")) {
      return List.of(descriptorSet(path, bytes(path), type));
    }
    if (name.endsWith(".bfbs")) {
      return List.of(binarySchema(path, bytes(path), type));
    }
    if (name.endsWith(".fbs")) {
      return List.of(binarySchema(path, flatc.compile(path), type));
    }
    throw new CliException(path + ": not a schema this command reads (a history folder, a snapshot .json, a"
        + " .proto file, a descriptor set .desc/.pb/.binpb/.protoset, a FlatBuffers .fbs or binary schema .bfbs)");
  }

  /** The newest version {@code path} holds of the chosen type; see {@link #read}. */
  public static Version latest(Path path, String type, Protoc protoc) {
    return latest(path, type, protoc, Flatc.of(null, List.of()));
  }

  /** The newest version {@code path} holds of the chosen type; see {@link #read(Path, String, Protoc, Flatc)}. */
  public static Version latest(Path path, String type, Protoc protoc, Flatc flatc) {
    List<Version> all = read(path, type, protoc, flatc);
    return all.get(all.size() - 1);
  }

  private static Version binarySchema(Path file, byte[] bytes, String type) {
    try {
      FbsImport.Tables tables = FbsImport.tables(bytes);
      String chosen;
      if (type == null) {
        if (tables.root() != null) {
          chosen = tables.root();
        } else if (tables.names().size() == 1) {
          chosen = tables.names().get(0);
        } else {
          throw new CliException(file + ": declares no root_type and tables " + tables.names() + "; choose one with --type");
        }
      } else if (tables.names().contains(type)) {
        chosen = type;
      } else {
        List<String> bySuffix = tables.names().stream().filter(n -> n.endsWith("." + type)).toList();
        if (bySuffix.size() != 1) {
          throw new CliException(file + ": " + (bySuffix.isEmpty() ? "no table " + type + " among " + tables.names()
              : type + " is ambiguous: " + bySuffix));
        }
        chosen = bySuffix.get(0);
      }
      FbsImport.Imported imported = FbsImport.read(bytes, chosen);
      return new Version(file.getFileName() + "#" + chosen, imported.schema(), null, imported);
    } catch (SchemaException e) {
      throw new CliException(file + ": " + e.getMessage(), e);
    }
  }

  private static List<Version> history(Path dir, String type) {
    SortedSet<String> names = SchemaHistory.typeNames(dir);
    String chosen;
    if (type == null) {
      if (names.size() != 1) {
        throw new CliException(dir + ": " + (names.isEmpty() ? "holds no snapshots (<Type>.v<N>.json)"
            : "holds snapshots of " + names + "; choose one with --type"));
      }
      chosen = names.first();
    } else if (names.contains(type)) {
      chosen = type;
    } else {
      String simple = type.substring(type.lastIndexOf('.') + 1);
      if (!names.contains(simple)) {
        throw new CliException(dir + ": no snapshots of " + type + " (it holds " + names + ")");
      }
      chosen = simple;
    }
    List<Version> out = new ArrayList<>();
    for (Map.Entry<Integer, Path> e : SchemaHistory.versions(dir, chosen).entrySet()) {
      Version v = snapshot(e.getValue());
      if (!v.schema().name().equals(chosen)) {
        throw new CliException(e.getValue() + ": holds a snapshot of " + v.schema().name() + ", not of " + chosen
            + " as its name says");
      }
      out.add(v);
    }
    return out;
  }

  private static Version snapshot(Path file) {
    String text = new String(bytes(file), StandardCharsets.UTF_8);
    try {
      return new Version(file.getFileName().toString(), SchemaSnapshot.fromJson(text), null);
    } catch (SchemaException e) {
      throw new CliException(file + ": not a schema snapshot: " + e.getMessage(), e);
    }
  }

  private static Version descriptorSet(Path file, byte[] bytes, String type) {
    FileDescriptorSet set;
    try {
      set = FileDescriptorSet.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new CliException(file + ": not a protobuf descriptor set: " + e.getMessage(), e);
    }
    List<Descriptor> messages = new ArrayList<>();
    try {
      for (FileDescriptor f : ProtoImport.files(set)) {
        if (!f.getPackage().equals("google.protobuf")) {
          collect(f.getMessageTypes(), messages);
        }
      }
    } catch (SchemaException e) {
      throw new CliException(file + ": " + e.getMessage(), e);
    }
    Descriptor chosen = choose(file, messages, type);
    try {
      ProtoImport.Imported imported = ProtoImport.message(chosen);
      return new Version(file.getFileName() + "#" + chosen.getFullName(), imported.schema(), imported);
    } catch (SchemaException e) {
      throw new CliException(file + ": " + chosen.getFullName() + ": " + e.getMessage(), e);
    }
  }

  private static void collect(List<Descriptor> types, List<Descriptor> out) {
    for (Descriptor d : types) {
      if (!d.getOptions().getMapEntry()) {
        out.add(d);
        collect(d.getNestedTypes(), out);
      }
    }
  }

  private static Descriptor choose(Path file, List<Descriptor> messages, String type) {
    if (messages.isEmpty()) {
      throw new CliException(file + ": declares no messages");
    }
    if (type == null) {
      List<Descriptor> top = messages.stream().filter(d -> d.getContainingType() == null).toList();
      if (top.size() == 1) {
        return top.get(0);
      }
      throw new CliException(file + ": declares " + names(top) + "; choose one with --type");
    }
    for (Descriptor d : messages) {
      if (d.getFullName().equals(type)) {
        return d;
      }
    }
    List<Descriptor> bySuffix = messages.stream()
        .filter(d -> d.getFullName().endsWith("." + type) || d.getName().equals(type)).toList();
    if (bySuffix.size() == 1) {
      return bySuffix.get(0);
    }
    throw new CliException(file + ": " + (bySuffix.isEmpty() ? "no message " + type + " among " + names(messages)
        : type + " is ambiguous: " + names(bySuffix)));
  }

  private static List<String> names(List<Descriptor> ds) {
    return ds.stream().map(Descriptor::getFullName).toList();
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CliException(file + ": cannot read: " + e, e);
    }
  }
}
