package io.polycodec.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.polycodec.GenericEnum;
import io.polycodec.GenericRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Asserts that a GenericRecord holds what protobuf-java's own parser (a DynamicMessage, or a generated
 * message) read from the same bytes: an oracle independent of the codec, walking the descriptor.
 */
final class DynamicCompare {
  private DynamicCompare() {}

  static void assertSameValues(Message expected, GenericRecord actual) {
    compareMessage(expected, actual, expected.getDescriptorForType().getFullName());
  }

  private static void compareMessage(Message m, GenericRecord r, String path) {
    assertEquals(m.getDescriptorForType().getFullName(), r.schema().name(), path);
    for (FieldDescriptor f : m.getDescriptorForType().getFields()) {
      String p = path + "." + f.getName();
      Object actual = r.get(f.getName());
      if (f.isMapField()) {
        Map<Object, Object> expected = new LinkedHashMap<>();
        FieldDescriptor kf = f.getMessageType().findFieldByNumber(1);
        FieldDescriptor vf = f.getMessageType().findFieldByNumber(2);
        for (Object e : (List<?>) m.getField(f)) {
          Message entry = (Message) e;
          expected.put(key(entry.getField(kf)), entry.getField(vf));
        }
        Map<?, ?> map = (Map<?, ?>) actual;
        assertEquals(expected.keySet(), map.keySet(), p + " keys");
        for (Map.Entry<Object, Object> e : expected.entrySet()) {
          compareValue(vf, e.getValue(), map.get(e.getKey()), p + "[" + e.getKey() + "]");
        }
      } else if (f.isRepeated()) {
        List<?> expected = (List<?>) m.getField(f);
        List<?> list = (List<?>) actual;
        assertEquals(expected.size(), list.size(), p + " size");
        for (int i = 0; i < expected.size(); i++) {
          compareValue(f, expected.get(i), list.get(i), p + "[" + i + "]");
        }
      } else if (f.hasPresence() && !m.hasField(f)) {
        assertNull(actual, p + " should be absent");
      } else {
        compareValue(f, m.getField(f), actual, p);
      }
    }
  }

  private static Object key(Object protoKey) {
    return protoKey;
  }

  private static void compareValue(FieldDescriptor f, Object expected, Object actual, String path) {
    switch (f.getType()) {
      case MESSAGE:
      case GROUP:
        assertTrue(actual instanceof GenericRecord, path + " should be a record, is " + actual);
        compareMessage((Message) expected, (GenericRecord) actual, path);
        return;
      case ENUM:
        assertEquals(((EnumValueDescriptor) expected).getNumber(), ((GenericEnum) actual).number(), path);
        return;
      case BYTES:
        assertArrayEquals(((ByteString) expected).toByteArray(), (byte[]) actual, path);
        return;
      case FLOAT:
        assertEquals(Float.floatToRawIntBits((Float) expected), Float.floatToRawIntBits((Float) actual), path);
        return;
      case DOUBLE:
        assertEquals(Double.doubleToRawLongBits((Double) expected), Double.doubleToRawLongBits((Double) actual), path);
        return;
      default:
        assertEquals(expected, actual, path);
    }
  }
}
