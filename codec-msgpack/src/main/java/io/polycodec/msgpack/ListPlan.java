package io.polycodec.msgpack;

import io.polycodec.CodecException;
import io.polycodec.EncodeException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Lists as arrays. Elements are never null; decoded lists are unmodifiable. */
final class ListPlan extends TypePlan {
  private final TypePlan element;

  ListPlan(TypePlan element) {
    this.element = element;
  }

  @Override
  void write(EncodeContext cx, Object value) throws IOException {
    List<?> list = (List<?>) value;
    cx.checkCollection(list.size());
    cx.enter();
    cx.packer.packArrayHeader(list.size());
    int i = 0;
    for (Object e : list) {
      if (e == null) {
        throw new EncodeException("null element").prependIndex(i);
      }
      try {
        element.write(cx, e);
      } catch (CodecException x) {
        throw x.prependIndex(i);
      } catch (ClassCastException x) {
        throw new EncodeException("element of the wrong class " + e.getClass().getName(), x).prependIndex(i);
      }
      i++;
    }
    cx.exit();
  }

  @Override
  Object read(MsgpackReader in) {
    int at = in.offset();
    int n = in.readArrayHeader();
    in.enter(at);
    List<Object> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      try {
        if (in.tryNil()) {
          throw MsgpackReader.fail(in.offset() - 1, "nil in a list, whose elements are never null");
        }
        out.add(element.read(in));
      } catch (CodecException x) {
        throw x.prependIndex(i);
      }
    }
    in.exit();
    return Collections.unmodifiableList(out);
  }
}
