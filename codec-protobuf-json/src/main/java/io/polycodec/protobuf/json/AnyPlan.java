package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.bind.FieldSlots;
import io.polycodec.bind.RecordBinding;
import io.polycodec.json.jackson.BufferedObject;
import io.polycodec.schema.Kind;
import io.polycodec.schema.RecordSchema;
import java.io.IOException;
import java.util.Map;

/**
 * {@code google.protobuf.Any} of an imported schema (a record of {@code type_url} and {@code value}
 * bytes) in its JSON form: the held message's own object plus an {@code "@type"} key, or
 * {@code {"@type": …, "value": …}} when the held type is a well-known type with a special form (Any
 * itself included). The held message's bytes are read and written by the binary codec of its type in
 * {@link AnyTypes}; {@code "@type"} may come anywhere in the object (later than first, the object is
 * copied aside and read again once the type is known). An empty Any is {@code {}}.
 */
final class AnyPlan extends ValuePlan {
  static final String TYPE_KEY = "@type";

  private final RecordBinding<?> binding;
  private final Settings settings;
  private final Map<String, Target> targets;

  /** A type of the registry as compiled: the record plan of a message, or the plan of a special form. */
  static final class Target {
    final AnyTypes.Type type;
    final RecordPlan record;
    final ValuePlan special;

    Target(AnyTypes.Type type, ValuePlan plan) {
      this.type = type;
      this.record = plan instanceof MessagePlan ? ((MessagePlan) plan).record() : null;
      this.special = plan instanceof MessagePlan ? null : plan;
    }
  }

  AnyPlan(RecordBinding<?> binding, Settings settings, Map<String, Target> targets) {
    this.binding = binding;
    this.settings = settings;
    this.targets = targets;
  }

  /** Whether {@code s} is google.protobuf.Any as ProtoImport maps it. */
  static boolean isAny(RecordSchema s) {
    return s.name().equals("google.protobuf.Any") && s.size() == 2
        && s.field(0).name().equals("type_url") && s.field(0).type().kind() == Kind.STRING && !s.field(0).optional()
        && s.field(1).name().equals("value") && s.field(1).type().kind() == Kind.BYTES && !s.field(1).optional();
  }

  private Target target(String url, boolean encoding) {
    int slash = url.lastIndexOf('/');
    String name = url.substring(slash + 1);
    String shown = url.length() > 80 ? url.substring(0, 80) + "..." : url;
    String problem = null;
    if (slash < 0 || name.isEmpty()) {
      problem = "Any type URL \"" + shown + "\" has no '/' before the type name";
    } else if (targets.get(name) == null) {
      problem = "Any holds type " + (name.length() > 80 ? name.substring(0, 80) + "..." : name)
          + ", which is not in the codec's AnyTypes (ProtobufJsonOptions.ANY_TYPES)";
    }
    if (problem != null) {
      throw encoding ? new EncodeException(problem) : new DecodeException(problem);
    }
    return targets.get(name);
  }

  // ---- writing ---------------------------------------------------------------------------------------

  @Override
  void write(JsonGenerator g, Object v, int fieldDepth) throws IOException {
    int depth = fieldDepth + 1;
    settings.limits.checkDepth(depth, true);
    String url = (String) binding.get(v, 0);
    byte[] bytes = (byte[]) binding.get(v, 1);
    g.writeStartObject(v);
    if (url.isEmpty() && bytes.length == 0) {
      g.writeEndObject();
      return;
    }
    Target t = target(url, true);
    Object held;
    try {
      held = t.type.binary.decode(bytes);
    } catch (DecodeException e) {
      throw new EncodeException("Any of type " + t.type.schema.name() + " holds bytes that are not one: "
          + e.getMessage(), e);
    }
    g.writeFieldName(TYPE_KEY);
    g.writeString(url);
    if (t.record != null) {
      t.record.writeFields(g, held, depth);
    } else {
      g.writeFieldName("value");
      t.special.write(g, held, depth);
    }
    g.writeEndObject();
  }

  // ---- reading ---------------------------------------------------------------------------------------

  @Override
  Object read(JsonParser p, JsonToken t, int fieldDepth) throws IOException {
    int depth = fieldDepth + 1;
    if (t != JsonToken.START_OBJECT) {
      throw Scalars.expected("an object (an Any)", t);
    }
    settings.limits.checkDepth(depth, false);
    String first = p.nextFieldName();
    if (first == null) {
      return build("", new byte[0]);
    }
    if (first.equals(TYPE_KEY)) {
      String url = typeUrl(p, p.nextToken());
      Target target = target(url, false);
      return held(url, target, readBody(p, target, depth));
    }
    // "@type" is not the first key: copy the object aside, find the type, then read the copy.
    BufferedObject buf = new BufferedObject(settings.factory, p);
    String url = null;
    for (String name = first; name != null; name = p.nextFieldName()) {
      long keyOffset = p.currentTokenLocation().getByteOffset();
      JsonToken v = p.nextToken();
      if (name.equals(TYPE_KEY)) {
        if (url != null) {
          throw new DecodeException("Any has two \"" + TYPE_KEY + "\" keys");
        }
        url = typeUrl(p, v);
      } else {
        buf.copyField(name, keyOffset, p);
      }
    }
    buf.end(p);
    if (url == null) {
      throw new DecodeException("an Any with fields needs a \"" + TYPE_KEY + "\" key naming their type");
    }
    Target target = target(url, false);
    try (JsonParser copy = buf.parser()) {
      try {
        copy.nextToken();
        return held(url, target, readBody(copy, target, depth));
      } catch (CodecException e) {
        throw buf.relocate(e, copy);
      } catch (JsonProcessingException e) {
        throw buf.relocate(e, copy);
      }
    }
  }

  private static String typeUrl(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      throw Scalars.expected("the type URL as a string", t).prependField(TYPE_KEY);
    }
    return p.getText();
  }

  /** Reads the rest of the object (after or without "@type"): the message's fields, or "value". */
  private Object readBody(JsonParser p, Target target, int depth) throws IOException {
    if (target.record != null) {
      return target.record.read(p, depth);
    }
    Object held = null;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      JsonToken v = p.nextToken();
      if (!name.equals("value")) {
        if (!settings.ignoreUnknown) {
          throw new DecodeException("unknown key \"" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
              + "\" in an Any of " + target.type.schema.name() + ", which has only \"value\"");
        }
        p.skipChildren();
        continue;
      }
      if (held != null) {
        throw new DecodeException("\"value\" given twice");
      }
      try {
        held = target.special.read(p, v, depth);
      } catch (CodecException e) {
        throw e.prependField("value");
      }
    }
    if (held == null) {
      throw new DecodeException("an Any of " + target.type.schema.name() + " needs its \"value\"");
    }
    return held;
  }

  private Object held(String url, Target target, Object message) {
    byte[] bytes;
    try {
      bytes = target.type.binary.encode(target.type.binding.javaType().cast(message));
    } catch (EncodeException e) {
      throw new DecodeException("the " + target.type.schema.name() + " in an Any cannot be encoded: " + e.getMessage(), e);
    }
    return build(url, bytes);
  }

  private Object build(String url, byte[] bytes) {
    FieldSlots slots = binding.newSlots();
    slots.set(0, url);
    slots.set(1, bytes);
    return binding.build(slots);
  }
}
