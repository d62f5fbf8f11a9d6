package io.polycodec.flatbuffers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.flatbuffers.FlatBufferBuilder;
import com.google.flatbuffers.Table;
import io.polycodec.Capability;
import io.polycodec.Codec;
import io.polycodec.CodecOptions;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.SchemaException;
import io.polycodec.bind.RecordBinding;
import io.polycodec.flatbuffers.generated.Pet;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** flatc-generated classes behind the Codec surface, interoperating with Polycodec records. */
class FlatTableCodecTest {

  /** The same table as pet.fbs, as a record: tag = field id + 1. */
  record PetRecord(String name, int age, List<String> tags, double weight) {}

  private static byte[] built(String name, int age, String... tags) {
    FlatBufferBuilder b = new FlatBufferBuilder();
    int n = b.createString(name);
    int[] t = new int[tags.length];
    for (int i = 0; i < tags.length; i++) {
      t[i] = b.createString(tags[i]);
    }
    int tv = Pet.createTagsVector(b, t);
    b.finish(Pet.createPet(b, n, age, tv, 4.5));
    return b.sizedByteArray();
  }

  @Test
  void generatedAndPolycodecReadEachOther() {
    Codec<Pet> generated = FlatTableCodec.of(Pet.class);
    FlatBuffersCodec<PetRecord> records = FlatBuffersCodec.of(PetRecord.class);

    Pet pet = generated.decode(built("Rex", 7, "good", "dog"));
    assertEquals("Rex", pet.name());
    assertEquals("dog", pet.tags(1));
    assertEquals(new PetRecord("Rex", 7, List.of("good", "dog"), 4.5), records.decode(generated.encode(pet)));

    byte[] ours = records.encode(new PetRecord("Tom", 3, List.of("cat"), -1.25));
    Pet fromOurs = generated.decode(ours);
    assertEquals("Tom", fromOurs.name());
    assertEquals(3, fromOurs.age());
    assertEquals(1, fromOurs.tagsLength());
    assertEquals(-1.25, fromOurs.weight());
    assertArrayEquals(ours, generated.encode(fromOurs), "a decoded root table encodes to its own bytes");
  }

  @Test
  void decodeReadsInPlaceAndLeavesTheBufferAlone() {
    byte[] bytes = built("Rex", 7);
    ByteBuffer big = ByteBuffer.allocate(bytes.length + 8);
    big.position(8);
    big.put(bytes);
    big.position(8);
    Pet pet = FlatTableCodec.of(Pet.class).decode(big);
    assertEquals(8, big.position());
    assertEquals(java.nio.ByteOrder.BIG_ENDIAN, big.order());
    assertEquals(7, pet.age());
    big.put(8 + indexOfName(bytes), (byte) 'B');
    assertEquals("Bex", pet.name(), "the table reads the caller's bytes");
  }

  private static int indexOfName(byte[] bytes) {
    for (int i = 0; i + 3 <= bytes.length; i++) {
      if (bytes[i] == 'R' && bytes[i + 1] == 'e' && bytes[i + 2] == 'x') {
        return i;
      }
    }
    throw new AssertionError();
  }

  @Test
  void verificationThroughAPolycodecLayout() {
    FlatTableCodec<Pet> checked = FlatTableCodec.of(Pet.class, RecordBinding.of(PetRecord.class).schema(), CodecOptions.defaults());
    byte[] bytes = built("Rex", 7, "a");
    assertEquals("Rex", checked.decode(bytes).name());
    // With the name's offset far outside, the unchecked codec hands out a table that fails on access.
    Pet unchecked = FlatTableCodec.of(Pet.class).decode(corruptName(bytes.clone()));
    assertThrows(IndexOutOfBoundsException.class, unchecked::name);
    DecodeException e = assertThrows(DecodeException.class, () -> checked.decode(corruptName(bytes.clone())));
    assertTrue(e.getMessage().contains("Pet.name"), e.getMessage());
    assertThrows(DecodeException.class, () -> FlatTableCodec.of(Pet.class).decode(new byte[] {1, 0, 0}));
    assertThrows(DecodeException.class, () -> FlatTableCodec.of(Pet.class).decode(new byte[] {(byte) 200, 0, 0, 0}));
  }

  /** Sets the name field's offset (field id 0, vtable entry 4) to point far outside the buffer. */
  private static byte[] corruptName(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int table = b.getInt(0);
    int vt = table - b.getInt(table);
    b.putInt(table + b.getShort(vt + 4), 0x10000);
    return bytes;
  }

  @Test
  void nestedTablesCannotBeEncodedAlone() {
    FlatBufferBuilder b = new FlatBufferBuilder();
    int inner = Pet.createPet(b, b.createString("inner"), 1, 0, 0);
    b.finish(Pet.createPet(b, 0, 2, 0, 0));
    Pet nested = new Pet();
    ByteBuffer bb = b.dataBuffer();
    nested.__assign(bb.capacity() - inner, bb);
    EncodeException e = assertThrows(EncodeException.class, () -> FlatTableCodec.of(Pet.class).encode(nested));
    assertTrue(e.getMessage().contains("not the root table"), e.getMessage());
  }

  @Test
  void formatAndErrors() {
    FlatTableCodec<Pet> codec = FlatTableCodec.of(Pet.class);
    assertEquals("flatbuffers", codec.format().name());
    assertTrue(codec.format().has(Capability.ZERO_COPY));
    assertTrue(!codec.format().has(Capability.DETERMINISTIC));
    assertThrows(SchemaException.class, () -> FlatTableCodec.of(Table.class));
  }
}
