package io.polycodec.protobuf.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.conformance.Conformance.ConformanceRequest;
import com.google.protobuf.conformance.Conformance.ConformanceResponse;
import com.google.protobuf.conformance.Conformance.FailureSet;
import com.google.protobuf.conformance.Conformance.WireFormat;
import io.polycodec.protobuf.ProtoImport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The conformance testee speaks the runner's protocol, in process and through its launcher script. */
class ConformanceTesteeTest {
  private static final String PROTO3 = "protobuf_test_messages.proto3.TestAllTypesProto3";

  private static Descriptor proto3() throws IOException {
    try (InputStream in = ConformanceTesteeTest.class.getResourceAsStream("/descriptors/test_messages.desc")) {
      FileDescriptorSet set = FileDescriptorSet.parseFrom(in);
      for (var f : ProtoImport.files(set)) {
        for (Descriptor d : f.getMessageTypes()) {
          if (d.getFullName().equals(PROTO3)) {
            return d;
          }
        }
      }
    }
    throw new AssertionError(PROTO3);
  }

  private static byte[] frames(List<ConformanceRequest> requests) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ConformanceRequest r : requests) {
      byte[] b = r.toByteArray();
      out.write(new byte[] {(byte) b.length, (byte) (b.length >>> 8), (byte) (b.length >>> 16), (byte) (b.length >>> 24)});
      out.write(b);
    }
    return out.toByteArray();
  }

  private static List<ConformanceResponse> responses(byte[] bytes) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
    List<ConformanceResponse> out = new ArrayList<>();
    while (in.available() > 0) {
      byte[] b = new byte[Integer.reverseBytes(in.readInt())];
      in.readFully(b);
      out.add(ConformanceResponse.parseFrom(b));
    }
    return out;
  }

  private static List<ConformanceRequest> requests(Descriptor d) {
    DynamicMessage message = DynamicMessage.newBuilder(d)
        .setField(d.findFieldByName("optional_sint64"), -5L)
        .setField(d.findFieldByName("optional_string"), "héllo")
        .addRepeatedField(d.findFieldByName("repeated_fixed32"), 7)
        .build();
    ConformanceRequest.Builder base = ConformanceRequest.newBuilder().setMessageType(PROTO3)
        .setRequestedOutputFormat(WireFormat.PROTOBUF);
    return List.of(
        ConformanceRequest.newBuilder().setMessageType("conformance.FailureSet")
            .setProtobufPayload(ByteString.EMPTY).setRequestedOutputFormat(WireFormat.PROTOBUF).build(),
        base.clone().setProtobufPayload(message.toByteString()).build(),
        base.clone().setProtobufPayload(ByteString.copyFrom(new byte[] {0x08, (byte) 0x80})).build(),
        base.clone().setJsonPayload("{}").build(),
        // text format is not served
        base.clone().setMessageType("protobuf_test_messages.editions.TestAllTypesEdition2023")
            .setProtobufPayload(ByteString.EMPTY).setRequestedOutputFormat(WireFormat.TEXT_FORMAT).build());
  }

  private static void check(Descriptor d, List<ConformanceResponse> answers, boolean json) throws IOException {
    assertEquals(5, answers.size());
    assertEquals(FailureSet.getDefaultInstance(), FailureSet.parseFrom(answers.get(0).getProtobufPayload()));
    DynamicMessage expected = DynamicMessage.parseFrom(d, requests(d).get(1).getProtobufPayload());
    assertEquals(expected, DynamicMessage.parseFrom(d, answers.get(1).getProtobufPayload()));
    assertEquals(ConformanceResponse.ResultCase.PARSE_ERROR, answers.get(2).getResultCase(), answers.get(2).toString());
    // JSON is answered only with the protobuf-json format on the class path (the launcher adds it once
    // codec-protobuf-json is built)
    if (json) {
      assertEquals(ByteString.EMPTY, answers.get(3).getProtobufPayload(), answers.get(3).toString());
    } else {
      assertEquals(ConformanceResponse.ResultCase.SKIPPED, answers.get(3).getResultCase());
    }
    assertEquals(ConformanceResponse.ResultCase.SKIPPED, answers.get(4).getResultCase());
  }

  @Test
  void answersEachRequestInProcess() throws IOException {
    Descriptor d = proto3();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int served = new ConformanceTestee().serve(new ByteArrayInputStream(frames(requests(d))), out);
    assertEquals(5, served);
    check(d, responses(out.toByteArray()),
        io.polycodec.Codecs.formats().stream().anyMatch(f -> f.name().equals("protobuf-json")));
  }

  @Test
  @DisabledOnOs(OS.WINDOWS)
  void theLauncherRunsTheTestee() throws Exception {
    Path launcher = Path.of("conformance", "testee").toAbsolutePath();
    assertTrue(Files.isExecutable(launcher), launcher + " should be executable");
    Descriptor d = proto3();
    File stderr = File.createTempFile("testee", ".err");
    stderr.deleteOnExit();
    Process p = new ProcessBuilder(launcher.toString()).redirectError(stderr).start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(frames(requests(d)));
    }
    byte[] answer = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the testee ends at EOF");
    assertEquals(0, p.exitValue(), () -> {
      try {
        return Files.readString(stderr.toPath());
      } catch (IOException e) {
        return e.toString();
      }
    });
    Path json = Path.of("..", "codec-protobuf-json", "target");
    check(d, responses(answer), Files.isDirectory(json.resolve("classes"))
        && Files.isRegularFile(json.resolve("runtime-classpath.txt")));
  }
}
