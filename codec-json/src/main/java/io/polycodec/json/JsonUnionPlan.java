package io.polycodec.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import io.polycodec.CodecException;
import io.polycodec.DecodeException;
import io.polycodec.EncodeException;
import io.polycodec.Limits;
import io.polycodec.bind.UnionBinding;
import io.polycodec.json.jackson.BufferedObject;
import io.polycodec.schema.UnionSchema;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A union: the member's object with an {@code "@type"} key naming the member, written first; read in
 * one pass when it comes first, else from a copy of the object.
 */
final class JsonUnionPlan extends JsonValuePlan {
  private final UnionBinding union;
  private final JsonRecordPlan[] members;
  private final SerializedString[] memberNames;
  private final Map<String, Integer> memberIndex = new HashMap<>();
  private final JsonFactory factory;
  private final Limits limits;

  JsonUnionPlan(UnionBinding union, JsonPlanCompiler compiler) {
    this.union = union;
    this.factory = compiler.factory;
    this.limits = compiler.limits;
    UnionSchema u = union.schema();
    union.requireRecordMembers("json");
    int n = u.members().size();
    members = new JsonRecordPlan[n];
    memberNames = new SerializedString[n];
    for (int i = 0; i < n; i++) {
      members[i] = compiler.record(union.member(i));
      memberNames[i] = new SerializedString(u.members().get(i).name());
      memberIndex.put(u.members().get(i).name(), i);
    }
  }

  @Override
  void write(JsonGenerator g, Object v, int depth) throws IOException {
    writeUnion(g, v, depth + 1);
  }

  @Override
  Object read(JsonParser p, JsonToken t, int depth) throws IOException {
    return readUnion(p, t, depth + 1);
  }

  private void writeUnion(JsonGenerator g, Object v, int depth) throws IOException {
    int m = union.memberIndex(v);
    if (m < 0) {
      throw new EncodeException(v.getClass().getName() + " is not a member of union " + union.schema().name());
    }
    // The member record is the union's level (the depth rule of Limits#maxDepth), as on decode.
    limits.checkDepth(depth, true);
    g.writeStartObject(v);
    g.writeFieldName(TYPE_KEY);
    g.writeString(memberNames[m]);
    members[m].writeFields(g, union.unwrap(v), depth);
    g.writeEndObject();
  }

  private Object readUnion(JsonParser p, JsonToken t, int depth) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw JsonScalars.expected("an object with a \"" + TYPE_KEY + "\" key", t);
    }
    limits.checkDepth(depth, false);
    String first = p.nextFieldName();
    if (TYPE_KEY.equals(first)) {
      int m = member(p, p.nextToken());
      return union.wrap(m, members[m].readRest(p, depth));
    }
    return readUnionBuffered(p, first, depth);
  }

  private int member(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.VALUE_STRING) {
      throw JsonScalars.expected("the member name of union " + union.schema().name() + " as a string", t);
    }
    String name = p.getText();
    Integer m = memberIndex.get(name);
    if (m == null) {
      throw new DecodeException("unknown member \"" + (name.length() > 40 ? name.substring(0, 40) + "..." : name)
          + "\" of union " + union.schema().name() + "; members: " + memberIndex.keySet());
    }
    return m;
  }

  // "@type" is not the first key: copy the object aside, find the member, then read the copy. Only JSON
  // written by other tools takes this path; Polycodec always writes "@type" first.
  private Object readUnionBuffered(JsonParser p, String first, int depth) throws IOException {
    BufferedObject buf = new BufferedObject(factory, p);
    int m = -1;
    for (String name = first; name != null; name = p.nextFieldName()) {
      long keyOffset = p.currentTokenLocation().getByteOffset();
      JsonToken v = p.nextToken();
      if (TYPE_KEY.equals(name)) {
        m = member(p, v);
      } else {
        buf.copyField(name, keyOffset, p);
      }
    }
    buf.end(p);
    if (m < 0) {
      throw new DecodeException("union " + union.schema().name() + " needs a \"" + TYPE_KEY + "\" key naming its member");
    }
    try (JsonParser copy = buf.parser()) {
      try {
        copy.nextToken();
        return union.wrap(m, members[m].read(copy, depth));
      } catch (CodecException e) {
        throw buf.relocate(e, copy);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw buf.relocate(e, copy);
      }
    }
  }
}
