package io.polycodec.protobuf.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.polycodec.schema.ProtoJsonNames;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.bind.UnionBinding;
import io.polycodec.schema.UnionSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A union is codec-protobuf's wrapper message: one oneof whose fields are the members, so in JSON an
 * object with one key, the member's JSON name, holding the member record.
 */
final class UnionPlan extends ValuePlan {
  private final UnionBinding union;
  private final Settings settings;
  private final RecordPlan[] members;
  private final SerializedString[] memberNames;
  private final Map<String, Integer> memberIndex = new HashMap<>();

  UnionPlan(UnionBinding union, PlanCompiler compiler) {
    this.union = union;
    this.settings = compiler.settings;
    UnionSchema u = union.schema();
    int n = u.members().size();
    members = new RecordPlan[n];
    memberNames = new SerializedString[n];
    List<String> names = new ArrayList<>();
    for (UnionSchema.Member m : u.members()) {
      names.add(m.name());
    }
    List<String> keys = ProtoJsonNames.keys(names, settings.protoNames);
    for (int i = 0; i < n; i++) {
      members[i] = compiler.record(union.member(i));
      memberNames[i] = new SerializedString(keys.get(i));
      memberIndex.put(names.get(i), i);
      memberIndex.putIfAbsent(keys.get(i), i);
    }
  }

  @Override
  void write(JsonGenerator g, Object v, int depth) throws IOException {
    int d = depth + 1;
    int m = union.memberIndex(v);
    if (m < 0) {
      throw new EncodeException(v.getClass().getName() + " is not a member of union " + union.schema().name());
    }
    settings.limits.checkDepth(d, true);
    g.writeStartObject(v);
    g.writeFieldName(memberNames[m]);
    try {
      members[m].write(g, v, d);
    } catch (CodecException e) {
      throw e.prependField(memberNames[m].getValue());
    }
    g.writeEndObject();
  }

  @Override
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    int d = depth + 1;
    if (t != JsonToken.START_OBJECT) {
      throw Scalars.expected("an object holding one member of union " + union.schema().name(), t);
    }
    settings.limits.checkDepth(d, false);
    Object value = null;
    String chosen = null;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      Integer m = memberIndex.get(name);
      JsonToken v = p.nextToken();
      if (m == null) {
        if (!settings.ignoreUnknown) {
          throw new DecodeException("unknown member \"" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
              + "\" of union " + union.schema().name() + "; members: " + memberIndex.keySet());
        }
        p.skipChildren();
        continue;
      }
      if (v == JsonToken.VALUE_NULL) {
        continue;
      }
      if (chosen != null) {
        throw new DecodeException("union " + union.schema().name() + " holds both " + chosen + " and " + name);
      }
      if (v != JsonToken.START_OBJECT) {
        throw Scalars.expected("an object", v).prependField(name);
      }
      chosen = name;
      try {
        value = members[m].read(p, d);
      } catch (CodecException e) {
        throw e.prependField(name);
      }
    }
    if (value == null) {
      throw new DecodeException("union " + union.schema().name() + " holds no member; members: " + memberIndex.keySet());
    }
    return value;
  }
}
