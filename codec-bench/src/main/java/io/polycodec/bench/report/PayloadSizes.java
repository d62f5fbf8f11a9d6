package io.polycodec.bench.report;

import com.google.flatbuffers.FlatBufferBuilder;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.bench.flatbuffers.FlatMapping;
import io.polycodec.bench.flatbuffers.FlatMappings;
import io.polycodec.bench.jackson.JacksonMappers;
import io.polycodec.bench.jackson.JacksonPeer;
import io.polycodec.bench.msgpack.MsgpackMapping;
import io.polycodec.bench.msgpack.MsgpackMappings;
import io.polycodec.bench.payload.Payload;
import io.polycodec.bench.protobuf.ProtoMappings;
import io.polycodec.msgpack.MsgpackKeys;
import io.polycodec.msgpack.MsgpackOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/** The encoded size of each payload on each path the benchmarks measure. */
public final class PayloadSizes {
  private PayloadSizes() {}

  /** Path name (as in the report's size table) to size in bytes, in a fixed order. */
  @SuppressWarnings("unchecked")
  public static Map<String, Integer> of(Payload p) {
    Object v = p.sample();
    Class<Object> type = (Class<Object>) p.type();
    Map<String, Integer> out = new LinkedHashMap<>();
    try {
      out.put("JSON Polycodec", Codecs.get("json", type).encode(v).length);
      out.put("JSON Jackson", JacksonPeer.of(JacksonMappers.json(), p).encode(v).length);
      out.put("Protobuf Polycodec", Codecs.get("protobuf", type).encode(v).length);
      out.put("Protobuf generated", ProtoMappings.of(p).toProto(v).toByteArray().length);
      out.put("MessagePack Polycodec (names)", Codecs.get("msgpack", type).encode(v).length);
      out.put("MessagePack Polycodec (tags)", Codecs.get("msgpack", type,
          CodecOptions.defaults().with(MsgpackOptions.KEYS, MsgpackKeys.TAGS)).encode(v).length);
      MsgpackMapping<Object> hand = MsgpackMappings.of(p);
      MessageBufferPacker packer = MessagePack.newDefaultBufferPacker();
      hand.write(packer, v);
      out.put("MessagePack by hand", packer.toByteArray().length);
      out.put("MessagePack jackson-dataformat-msgpack", JacksonPeer.of(JacksonMappers.msgpack(), p).encode(v).length);
      out.put("FlatBuffers Polycodec", Codecs.get("flatbuffers", type).encode(v).length);
      FlatMapping<Object> flat = FlatMappings.of(p);
      FlatBufferBuilder b = new FlatBufferBuilder(1024);
      b.finish(flat.build(b, v));
      out.put("FlatBuffers generated", b.sizedByteArray().length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
