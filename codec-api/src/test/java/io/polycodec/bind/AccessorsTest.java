package io.polycodec.bind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polycodec.EncodeException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

class AccessorsTest {
  // Private on purpose: the accessors must work on records only their own lookup can reach.
  private record Sample(boolean b, byte by, short sh, int i, long l, float f, double d, String s, Optional<String> o) {}

  private static final Sample SAMPLE =
      new Sample(true, (byte) -7, (short) 300, -5, 1L << 40, 1.5f, -0.0, "héllo", Optional.of("x"));

  private static MethodHandle accessor(String name) throws Exception {
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(Sample.class, MethodHandles.lookup());
    for (RecordComponent c : Sample.class.getRecordComponents()) {
      if (c.getName().equals(name)) {
        return lookup.unreflect(c.getAccessor());
      }
    }
    throw new AssertionError(name);
  }

  private static Object primitive(String name) throws Exception {
    return Accessors.primitive(MethodHandles.privateLookupIn(Sample.class, MethodHandles.lookup()), Sample.class,
        accessor(name));
  }

  private static Function<Object, Object> reference(String name) throws Exception {
    return Accessors.reference(MethodHandles.privateLookupIn(Sample.class, MethodHandles.lookup()), Sample.class,
        accessor(name));
  }

  @Test
  @SuppressWarnings("unchecked")
  void primitiveAccessorsReadTheComponentsWithoutBoxing() throws Exception {
    assertTrue(((Predicate<Object>) primitive("b")).test(SAMPLE));
    assertEquals(-7, ((ToIntFunction<Object>) primitive("by")).applyAsInt(SAMPLE));
    assertEquals(300, ((ToIntFunction<Object>) primitive("sh")).applyAsInt(SAMPLE));
    assertEquals(-5, ((ToIntFunction<Object>) primitive("i")).applyAsInt(SAMPLE));
    assertEquals(1L << 40, ((ToLongFunction<Object>) primitive("l")).applyAsLong(SAMPLE));
    assertEquals(Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits(((ToDoubleFunction<Object>) primitive("d")).applyAsDouble(SAMPLE)));
    assertEquals(Float.floatToRawIntBits(1.5f), Float.floatToRawIntBits(((Accessors.FloatGetter) primitive("f")).get(SAMPLE)));
    assertNull(primitive("s"), "not a primitive");
  }

  @Test
  void referenceAccessorsReturnTheComponentAsItIs() throws Exception {
    assertEquals("héllo", reference("s").apply(SAMPLE));
    assertEquals(Optional.of("x"), reference("o").apply(SAMPLE));
    assertEquals(1.5f, reference("f").apply(SAMPLE));
    assertEquals(-5, reference("i").apply(SAMPLE));
  }

  @Test
  void aSignallingNanFloatKeepsItsBits() {
    float snan = Float.intBitsToFloat(0x7F80_0001);
    RecordBinding<Sample> b = RecordBinding.of(Sample.class);
    Sample s = new Sample(false, (byte) 0, (short) 0, 0, 0, snan, 0, "", Optional.empty());
    int f = b.schema().indexOf("f");
    for (int i = 0; i < 20_000; i++) { // long enough for the JIT to compile the path
      assertEquals(0x7F80_0001, Float.floatToRawIntBits(b.getFloat(s, f)));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void recordsOfOtherPackagesGetTheFastAccessorsToo() throws Exception {
    Class<?> type = io.polycodec.bind.elsewhere.Reading.class;
    MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    Object reading = new io.polycodec.bind.elsewhere.Reading(2.5f, 7L);
    for (RecordComponent c : type.getRecordComponents()) {
      Object getter = Accessors.primitive(lookup, type, lookup.unreflect(c.getAccessor()));
      if (c.getType() == float.class) {
        assertEquals(2.5f, ((Accessors.FloatGetter) getter).get(reading));
      } else {
        assertEquals(7L, ((ToLongFunction<Object>) getter).applyAsLong(reading));
      }
    }
  }

  @Test
  void aLookupWithoutFullPrivilegeGetsNullRatherThanAnError() throws Exception {
    assertNull(Accessors.reference(MethodHandles.publicLookup(), Sample.class, accessor("s")));
    assertNull(Accessors.primitive(MethodHandles.publicLookup(), Sample.class, accessor("i")));
  }

  @Test
  void theBindingReadsThroughThemAndStillRejectsForeignObjectsAndNulls() {
    RecordBinding<Sample> b = RecordBinding.of(Sample.class);
    int i = b.schema().indexOf("i");
    int s = b.schema().indexOf("s");
    int o = b.schema().indexOf("o");
    assertEquals(-5, b.getInt(SAMPLE, i));
    assertEquals("héllo", b.get(SAMPLE, s));
    assertEquals("x", b.get(SAMPLE, o), "Optional unwrapped to its value");
    assertNull(b.get(new Sample(false, (byte) 0, (short) 0, 0, 0, 0, 0, "", Optional.empty()), o));
    assertThrows(EncodeException.class, () -> b.getInt("not a sample", i));
    assertThrows(EncodeException.class, () -> b.get("not a sample", s));
    EncodeException e = assertThrows(EncodeException.class,
        () -> b.get(new Sample(false, (byte) 0, (short) 0, 0, 0, 0, 0, null, Optional.empty()), s));
    assertFalse(e.getMessage().isEmpty());
    EncodeException nullOptional = assertThrows(EncodeException.class,
        () -> b.get(new Sample(false, (byte) 0, (short) 0, 0, 0, 0, 0, "", null), o));
    assertTrue(nullOptional.getMessage().contains("Optional"), nullOptional.getMessage());
  }
}
