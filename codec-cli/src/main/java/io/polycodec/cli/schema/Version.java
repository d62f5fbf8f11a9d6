package io.polycodec.cli.schema;

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
 */
public record Version(String label, RecordSchema schema, ProtoImport.Imported proto) {
  /** Checks that the label and schema are present. */
  public Version {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(schema, "schema");
  }
}
