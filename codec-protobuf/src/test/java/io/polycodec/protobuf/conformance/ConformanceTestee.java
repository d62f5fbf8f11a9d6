package io.polycodec.protobuf.conformance;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.conformance.Conformance;
import com.google.protobuf.conformance.Conformance.ConformanceRequest;
import com.google.protobuf.conformance.Conformance.ConformanceResponse;
import com.google.protobuf.conformance.Conformance.FailureSet;
import com.google.protobuf.conformance.Conformance.WireFormat;
import io.polycodec.Codec;
import io.polycodec.CodecOption;
import io.polycodec.CodecOptions;
import io.polycodec.CodecProvider;
import io.polycodec.Codecs;
import io.polycodec.schema.RecordSchema;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.GenericRecord;
import io.polycodec.protobuf.ProtoImport;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A testee for protobuf's conformance runner ({@code conformance_test_runner}): reads length-prefixed
 * (4-byte little-endian) {@code ConformanceRequest}s from stdin until EOF and answers each with a
 * length-prefixed {@code ConformanceResponse} on stdout.
 *
 * <p>Binary-to-binary requests for {@code TestAllTypesProto3} and {@code TestAllTypesProto2} (and their
 * editions forms, and {@code TestAllTypesEdition2023}) are decoded
 * into a {@link GenericRecord} by Polycodec's protobuf codec, built from the message's descriptor through
 * {@link ProtoImport} (no generated classes), and re-encoded; bad input is a {@code parse_error}.
 * When the {@code protobuf-json} format (codec-protobuf-json) is on the class path, found through
 * {@link Codecs} by name (this module does not depend on it), JSON input and output are served too, with
 * protobuf's strict parser options (unknown keys refused) except in the ignore-unknown category, and
 * with the test messages and well-known types as the {@code google.protobuf.Any} type registry.
 * Everything else (text format, JSPB, other message types) is {@code skipped}. The first request,
 * for {@code conformance.FailureSet}, gets an empty failure set. See docs/conformance.md.
 */
public final class ConformanceTestee {
  private static final String JSON = "protobuf-json";
  private static final String[] MESSAGES = {
      "protobuf_test_messages.proto3.TestAllTypesProto3", "protobuf_test_messages.proto2.TestAllTypesProto2",
      "protobuf_test_messages.editions.proto3.TestAllTypesProto3",
      "protobuf_test_messages.editions.proto2.TestAllTypesProto2",
      "protobuf_test_messages.editions.TestAllTypesEdition2023"};
  private final Map<String, Codec<GenericRecord>> codecs = new HashMap<>();
  private final Map<String, Codec<GenericRecord>> jsonStrict = new HashMap<>();
  private final Map<String, Codec<GenericRecord>> jsonLenient = new HashMap<>();
  private int served;

  ConformanceTestee() {
    FileDescriptorSet set = descriptors();
    CodecProvider json = Codecs.formats().stream().anyMatch(f -> f.name().equals(JSON)) ? Codecs.provider(JSON) : null;
    Object anyTypes = json == null ? null : anyTypes(json, set);
    for (String name : MESSAGES) {
      ProtoImport.Imported imported = ProtoImport.message(set, name);
      codecs.put(name, imported.codec());
      if (json != null) {
        jsonStrict.put(name, jsonCodec(json, imported.schema(), false, anyTypes));
        jsonLenient.put(name, jsonCodec(json, imported.schema(), true, anyTypes));
      }
    }
  }

  // The options by name, since this module does not compile against codec-protobuf-json.
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Codec<GenericRecord> jsonCodec(CodecProvider json, RecordSchema schema, boolean ignoreUnknown,
      Object anyTypes) {
    CodecOptions.Builder options = CodecOptions.builder();
    for (CodecOption<?> o : json.options()) {
      if (o.name().startsWith(JSON + ".ignore-unknown-")) {
        CodecOption<Boolean> flag = (CodecOption<Boolean>) o;
        options.set(flag, ignoreUnknown);
      } else if (o.name().equals(JSON + ".any-types")) {
        options.set((CodecOption) o, anyTypes);
      }
    }
    return Codecs.generic(JSON, schema, options.build());
  }

  /**
   * The Any type registry (protobuf-json's AnyTypes, built through its public builder by reflection, as
   * this module does not compile against it): the test messages and the well-known types, each with its
   * binary codec from ProtoImport, as a protobuf type registry built from the same descriptors would hold.
   */
  private static Object anyTypes(CodecProvider json, FileDescriptorSet set) {
    CodecOption<?> option = json.options().stream().filter(o -> o.name().equals(JSON + ".any-types")).findFirst()
        .orElseThrow(() -> new IllegalStateException(JSON + " has no any-types option"));
    java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(MESSAGES));
    for (com.google.protobuf.DescriptorProtos.FileDescriptorProto file : set.getFileList()) {
      if (file.getPackage().equals("google.protobuf")) {
        for (com.google.protobuf.DescriptorProtos.DescriptorProto m : file.getMessageTypeList()) {
          names.add(file.getPackage() + "." + m.getName());
        }
      }
    }
    try {
      Object builder = option.type().getMethod("builder").invoke(null);
      java.lang.reflect.Method add = builder.getClass().getMethod("add", RecordSchema.class, Codec.class);
      for (String name : names) {
        ProtoImport.Imported imported;
        try {
          imported = ProtoImport.message(set, name);
        } catch (io.polycodec.SchemaException e) {
          continue; // a type Polycodec cannot import cannot be held either; protobuf-json refuses it by name
        }
        add.invoke(builder, imported.schema(), imported.codec());
      }
      return builder.getClass().getMethod("build").invoke(builder);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + JSON + "'s AnyTypes", e);
    }
  }

  private static FileDescriptorSet descriptors() {
    try (InputStream in = ConformanceTestee.class.getResourceAsStream("/descriptors/test_messages.desc")) {
      if (in == null) {
        throw new IllegalStateException("descriptors/test_messages.desc is not on the class path; run ./mvnw package");
      }
      return FileDescriptorSet.parseFrom(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serves requests from {@code in} until it ends; answers go to {@code out}. */
  public static void main(String[] args) throws IOException {
    ConformanceTestee testee = new ConformanceTestee();
    testee.serve(new BufferedInputStream(System.in), new BufferedOutputStream(System.out));
  }

  /** Answers every request on {@code in} until it ends cleanly; returns how many were served. */
  int serve(InputStream in, OutputStream out) throws IOException {
    DataInputStream data = new DataInputStream(in);
    while (true) {
      int length;
      try {
        length = Integer.reverseBytes(data.readInt());
      } catch (EOFException end) {
        return served;
      }
      byte[] request = new byte[length];
      data.readFully(request);
      byte[] response = answer(ConformanceRequest.parseFrom(request)).toByteArray();
      out.write(new byte[] {(byte) response.length, (byte) (response.length >>> 8), (byte) (response.length >>> 16),
          (byte) (response.length >>> 24)});
      out.write(response);
      out.flush();
      served++;
    }
  }

  /** The answer to one request. */
  ConformanceResponse answer(ConformanceRequest request) {
    ConformanceResponse.Builder response = ConformanceResponse.newBuilder();
    if (request.getMessageType().equals("conformance.FailureSet")) {
      return response.setProtobufPayload(FailureSet.getDefaultInstance().toByteString()).build();
    }
    Codec<GenericRecord> codec = codecs.get(request.getMessageType());
    if (codec == null) {
      return response.setSkipped("message type " + request.getMessageType() + " is not supported").build();
    }
    Codec<GenericRecord> json = (request.getTestCategory() == Conformance.TestCategory.JSON_IGNORE_UNKNOWN_PARSING_TEST
        ? jsonLenient : jsonStrict).get(request.getMessageType());
    boolean jsonIn = request.getPayloadCase() == ConformanceRequest.PayloadCase.JSON_PAYLOAD;
    boolean jsonOut = request.getRequestedOutputFormat() == WireFormat.JSON;
    if (!jsonIn && request.getPayloadCase() != ConformanceRequest.PayloadCase.PROTOBUF_PAYLOAD) {
      return response.setSkipped("input " + request.getPayloadCase() + " is not supported").build();
    }
    if (!jsonOut && request.getRequestedOutputFormat() != WireFormat.PROTOBUF) {
      return response.setSkipped("output " + request.getRequestedOutputFormat() + " is not supported").build();
    }
    if ((jsonIn || jsonOut) && json == null) {
      return response.setSkipped("JSON needs codec-protobuf-json on the class path").build();
    }
    GenericRecord record;
    try {
      record = jsonIn ? json.decode(request.getJsonPayload().getBytes(StandardCharsets.UTF_8))
          : codec.decode(request.getProtobufPayload().toByteArray());
    } catch (DecodeException e) {
      return response.setParseError(e.getMessage()).build();
    }
    try {
      return jsonOut ? response.setJsonPayload(new String(json.encode(record), StandardCharsets.UTF_8)).build()
          : response.setProtobufPayload(ByteString.copyFrom(codec.encode(record))).build();
    } catch (EncodeException e) {
      return response.setSerializeError(e.getMessage()).build();
    }
  }
}
