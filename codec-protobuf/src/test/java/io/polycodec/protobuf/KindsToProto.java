package io.polycodec.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.polycodec.protobuf.Kinds.Circle;
import io.polycodec.protobuf.Kinds.Square;
import io.polycodec.protobuf.testproto.Address;
import io.polycodec.protobuf.testproto.Everything;
import io.polycodec.protobuf.testproto.Lists;
import io.polycodec.protobuf.testproto.Maps;
import io.polycodec.protobuf.testproto.Optionals;
import io.polycodec.protobuf.testproto.Scalars;
import io.polycodec.protobuf.testproto.Shape;
import io.polycodec.protobuf.testproto.Tree;
import io.polycodec.protobuf.testproto.Vectors;
import io.polycodec.schema.Quantization;
import io.polycodec.vector.VectorBytes;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * The oracle: maps a {@link Kinds} record to the protoc-generated message a protobuf user would build
 * by hand for the same values, following protobuf's own rules (a non-optional scalar equal to its
 * default is simply not set; a set message field is always present). Written from the .proto, not
 * from the codec.
 */
final class KindsToProto {
  private KindsToProto() {}

  static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  static Address address(Kinds.Address a) {
    return Address.newBuilder().setStreet(a.street()).setZip(a.zip()).build();
  }

  static Shape shape(Kinds.Shape s) {
    Shape.Builder b = Shape.newBuilder();
    if (s instanceof Circle) {
      b.setCircle(io.polycodec.protobuf.testproto.Circle.newBuilder().setRadius(((Circle) s).radius()));
    } else {
      Square q = (Square) s;
      b.setSquare(io.polycodec.protobuf.testproto.Square.newBuilder().setSide(q.side()).setCorner(address(q.corner())));
    }
    return b.build();
  }

  static Scalars scalars(Kinds.Scalars s) {
    Scalars.Builder b = Scalars.newBuilder()
        .setFlag(s.flag()).setI32(s.i32()).setI64(s.i64()).setF32(s.f32()).setF64(s.f64()).setText(s.text())
        .setBlob(ByteString.copyFrom(s.blob())).setColorValue(number(s.color()))
        .setZz32(s.zz32()).setZz64(s.zz64()).setSf32(s.sf32()).setSf64(s.sf64()).setU32(s.u32()).setU64(s.u64())
        .setFx32(s.fx32()).setFx64(s.fx64());
    // A message field has presence: the user sets it unless it holds the default they mean by "unset".
    if (!s.at().equals(Instant.EPOCH)) {
      b.setAt(timestamp(s.at()));
    }
    return b.build();
  }

  static int number(Kinds.Color c) {
    return c == Kinds.Color.INFRARED ? -1 : c.ordinal();
  }

  static Optionals optionals(Kinds.Optionals o) {
    Optionals.Builder b = Optionals.newBuilder();
    if (o.flag() != null) {
      b.setFlag(o.flag());
    }
    o.i32().ifPresent(b::setI32);
    o.i64().ifPresent(b::setI64);
    if (o.f32() != null) {
      b.setF32(o.f32());
    }
    if (o.f64() != null) {
      b.setF64(o.f64());
    }
    o.text().ifPresent(b::setText);
    o.blob().ifPresent(v -> b.setBlob(ByteString.copyFrom(v)));
    o.at().ifPresent(v -> b.setAt(timestamp(v)));
    o.color().ifPresent(v -> b.setColorValue(number(v)));
    o.address().ifPresent(v -> b.setAddress(address(v)));
    o.shape().ifPresent(v -> b.setShape(shape(v)));
    if (o.zz32() != null) {
      b.setZz32(o.zz32());
    }
    return b.build();
  }

  private static <A, B> List<B> map(List<A> in, Function<A, B> f) {
    return in.stream().map(f).collect(java.util.stream.Collectors.toList());
  }

  static Lists lists(Kinds.Lists l) {
    return Lists.newBuilder()
        .addAllFlags(l.flags()).addAllI32S(l.i32s()).addAllI64S(l.i64s()).addAllF32S(l.f32s()).addAllF64S(l.f64s())
        .addAllTexts(l.texts()).addAllBlobs(map(l.blobs(), ByteString::copyFrom))
        .addAllAts(map(l.ats(), KindsToProto::timestamp)).addAllColorsValue(map(l.colors(), KindsToProto::number))
        .addAllAddresses(map(l.addresses(), KindsToProto::address)).addAllShapes(map(l.shapes(), KindsToProto::shape))
        .addAllZz32S(l.zz32s()).addAllZz64S(l.zz64s()).addAllSf32S(l.sf32s()).addAllSf64S(l.sf64s())
        .addAllU32S(l.u32s()).addAllU64S(l.u64s()).addAllFx32S(l.fx32s()).addAllFx64S(l.fx64s())
        .build();
  }

  static ByteString quantized(float[] v, Quantization q) {
    return v.length == 0 ? ByteString.EMPTY : ByteString.copyFrom(VectorBytes.encode(v, q));
  }

  static Vectors vectors(Kinds.Vectors v) {
    Vectors.Builder b = Vectors.newBuilder();
    for (float f : v.embedding()) {
      b.addEmbedding(f);
    }
    for (double d : v.series()) {
      b.addSeries(d);
    }
    return b.setHalf(quantized(v.half(), Quantization.FP16)).setBrain(quantized(v.brain(), Quantization.BF16))
        .setInt8(quantized(v.int8(), Quantization.INT8)).build();
  }

  static Maps maps(Kinds.Maps m) {
    Maps.Builder b = Maps.newBuilder().putAllScores(m.scores()).putAllNames(m.names());
    m.byId().forEach((k, v) -> b.putById(k, address(v)));
    m.byFlag().forEach((k, v) -> b.putByFlagValue(k, number(v)));
    m.shapes().forEach((k, v) -> b.putShapes(k, shape(v)));
    m.times().forEach((k, v) -> b.putTimes(k, timestamp(v)));
    m.blobs().forEach((k, v) -> b.putBlobs(k, ByteString.copyFrom(v)));
    return b.putAllDoubles(m.doubles()).putAllFloats(m.floats()).putAllBools(m.bools()).putAllLongs(m.longs()).build();
  }

  static Tree tree(Kinds.Tree t) {
    Tree.Builder b = Tree.newBuilder().setLabel(t.label()).addAllChildren(map(t.children(), KindsToProto::tree));
    t.parent().ifPresent(p -> b.setParent(tree(p)));
    t.shape().ifPresent(s -> b.setShape(shape(s)));
    return b.build();
  }

  static Everything everything(Kinds.Everything e) {
    return Everything.newBuilder().setScalars(scalars(e.scalars())).setOptionals(optionals(e.optionals()))
        .setLists(lists(e.lists())).setVectors(vectors(e.vectors())).setMaps(maps(e.maps())).setTree(tree(e.tree()))
        .setShape(shape(e.shape())).build();
  }
}
