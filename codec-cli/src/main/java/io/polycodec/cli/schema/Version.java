package io.polycodec.cli.schema;

import io.polycodec.flatbuffers.FbsImport;
import io.polycodec.protobuf.ProtoImport;
import io.polycodec.schema.RecordSchema;
import java.util.Objects;

/**
 * One schema read from a file, with the label reasons name it by ({@code User.v2.json},
 * {@code user.desc#acme.User}).
 *
 * @param label what to call this version in reports
 * @param schema the record schema
 * @param proto the protobuf import it came from, or null; its codec keeps the descriptor's wire layout
 *     (unpacked fields, groups), so bytes written by protoc-generated code re-encode exactly
 * @param flat the FlatBuffers import ({@code .bfbs}, or {@code .fbs} through flatc) it came from, or null;
 *     its codec keeps the schema's {@link io.polycodec.flatbuffers.FlatLayout} (structs, enum types, inline
 *     unions, file identifier), so it reads and writes what flatc-generated code does
 */
public record Version(String label, RecordSchema schema, ProtoImport.Imported proto, FbsImport.Imported flat) {
  /** Checks that the label and schema are present. */
  public Version {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(schema, "schema");
  }

  /** A version that came from no FlatBuffers schema. */
  public Version(String label, RecordSchema schema, ProtoImport.Imported proto) {
    this(label, schema, proto, null);
  }
}
