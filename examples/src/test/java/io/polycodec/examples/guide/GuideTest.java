package io.polycodec.examples.guide;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

// begin guide.md
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.Codecs;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Fallback;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import io.polycodec.IntEncoded;
import io.polycodec.Limits;
import io.polycodec.Quantized;
import io.polycodec.SchemaException;
import io.polycodec.SchemaName;
import io.polycodec.Tag;
import io.polycodec.flatbuffers.FlatBuffersCodec;
import io.polycodec.flatbuffers.FlatView;
import io.polycodec.json.JsonOptions;
import io.polycodec.msgpack.MsgpackKeys;
import io.polycodec.msgpack.MsgpackOptions;
import io.polycodec.schema.IntEncoding;
import io.polycodec.schema.ListSchema;
import io.polycodec.schema.Quantization;
import io.polycodec.schema.RecordSchema;
import io.polycodec.schema.UnionSchema;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

import static java.nio.charset.StandardCharsets.UTF_8;
// end

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Every Java block of docs/guide.md, in order, between "begin guide.md" and "end" markers, plus the
 * FlatBuffers quick look of docs/flatbuffers.md ("begin flatbuffers.md"); {@link GuideSyncTest} checks
 * that the documents show exactly this code. What the guide says in comments is asserted right after
 * each block, outside the markers.
 */
class GuideTest {

  // begin guide.md
  @SchemaName("shop.Order")
  record Order(
      @Tag(1) long id,
      @Tag(2) @SchemaName("customer_name") String customer,
      @Tag(3) Status status,
      @Tag(4) List<Line> lines,
      @Tag(5) Optional<String> note,
      @Tag(6) @IntEncoded(IntEncoding.ZIGZAG) int balanceCents,
      @Tag(7) @Quantized(Quantization.FP16) float[] embedding,
      @Tag(8) Payment payment,
      @Tag(9) Map<String, Long> counters) {}

  record Line(@Tag(1) String sku, @Tag(2) int quantity) {}

  enum Status {
    @Tag(0) @Fallback UNKNOWN,
    @Tag(1) PLACED,
    @Tag(2) SHIPPED
  }

  sealed interface Payment permits Card, Invoice {}

  @Tag(1) record Card(@Tag(1) String last4) implements Payment {}

  @Tag(2) record Invoice(@Tag(1) String number, @Tag(2) Instant due) implements Payment {}
  // end

  static Order sampleOrder() {
    // begin guide.md
    Order order = new Order(42, "Ada", Status.PLACED, List.of(new Line("A-1", 2), new Line("B-7", 1)),
        Optional.empty(), -150, new float[] {0.25f, -1f, 3.5f}, new Card("4242"), Map.of("views", 3L));
    // end
    return order;
  }

  @Test
  void firstCodec() {
    Order order = sampleOrder();
    // begin guide.md
    Codec<Order> json = Codecs.get("json", Order.class);
    byte[] bytes = json.encode(order);
    Order back = json.decode(bytes);

    Codec<Order> protobuf = Codecs.get("protobuf", Order.class);
    Order same = protobuf.decode(protobuf.encode(order));
    // end
    String text = new String(bytes, UTF_8);
    assertTrue(text.contains("\"customer_name\":\"Ada\""), text);
    assertTrue(text.contains("\"@type\""), text);
    for (Order o : List.of(back, same)) {
      assertEquals(order.id(), o.id());
      assertEquals(order.lines(), o.lines());
      assertEquals(order.payment(), o.payment());
      assertEquals(order.counters(), o.counters());
      assertEquals(Optional.empty(), o.note());
      assertEquals(-150, o.balanceCents());
    }
  }

  // begin guide.md
  record Contact(@Tag(1) String name, @Tag(2) @Nullable String phone) {}
  // end

  @Test
  void nullableComponents() {
    // begin guide.md
    Codec<Contact> contacts = Codecs.get("protobuf", Contact.class);
    Contact noPhone = contacts.decode(contacts.encode(new Contact("Ada", null)));   // phone() is null
    // end
    assertEquals(new Contact("Ada", null), noPhone);
    assertTrue(Codecs.schemaOf(Contact.class).field("phone").optional());
    assertEquals(new Contact("Ada", ""), contacts.decode(contacts.encode(new Contact("Ada", ""))),
        "empty is not absent");
  }

  // begin guide.md
  @SchemaName("Size") enum SizeV1 { SMALL, LARGE }
  @SchemaName("Size") enum SizeV2 { MEDIUM, SMALL, LARGE }

  @SchemaName("Shirt") record ShirtV1(SizeV1 size) {}
  @SchemaName("Shirt") record ShirtV2(SizeV2 size) {}
  // end

  @Test
  void reorderingUntaggedConstantsChangesTheWire() {
    // begin guide.md
    byte[] large = Codecs.get("protobuf", ShirtV1.class).encode(new ShirtV1(SizeV1.LARGE));
    ShirtV2 read = Codecs.get("protobuf", ShirtV2.class).decode(large);   // size() is SMALL
    // end
    assertEquals(SizeV2.SMALL, read.size());
    // By name (JSON) the same change is harmless: the guide says so.
    byte[] json = Codecs.get("json", ShirtV1.class).encode(new ShirtV1(SizeV1.LARGE));
    assertEquals(SizeV2.LARGE, Codecs.get("json", ShirtV2.class).decode(json).size());
  }

  @Test
  void unknownConstantsReadAsTheFallback() {
    @SchemaName("Status") enum NewStatus { UNKNOWN, PLACED, SHIPPED, RETURNED }
    @SchemaName("Holder") record NewHolder(@Tag(1) NewStatus status) {}
    @SchemaName("Holder") record OldHolder(@Tag(1) Status status) {}
    byte[] bytes = Codecs.get("protobuf", NewHolder.class).encode(new NewHolder(NewStatus.RETURNED));
    assertEquals(Status.UNKNOWN, Codecs.get("protobuf", OldHolder.class).decode(bytes).status());
  }

  @Test
  void optionsAndLimits() {
    Order order = sampleOrder();
    // begin guide.md
    CodecOptions options = CodecOptions.defaults()
        .withLimits(Limits.defaults().withMaxMessageBytes(1 << 20).withMaxDepth(32))
        .with(JsonOptions.PRETTY, true);
    Codec<Order> pretty = Codecs.get("json", Order.class, options);

    Codec<Order> byTag = Codecs.get("msgpack", Order.class,
        CodecOptions.defaults().with(MsgpackOptions.KEYS, MsgpackKeys.TAGS));
    // end
    assertEquals(1 << 20, pretty.limits().maxMessageBytes());
    assertTrue(pretty.toString().startsWith("json codec of shop.Order as " + Order.class.getName()), pretty.toString());
    assertTrue(pretty.toString().contains("json.pretty=true") && pretty.toString().contains("maxDepth=32"), pretty.toString());
    assertTrue(byTag.toString().contains("msgpack.keys=TAGS"), byTag.toString());
    assertEquals(32, pretty.limits().maxDepth());
    assertTrue(new String(pretty.encode(order), UTF_8).contains("\n"));
    byte[] tagged = byTag.encode(order);
    byte[] named = Codecs.get("msgpack", Order.class).encode(order);
    assertTrue(tagged.length < named.length, tagged.length + " vs " + named.length);
    assertEquals(order.lines(), byTag.decode(tagged).lines());

    byte[] big = Codecs.get("json", Order.class).encode(
        new Order(1, "x".repeat(2 << 20), Status.PLACED, List.of(), Optional.empty(), 0, new float[0],
            new Card("1"), Map.of()));
    DecodeException e = assertThrows(DecodeException.class, () -> pretty.decode(big));
    assertEquals("json", e.format());
  }

  @Test
  void genericRecords() {
    Order order = sampleOrder();
    // begin guide.md
    RecordSchema schema = Codecs.schemaOf(Order.class);
    Codec<GenericRecord> generic = Codecs.generic("protobuf", schema);

    GenericRecord g = generic.decode(Codecs.get("protobuf", Order.class).encode(order));
    Long id = (Long) g.get("id");
    String customer = (String) g.get("customer_name");              // the schema's names, not Java's
    GenericEnum status = (GenericEnum) g.get("status");              // name() "PLACED", number() 1
    List<?> lines = (List<?>) g.get("lines");                        // a List of GenericRecord
    GenericRecord payment = (GenericRecord) g.get("payment");        // the member: schema().name() "Card"
    float[] embedding = (float[]) g.get("embedding");
    Map<?, ?> counters = (Map<?, ?>) g.get("counters");              // {views=3} with Long values
    Object note = g.get("note");                                     // null: an absent optional
    // end
    assertEquals(42L, id);
    assertEquals("Ada", customer);
    assertEquals("PLACED", status.name());
    assertEquals(1, status.number());
    assertEquals(2, lines.size());
    assertEquals("A-1", ((GenericRecord) lines.get(0)).get("sku"));
    assertEquals(2, ((GenericRecord) lines.get(0)).get("quantity"));
    assertEquals("Card", payment.schema().name());
    assertEquals("4242", payment.get("last4"));
    assertArrayEquals(new float[] {0.25f, -1f, 3.5f}, embedding);
    assertEquals(Map.of("views", 3L), counters);
    assertNull(note);
    assertEquals(Integer.class, g.get("balanceCents").getClass());

    // begin guide.md
    RecordSchema lineSchema = (RecordSchema) ((ListSchema) schema.field("lines").type()).element();
    RecordSchema cardSchema = ((UnionSchema) schema.field("payment").type()).members().get(0).record();

    GenericRecord built = GenericRecord.builder(schema)
        .set("id", 7L)
        .set("customer_name", "Grace")
        .set("status", "SHIPPED")                                    // or GenericEnum.of("SHIPPED", 2)
        .set("lines", List.of(GenericRecord.builder(lineSchema).set("sku", "C-3").set("quantity", 5).build()))
        .set("payment", GenericRecord.builder(cardSchema).set("last4", "0000").build())
        .build();                                                    // unset fields take their defaults
    Order typed = Codecs.get("protobuf", Order.class).decode(generic.encode(built));
    // end
    assertEquals(7L, typed.id());
    assertEquals("Grace", typed.customer());
    assertEquals(Status.SHIPPED, typed.status());
    assertEquals(List.of(new Line("C-3", 5)), typed.lines());
    assertEquals(new Card("0000"), typed.payment());
    assertEquals(0, typed.balanceCents());
    assertEquals(0, typed.embedding().length);
    assertEquals(Map.of(), typed.counters());
    assertEquals(Optional.empty(), typed.note());
    assertThrows(IllegalStateException.class, () -> GenericRecord.builder(schema).build(),
        "a non-optional union has no default");
  }

  // begin guide.md
  record Reading(@Tag(1) String sensor, @Tag(2) long takenAt, @Tag(3) double value, @Tag(4) float[] samples) {}
  // end

  @Test
  void flatViews() {
    // begin guide.md
    FlatBuffersCodec<Reading> flat = FlatBuffersCodec.of(Reading.class);
    byte[] bytes = flat.encode(new Reading("t-1", 1_700_000_000L, 21.5, new float[] {1f, 2f, 3f}));

    int value = flat.fieldIndex("value");                            // resolve names once, reuse the index
    FlatView<Reading> view = flat.view(ByteBuffer.wrap(bytes));      // verified; nothing decoded
    double v = view.getDouble(value);                                // one read, no allocation
    String sensor = view.getString("sensor");                        // decoded only when asked
    FloatBuffer samples = view.getFloatVector("samples");            // the floats where they lie
    Reading copy = view.toValue();                                   // or decode everything
    // end
    assertEquals(21.5, v);
    assertEquals("t-1", sensor);
    assertEquals(3, samples.remaining());
    assertEquals(2f, samples.get(1));
    assertEquals("t-1", copy.sensor());
    assertEquals(1_700_000_000L, view.getLong("takenAt"));
    assertTrue(samples.isReadOnly());
  }

  @Test
  void flatbuffersPageSnippet() {
    // begin flatbuffers.md
    record Order(@Tag(1) String customer, @Tag(2) long total, @Tag(3) Instant placed, @Tag(4) float[] embedding) {}

    FlatBuffersCodec<Order> codec = FlatBuffersCodec.of(Order.class);   // or Codecs.get("flatbuffers", Order.class)
    byte[] bytes = codec.encode(new Order("Ada", 1250, Instant.now(), new float[] {0.5f, 1.5f}));
    Order copy = codec.decode(bytes);                                   // verified, then decoded

    int total = codec.fieldIndex("total");                              // resolve names once, keep the index
    FlatView<Order> view = codec.view(ByteBuffer.wrap(bytes));          // verified, nothing decoded
    long sum = view.getLong(total);                                     // one read, no allocation
    ByteBuffer name = view.getUtf8("customer");                         // the UTF-8 bytes in place
    FloatBuffer embedding = view.getFloatVector("embedding");           // the floats in place
    String fbs = codec.fbs();                                           // the schema flatc needs
    // end
    assertEquals("Ada", copy.customer());
    assertEquals(1250, sum);
    assertEquals(3, name.remaining());
    assertEquals(1.5f, embedding.get(1));
    assertTrue(fbs.contains("table Order"), fbs);
  }

  // begin guide.md
  record Embedding(@Tag(1) String id, @Tag(2) @Quantized(Quantization.INT8) float[] vector) {}
  // end

  @Test
  void quantizedFields() {
    // begin guide.md
    Codec<Embedding> codec = Codecs.get("msgpack", Embedding.class);
    float[] v = {0.5f, -0.25f, 1.0f, 0.125f};
    Embedding back = codec.decode(codec.encode(new Embedding("e1", v)));
    // back.vector()[i] is within scale / 2 of v[i], where scale = max |v[i]| / 127
    // end
    float scale = 1.0f / 127;
    for (int i = 0; i < v.length; i++) {
      assertTrue(Math.abs(back.vector()[i] - v[i]) <= scale / 2 + 1e-7, i + ": " + back.vector()[i]);
    }
    assertFalse(Arrays.equals(v, back.vector()), "INT8 is lossy for these values");
    // INT8 costs one byte per element plus a four-byte scale; FP32 four bytes per element.
    record Plain(@Tag(1) String id, @Tag(2) float[] vector) {}
    float[] wide = new float[256];
    Arrays.fill(wide, 0.3f);
    int quantized = codec.encode(new Embedding("e", wide)).length;
    int plain = Codecs.get("msgpack", Plain.class).encode(new Plain("e", wide)).length;
    assertTrue(quantized < plain / 3, quantized + " vs " + plain);
  }

  @Test
  void framingAndStreams() throws IOException {
    // begin guide.md
    Codec<Line> codec = Codecs.get("protobuf", Line.class);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    codec.encodeDelimited(new Line("A-1", 2), out);                  // a varint length, then the message
    codec.encodeDelimited(new Line("B-7", 1), out);

    InputStream in = new ByteArrayInputStream(out.toByteArray());
    for (Line line; (line = codec.decodeDelimited(in)) != null; ) {   // null: the stream ended cleanly
      System.out.println(line);
    }

    ByteArrayOutputStream all = new ByteArrayOutputStream();
    codec.encodeAll(List.of(new Line("A-1", 2), new Line("B-7", 1)), all);
    List<Line> lines = codec.decodeAll(new ByteArrayInputStream(all.toByteArray()));
    // end
    assertEquals(List.of(new Line("A-1", 2), new Line("B-7", 1)), lines);
    assertArrayEquals(out.toByteArray(), all.toByteArray());
    byte[] cut = Arrays.copyOf(all.toByteArray(), all.size() - 1);
    assertThrows(DecodeException.class, () -> codec.decodeAll(new ByteArrayInputStream(cut)));
  }

  // begin guide.md
  record Signal(@Tag(1) String id, @Tag(2) float[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Signal v && id.equals(v.id) && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
      return 31 * id.hashCode() + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Signal[id=" + id + ", values=" + Arrays.toString(values) + "]";
    }
  }
  // end

  @Test
  void arraysInEquals() {
    // begin guide.md
    Codec<Reading> readings = Codecs.get("json", Reading.class);
    Reading r = new Reading("t-1", 0, 1.0, new float[] {1f});
    boolean equal = readings.decode(readings.encode(r)).equals(r);      // false: float[] compared by identity

    Codec<Signal> vectors = Codecs.get("json", Signal.class);
    Signal x = new Signal("v", new float[] {1f, 2f});
    boolean fixed = vectors.decode(vectors.encode(x)).equals(x);        // true
    // end
    assertFalse(equal);
    assertTrue(fixed);
    assertNotEquals(new Signal("v", new float[] {1f}), new Signal("v", new float[] {2f}));
  }

  @Test
  void errors() {
    // begin guide.md
    Codec<Line> json = Codecs.get("json", Line.class);
    try {
      json.decode("{\"sku\": \"A-1\", \"quantity\": \"two\"}".getBytes(UTF_8));
    } catch (DecodeException e) {
      System.out.println(e.format());       // json
      System.out.println(e.path());         // Line.quantity
      System.out.println(e.offset());       // where in the input, or -1 if not known
      System.out.println(e.getMessage());   // all of it in one line, for logs
    }

    try {
      json.encode(new Line(null, 1));       // a String field is not optional: use Optional<String>
    } catch (EncodeException e) {
      System.out.println(e.path());         // Line.sku
    }

    record Untyped(Object value) {}
    try {
      Codecs.get("json", Untyped.class);    // thrown when the codec is built, never later
    } catch (SchemaException e) {
      System.out.println(e.getMessage());
    }
    // end
    DecodeException d = assertThrows(DecodeException.class,
        () -> json.decode("{\"sku\": \"A-1\", \"quantity\": \"two\"}".getBytes(UTF_8)));
    assertEquals("json", d.format());
    assertEquals("Line.quantity", d.path());
    assertTrue(d.offset() > 0, "offset " + d.offset());
    // What the guide says this prints.
    assertEquals("json: at offset 27: Line.quantity: expected an integer, found a string", d.getMessage());
    EncodeException en = assertThrows(EncodeException.class, () -> json.encode(new Line(null, 1)));
    assertEquals("Line.sku", en.path());
    SchemaException s = assertThrows(SchemaException.class, () -> Codecs.get("json", Untyped.class));
    assertEquals("Untyped.value: Object is not supported; use a concrete type", s.getMessage());
  }
}
