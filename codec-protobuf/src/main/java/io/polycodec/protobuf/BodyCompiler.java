package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Spins a {@link CompiledBody} for each {@link MessagePlan} of a record whose every field has a shape
 * spun here (see {@link #spec}): primitives, strings, Java enums, nested records, Timestamps and
 * Durations, each plain or optional, lists of strings and records, packed lists of numbers and enums. A
 * hidden class (defined with {@link MethodHandles.Lookup#defineHiddenClassWithClassData}, bytecode from
 * ASM) whose methods are the plan's field loop unrolled (a size pass {@code measure} and a write pass
 * {@code emit}, or one {@code writeDirect}; see below): each field read with the record's accessor and
 * measured/written inline with protobuf-java's static size methods and {@code CodedOutputStream} calls.
 * Why: the interpreted loop makes, per field and per pass, one megamorphic call on the field codec and
 * one on the getter lambda, which was most of the cost (issue 23; docs/benchmarks.md).
 *
 * <p>Nested records. A parent's spun code calls its child's spun body through a static final constant of
 * its own class, so each call site sees one receiver and binds statically; the child's methods are
 * separate and, when large, compiled on their own (rather than one huge method that exhausts the JIT's
 * inlining budget, which is what sank the first attempt of calling every field codec from one method).
 * Plans are spun children first; a child met again through a recursive record, or not spun, is called
 * through its plan. Message sizes are noted in {@link Sizes} in the same pre-order as the interpreted plan
 * does, so spun and interpreted plans mix freely and give the same bytes.
 *
 * <p>Direct writing. A record whose fields are all inline, or messages written so too, or maps of
 * scalars, or vectors ({@link #isDirect}), gets {@code writeDirect}, that writes it with nothing measured
 * first into an {@link AheadBuffer} (whose write methods have {@code CodedOutputStream}'s names, so one
 * emitter serves both): a nested message's or packed list's length is written after it. The size pass then writes such a
 * record whole ({@link Sizes#writeAhead}) and the write pass copies its bytes: one walk over its fields
 * instead of two, and no {@code measure}/{@code emit} spun for it. A graph of such records (media, user,
 * twitter, telemetry in codec-bench) is walked once and copied once. A direct record of numbers only keeps
 * its two passes too, for parents that measure ({@link #writesAhead}).
 *
 * <p>Errors. The spun code names no field: a null where a value is required, a failing accessor or a
 * limit throws, and the codec measures again with the interpreted plans, which throw the error with its
 * field path (see {@link ProtobufCodec}). Limits (depth, collection size, string bytes, 2 GiB) are checked
 * by the same {@link Sizes} calls as on the interpreted path.
 *
 * <p>A class is spun only when the record class is accessible to this package and resolves to the same
 * class from codec-protobuf's class loader. The property test against protoc-generated code
 * ({@code SpunShapesProperties}) runs on a graph spun throughout, and {@code SpunEncoderTest} compares
 * both paths.
 *
 * <p>Assumption: the value of a spun field is its component's value unchanged (or unwrapped from its
 * {@code Optional}), which is what {@link io.polycodec.bind.RecordBinding} does for components of those
 * types; adapted components and any representation that converts (string forms, boxes, sets) keep the
 * record interpreted.
 */
final class BodyCompiler {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final String BASE = Type.getInternalName(CompiledBody.class);
  private static final String COS = Type.getInternalName(CodedOutputStream.class);
  private static final String SIZES = Type.getInternalName(Sizes.class);
  private static final String SIZES_DESC = Type.getDescriptor(Sizes.class);
  private static final String COS_DESC = Type.getDescriptor(CodedOutputStream.class);
  private static final String AHEAD = Type.getInternalName(AheadBuffer.class);
  private static final String AHEAD_WRITE =
      "(" + Type.getDescriptor(AheadBuffer.class) + "Ljava/lang/Object;" + SIZES_DESC + ")V";
  private static final String OBJ = "java/lang/Object";
  private static final String LIST = "java/util/List";
  private static final String BODY_SIZE = "(Ljava/lang/Object;" + SIZES_DESC + ")J";
  private static final String BODY_WRITE = "(" + COS_DESC + "Ljava/lang/Object;" + SIZES_DESC + ")V";

  // Local slots. size(Object record, Sizes sizes): 1 record, 2 sizes, 3-4 the total. write(CodedOutputStream
  // out, Object record, Sizes sizes): 1 out, 2 record, 3 sizes. Both: the ones below. Reference slots are
  // cast again wherever they are used, so frames that merge two reference types (as Object) never matter.
  private static final int TYPED = 5;
  private static final int LONG = 6;
  private static final int INT = 8;
  private static final int VALUE = 9;
  private static final int COUNT = 10;
  private static final int INDEX = 15;
  private static final int ELEMENT = 11;
  private static final int PAYLOAD = 12;
  private static final int SLOT = 14;
  private static final int TOTAL = 3;

  private BodyCompiler() {}

  /** How a field's value is held by its record component. */
  private enum Wrap {
    /** The component is the value (non-optional; checked against the default). */
    NONE,
    /** {@code Optional<T>}: absent is left out, present is written even if it equals the default. */
    OPTIONAL,
    /** {@code OptionalInt}. */
    OPTIONAL_INT,
    /** {@code OptionalLong}. */
    OPTIONAL_LONG,
    /** {@code OptionalDouble}. */
    OPTIONAL_DOUBLE,
    /** A nullable reference of an optional field: null is left out, anything else written. */
    NULLABLE,
    /**
     * A reference of a required field, written always: null throws, and the codec measures again with
     * the interpreted plan, which reports it.
     */
    PRESENT
  }

  /** What one value is on the wire. */
  private enum Kind {
    PRIMITIVE, STRING, ENUM, MESSAGE, SECONDS_NANOS,
    /** A field of another shape: its interpreted {@link FieldCodec} is called, with all it honours. */
    DELEGATE
  }

  /** How one field is spun. */
  private static final class Spec {
    final FieldCodec field;
    final RecordComponent component;
    final Wrap wrap;
    final Kind kind;
    /** For PRIMITIVE (and ENUM: INT32), the scalar type. */
    final ScalarType type;
    final boolean list;
    final boolean packed;
    /** The constant the value needs (EnumBinding, child CompiledBody or MessagePlan, SecondsNanosValue), or null. */
    Object constant;
    int constantIndex = -1;

    Spec(FieldCodec field, RecordComponent component, Wrap wrap, Kind kind, ScalarType type, boolean list, boolean packed) {
      this.field = field;
      this.component = component;
      this.wrap = wrap;
      this.kind = kind;
      this.type = kind == Kind.ENUM ? ScalarType.INT32 : type;
      this.list = list;
      this.packed = packed;
    }

    boolean wide() {
      return type != null && type.isWide();
    }
  }

  /**
   * The spun body of {@code plan}, whose fields in number order are {@code ordered}; null for a plan of
   * {@link io.polycodec.GenericRecord}s (they keep unknown fields, and have no accessors), for a record
   * with a field of a shape not spun (see {@link #spec}), or if the class cannot be defined here (then the
   * interpreted plan serves, equally correct).
   */
  static CompiledBody compile(MessagePlan plan, FieldCodec[] ordered) {
    Class<?> type = plan.binding.javaType();
    if (plan.binding.isGeneric() || !type.isRecord() || ordered.length == 0) {
      return null;
    }
    try {
      RecordComponent[] comps = direct(type, plan.binding.schema().size());
      if (comps == null) {
        return null;
      }
      Spec[] specs = new Spec[ordered.length];
      List<Object> constants = new ArrayList<>();
      int inline = 0;
      for (int i = 0; i < ordered.length; i++) {
        specs[i] = spec(ordered[i], comps[ordered[i].index]);
        if (specs[i] == null) {
          specs[i] = new Spec(ordered[i], comps[ordered[i].index], Wrap.NONE, Kind.DELEGATE, null, false, false);
          specs[i].constant = ordered[i];
        } else {
          inline++;
        }
        if (specs[i].constant != null) {
          specs[i].constantIndex = constants.size();
          constants.add(specs[i].constant);
        }
      }
      return inline == 0 ? null : define(type, specs, constants);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  /** The record's components if its accessors can be called from here, else null. */
  private static RecordComponent[] direct(Class<?> type, int fields) {
    try {
      LOOKUP.accessClass(type);
      if (Class.forName(type.getName(), false, BodyCompiler.class.getClassLoader()) != type) {
        return null;
      }
    } catch (IllegalAccessException | ClassNotFoundException | LinkageError | SecurityException e) {
      return null;
    }
    RecordComponent[] comps = type.getRecordComponents();
    return comps != null && comps.length == fields ? comps : null;
  }

  /**
   * How field {@code f} of component {@code c} is spun inline, or null if it is not (then the spun code
   * calls the field's own codec: {@link Kind#DELEGATE}). Inline: primitives and strings; enums of Java
   * enum types; nested records; Timestamps and Durations; each plain, or in {@code Optional}/
   * {@code OptionalInt}/{@code OptionalLong}/{@code OptionalDouble} (or a nullable reference); lists of
   * strings and records, packed lists of {@code Integer}s, {@code Long}s and enums. Through their codec:
   * fields with a default of their own (only the interpreted codecs compare with it), adapted components
   * (only the binding applies the adapter, even onto the same type), bytes, unions, maps, vectors, sets,
   * groups and boxed primitives. A record with no inline field is not spun.
   */
  private static Spec spec(FieldCodec f, RecordComponent c) {
    if (c.isAnnotationPresent(io.polycodec.Adapted.class)) {
      return null;
    }
    Class<?> javaType = c.getType();
    if (f instanceof PrimitiveField) {
      PrimitiveField p = (PrimitiveField) f;
      return p.defaultBits == 0 && javaType == primitiveOf(p.type)
          ? new Spec(f, c, Wrap.NONE, Kind.PRIMITIVE, p.type, false, false) : null;
    }
    if (f instanceof ValueField) {
      ValueField v = (ValueField) f;
      if (v.ownDefault != null && !v.optional) {
        return null;
      }
      Spec s;
      if (!v.optional) {
        s = valueSpec(f, c, Wrap.NONE, v.codec, javaType);
      } else if (javaType == java.util.Optional.class) {
        s = valueSpec(f, c, Wrap.OPTIONAL, v.codec, typeArgument(c));
      } else if (javaType == java.util.OptionalInt.class || javaType == java.util.OptionalLong.class
          || javaType == java.util.OptionalDouble.class) {
        ScalarType t = v.codec instanceof ScalarValue ? ((ScalarValue) v.codec).type : null;
        Wrap w = javaType == java.util.OptionalInt.class ? Wrap.OPTIONAL_INT
            : javaType == java.util.OptionalLong.class ? Wrap.OPTIONAL_LONG : Wrap.OPTIONAL_DOUBLE;
        boolean fits = t != null && (w == Wrap.OPTIONAL_DOUBLE ? t == ScalarType.DOUBLE
            : w == Wrap.OPTIONAL_LONG ? t.isWide() && t != ScalarType.DOUBLE
            : primitiveOf(t) == int.class && t != ScalarType.INT8 && t != ScalarType.INT16);
        s = fits ? new Spec(f, c, w, Kind.PRIMITIVE, t, false, false) : null;
      } else {
        boolean absentIfNull = f.binding.schema().field(f.index).optional() && !f.binding.schema().field(f.index).required();
        s = javaType.isPrimitive() ? null : valueSpec(f, c, absentIfNull ? Wrap.NULLABLE : Wrap.PRESENT, v.codec, javaType);
      }
      return s;
    }
    if (f instanceof ListField && javaType == List.class) {
      ListField l = (ListField) f;
      Class<?> element = typeArgument(c);
      ValueCodec codec = l.element;
      if (!l.packed && codec instanceof ScalarValue && ((ScalarValue) codec).type == ScalarType.STRING
          && element == String.class) {
        return new Spec(f, c, Wrap.NONE, Kind.STRING, null, true, false);
      }
      if (!l.packed && codec instanceof MessageValue && element == ((MessageValue) codec).plan.binding.javaType()) {
        return message(new Spec(f, c, Wrap.NONE, Kind.MESSAGE, null, true, false), (MessageValue) codec);
      }
      if (l.packed && codec instanceof EnumValue && element != null && element.isEnum()
          && ((EnumValue) codec).binding.javaType() == element) {
        Spec s = new Spec(f, c, Wrap.NONE, Kind.ENUM, null, true, true);
        s.constant = ((EnumValue) codec).binding;
        return s;
      }
      if (l.packed && codec instanceof ScalarValue) {
        ScalarType t = ((ScalarValue) codec).type;
        boolean fits = element == Integer.class ? primitiveOf(t) == int.class && t != ScalarType.INT8 && t != ScalarType.INT16
            : element == Long.class && t.isWide() && t != ScalarType.DOUBLE;
        return fits ? new Spec(f, c, Wrap.NONE, Kind.PRIMITIVE, t, true, true) : null;
      }
    }
    return null;
  }

  /** A singular value of {@code codec} held as {@code held} (the component's type, or its Optional's argument). */
  private static Spec valueSpec(FieldCodec f, RecordComponent c, Wrap wrap, ValueCodec codec, Class<?> held) {
    if (held == null) {
      return null;
    }
    if (codec instanceof ScalarValue) {
      return ((ScalarValue) codec).type == ScalarType.STRING && held == String.class
          ? new Spec(f, c, wrap, Kind.STRING, null, false, false) : null;
    }
    if (codec instanceof EnumValue) {
      EnumValue e = (EnumValue) codec;
      if (!held.isEnum() || e.binding.javaType() != held) {
        return null;
      }
      Spec s = new Spec(f, c, wrap, Kind.ENUM, null, false, false);
      s.constant = e.binding;
      return s;
    }
    if (codec instanceof MessageValue) {
      return held == ((MessageValue) codec).plan.binding.javaType()
          ? message(new Spec(f, c, wrap, Kind.MESSAGE, null, false, false), (MessageValue) codec) : null;
    }
    if (codec == TimestampValue.INSTANCE && held == java.time.Instant.class
        || codec == DurationValue.INSTANCE && held == java.time.Duration.class) {
      Spec s = new Spec(f, c, wrap, Kind.SECONDS_NANOS, null, false, false);
      s.constant = codec;
      return s;
    }
    return null;
  }

  /** Links a message field to the child's spun body if it has one, else to the child's plan. */
  private static Spec message(Spec s, MessageValue m) {
    CompiledBody child = m.plan.compiled();
    s.constant = child != null ? child : m.plan;
    return s;
  }

  /** The class argument of a component's {@code Optional<T>} or {@code List<T>}, or null. */
  private static Class<?> typeArgument(RecordComponent c) {
    java.lang.reflect.Type g = c.getGenericType();
    if (g instanceof ParameterizedType) {
      java.lang.reflect.Type[] args = ((ParameterizedType) g).getActualTypeArguments();
      if (args.length == 1 && args[0] instanceof Class) {
        return (Class<?>) args[0];
      }
    }
    return null;
  }

  private static Class<?> primitiveOf(ScalarType t) {
    switch (t) {
      case BOOL: return boolean.class;
      case INT8: return byte.class;
      case INT16: return short.class;
      case FLOAT: return float.class;
      case DOUBLE: return double.class;
      case STRING: case BYTES: return null;
      default: return t.isWide() ? long.class : int.class;
    }
  }

  private static CompiledBody define(Class<?> type, Spec[] specs, List<Object> constants)
      throws ReflectiveOperationException {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return OBJ; // reference slots are cast where used; see the slot layout above
      }
    };
    String self = BodyCompiler.class.getPackageName().replace('.', '/') + "/SpunBody";
    cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, self, null, BASE, null);
    constants(cw, self, constants);
    boolean direct = isDirect(specs);
    boolean ahead = direct && writesAhead(specs);
    constructor(cw, direct, ahead);
    Emitter e = new Emitter(self, Type.getInternalName(type), constants);
    if (!ahead) { // a record written ahead is never measured and written in two passes
      e.size(cw, specs);
      e.write(cw, specs, false);
    }
    if (direct) {
      e.write(cw, specs, true);
    }
    cw.visitEnd();
    MethodHandles.Lookup lookup = LOOKUP.defineHiddenClassWithClassData(cw.toByteArray(), constants.toArray(), true);
    return (CompiledBody) lookup.lookupClass().getDeclaredConstructor().newInstance();
  }

  /**
   * One static final field per constant, set from the class data in the static initializer: the JIT
   * folds static finals, so each call on a child body, enum binding or Timestamp codec is bound
   * statically and can be inlined (a parent's call site sees one child only).
   */
  private static void constants(ClassWriter cw, String self, List<Object> constants) {
    if (constants.isEmpty()) {
      return;
    }
    for (int i = 0; i < constants.size(); i++) {
      cw.visitField(Opcodes.ACC_STATIC | Opcodes.ACC_FINAL | Opcodes.ACC_PRIVATE, "c" + i,
          constantDescriptor(constants.get(i)), null, null).visitEnd();
    }
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
    mv.visitCode();
    mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup",
        "()Ljava/lang/invoke/MethodHandles$Lookup;", false);
    mv.visitLdcInsn("_");
    mv.visitLdcInsn(Type.getType(Object[].class));
    mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/invoke/MethodHandles", "classData",
        "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)Ljava/lang/Object;", false);
    mv.visitTypeInsn(Opcodes.CHECKCAST, "[Ljava/lang/Object;");
    mv.visitVarInsn(Opcodes.ASTORE, 0);
    for (int i = 0; i < constants.size(); i++) {
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitLdcInsn(i);
      mv.visitInsn(Opcodes.AALOAD);
      String d = constantDescriptor(constants.get(i));
      mv.visitTypeInsn(Opcodes.CHECKCAST, Type.getType(d).getInternalName());
      mv.visitFieldInsn(Opcodes.PUTSTATIC, self, "c" + i, d);
    }
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static String constantDescriptor(Object constant) {
    if (constant instanceof FieldCodec) {
      return Type.getDescriptor(constant.getClass()); // package-private final classes of this package
    }
    if (constant instanceof CompiledBody) {
      return Type.getDescriptor(CompiledBody.class);
    }
    if (constant instanceof MessagePlan) {
      return Type.getDescriptor(MessagePlan.class);
    }
    if (constant instanceof SecondsNanosValue) {
      return Type.getDescriptor(SecondsNanosValue.class);
    }
    return Type.getDescriptor(io.polycodec.bind.EnumBinding.class);
  }

  /**
   * Whether a record can be written with nothing measured first ({@link CompiledBody#writeDirect}):
   * every field is inline (primitives, strings, enums, Timestamps, packed lists, lists of strings) or a
   * message whose spun body can be written so too, or a field whose codec writes directly (maps of
   * scalars, vectors: {@link FieldCodec#writesDirect}).
   * Nested messages and packed lists get their length prefix after their body
   * ({@link AheadBuffer#endLength}).
   */
  private static boolean isDirect(Spec[] specs) {
    for (Spec s : specs) {
      boolean ok;
      switch (s.kind) {
        case MESSAGE: ok = s.constant instanceof CompiledBody && ((CompiledBody) s.constant).isDirect(); break;
        case DELEGATE: ok = s.field.writesDirect(); break;
        default: ok = true;
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the size pass writes a direct record ahead ({@link Sizes#writeAhead}) rather than measure
   * it: when it holds strings, messages or maps, whose measuring is most of what writing costs. A record
   * of numbers and enums only (a telemetry reading) is cheaper measured and written than copied, unless
   * its parent is written ahead (then it is written directly inside it, whatever this says).
   */
  private static boolean writesAhead(Spec[] specs) {
    for (Spec s : specs) {
      if (s.kind == Kind.STRING || s.kind == Kind.MESSAGE || s.kind == Kind.DELEGATE) {
        return true;
      }
    }
    return false;
  }

  private static void constructor(ClassWriter cw, boolean direct, boolean ahead) {
    MethodVisitor mv = cw.visitMethod(0, "<init>", "()V", null, null);
    mv.visitCode();
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitInsn(direct ? Opcodes.ICONST_1 : Opcodes.ICONST_0);
    mv.visitInsn(ahead ? Opcodes.ICONST_1 : Opcodes.ICONST_0);
    mv.visitMethodInsn(Opcodes.INVOKESPECIAL, BASE, "<init>", "(ZZ)V", false);
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Emits the methods (measure, emit, writeDirect); {@code mv}, {@code sizes} and (write) {@code out} are per method. */
  private static final class Emitter {
    private final String self;
    private final String record;
    private final List<Object> constants;
    private MethodVisitor mv;
    private boolean writing;
    /** Writing with nothing measured before ({@code writeDirect}): strings measured as written, limits checked. */
    private boolean direct;
    private int sizesSlot;

    Emitter(String self, String record, List<Object> constants) {
      this.self = self;
      this.record = record;
      this.constants = constants;
    }

    void size(ClassWriter cw, Spec[] specs) {
      writing = false;
      sizesSlot = 2;
      mv = cw.visitMethod(0, "measure", BODY_SIZE, null, null);
      mv.visitCode();
      sizes("enter", "()V");
      mv.visitInsn(Opcodes.LCONST_0);
      mv.visitVarInsn(Opcodes.LSTORE, TOTAL);
      typedRecord(1);
      for (Spec s : specs) {
        field(s);
      }
      sizes("exit", "()V");
      mv.visitVarInsn(Opcodes.LLOAD, TOTAL);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, SIZES, "checkedSize", "(J)I", false);
      mv.visitInsn(Opcodes.I2L);
      mv.visitInsn(Opcodes.LRETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }

    /** {@code emit}, the write pass after {@code measure}; or (direct) {@code writeDirect}. */
    void write(ClassWriter cw, Spec[] specs, boolean direct) {
      writing = true;
      this.direct = direct;
      sizesSlot = 3;
      mv = direct ? cw.visitMethod(0, "writeDirect", AHEAD_WRITE, null, null)
          : cw.visitMethod(0, "emit", BODY_WRITE, null, new String[] {"java/io/IOException"});
      mv.visitCode();
      if (direct) {
        sizes("enter", "()V"); // the depth rule, as measure does
      }
      typedRecord(2);
      for (Spec s : specs) {
        field(s);
      }
      if (direct) {
        sizes("exit", "()V");
      }
      mv.visitInsn(Opcodes.RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }

    private void typedRecord(int slot) {
      mv.visitVarInsn(Opcodes.ALOAD, slot);
      mv.visitTypeInsn(Opcodes.CHECKCAST, record);
      mv.visitVarInsn(Opcodes.ASTORE, TYPED);
    }

    private void sizes(String method, String desc) {
      mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
      mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SIZES, method, desc, false);
    }

    private void field(Spec s) {
      current = s;
      if (s.kind == Kind.DELEGATE) {
        delegate(s);
        return;
      }
      Label skip = new Label();
      mv.visitVarInsn(Opcodes.ALOAD, TYPED);
      java.lang.reflect.Method accessor = s.component.getAccessor();
      mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, record, accessor.getName(), Type.getMethodDescriptor(accessor), false);
      if (s.list) {
        list(s, skip);
      } else {
        single(s, skip);
      }
      mv.visitLabel(skip);
    }

    /** Calls the field's own codec, as the interpreted loop does, but bound statically. */
    private void delegate(Spec s) {
      String owner = Type.getInternalName(s.constant.getClass());
      constant(s);
      if (direct) { // a codec that writes directly (isDirect)
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "writeDirect", AHEAD_WRITE, false);
      } else if (writing) {
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "write", BODY_WRITE, false);
      } else {
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "size", BODY_SIZE, false);
        addToTotal();
      }
    }

    // ---- singular fields ------------------------------------------------------------------------------

    /** The accessor's result is on the stack. */
    private void single(Spec s, Label skip) {
      unwrap(s, skip);
      if (s.wrap == Wrap.NONE) {
        skipDefault(s, skip);
      }
      int tag = FieldCodec.tagOf(s.field.number, s.kind == Kind.PRIMITIVE || s.kind == Kind.ENUM
          ? s.type.wireType : com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
      if (writing) {
        writeTag(tag);
        writeValue(s, VALUE);
      } else {
        mv.visitLdcInsn((long) s.field.tagSize());
        sizeValue(s, VALUE);
        mv.visitInsn(Opcodes.LADD);
        addToTotal();
      }
    }

    /** Leaves the value in its slot (LONG, INT or VALUE); jumps to {@code skip} if absent. */
    private void unwrap(Spec s, Label skip) {
      switch (s.wrap) {
        case NONE:
          store(s);
          return;
        case OPTIONAL:
          mv.visitInsn(Opcodes.ACONST_NULL);
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/util/Optional", "orElse",
              "(Ljava/lang/Object;)Ljava/lang/Object;", false);
          mv.visitVarInsn(Opcodes.ASTORE, VALUE);
          mv.visitVarInsn(Opcodes.ALOAD, VALUE);
          mv.visitJumpInsn(Opcodes.IFNULL, skip);
          if (s.kind == Kind.ENUM) {
            enumNumber(VALUE);
            mv.visitVarInsn(Opcodes.ISTORE, INT);
          }
          return;
        case NULLABLE:
          mv.visitVarInsn(Opcodes.ASTORE, VALUE);
          mv.visitVarInsn(Opcodes.ALOAD, VALUE);
          mv.visitJumpInsn(Opcodes.IFNULL, skip);
          if (s.kind == Kind.ENUM) {
            enumNumber(VALUE);
            mv.visitVarInsn(Opcodes.ISTORE, INT);
          }
          return;
        case PRESENT:
          mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Objects", "requireNonNull",
              "(Ljava/lang/Object;)Ljava/lang/Object;", false);
          mv.visitVarInsn(Opcodes.ASTORE, VALUE);
          if (s.kind == Kind.ENUM) {
            enumNumber(VALUE);
            mv.visitVarInsn(Opcodes.ISTORE, INT);
          }
          return;
        default:
          String owner = s.wrap == Wrap.OPTIONAL_INT ? "java/util/OptionalInt"
              : s.wrap == Wrap.OPTIONAL_LONG ? "java/util/OptionalLong" : "java/util/OptionalDouble";
          mv.visitVarInsn(Opcodes.ASTORE, VALUE);
          mv.visitVarInsn(Opcodes.ALOAD, VALUE);
          mv.visitTypeInsn(Opcodes.CHECKCAST, owner);
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "isPresent", "()Z", false);
          mv.visitJumpInsn(Opcodes.IFEQ, skip);
          mv.visitVarInsn(Opcodes.ALOAD, VALUE);
          mv.visitTypeInsn(Opcodes.CHECKCAST, owner);
          if (s.wrap == Wrap.OPTIONAL_INT) {
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "getAsInt", "()I", false);
            mv.visitVarInsn(Opcodes.ISTORE, INT);
          } else if (s.wrap == Wrap.OPTIONAL_LONG) {
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "getAsLong", "()J", false);
            mv.visitVarInsn(Opcodes.LSTORE, LONG);
          } else {
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, owner, "getAsDouble", "()D", false);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
            mv.visitVarInsn(Opcodes.LSTORE, LONG);
          }
      }
    }

    /** Stores a plain component's value: primitives by bits (floats raw, as the interpreted plan compares them). */
    private void store(Spec s) {
      switch (s.kind) {
        case PRIMITIVE:
          Class<?> t = s.component.getType();
          if (t == float.class) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
          } else if (t == double.class) {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
          }
          mv.visitVarInsn(s.wide() ? Opcodes.LSTORE : Opcodes.ISTORE, s.wide() ? LONG : INT);
          return;
        case ENUM:
          mv.visitVarInsn(Opcodes.ASTORE, VALUE);
          enumNumber(VALUE); // a null enum throws here (NullPointerException): the interpreted plan names it
          mv.visitVarInsn(Opcodes.ISTORE, INT);
          return;
        default:
          // A null here throws now, whether or not the spun code would touch it: the interpreted plan reports it.
          mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Objects", "requireNonNull",
              "(Ljava/lang/Object;)Ljava/lang/Object;", false);
          mv.visitVarInsn(Opcodes.ASTORE, VALUE);
      }
    }

    /** Jumps to {@code skip} if a non-optional value equals its kind's default (messages never do). */
    private void skipDefault(Spec s, Label skip) {
      switch (s.kind) {
        case PRIMITIVE:
        case ENUM:
          if (s.wide()) {
            mv.visitVarInsn(Opcodes.LLOAD, LONG);
            mv.visitInsn(Opcodes.LCONST_0);
            mv.visitInsn(Opcodes.LCMP);
          } else {
            mv.visitVarInsn(Opcodes.ILOAD, INT);
          }
          mv.visitJumpInsn(Opcodes.IFEQ, skip);
          return;
        case STRING:
          mv.visitVarInsn(Opcodes.ALOAD, VALUE);
          mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/String");
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "isEmpty", "()Z", false);
          mv.visitJumpInsn(Opcodes.IFNE, skip);
          return;
        case SECONDS_NANOS:
          constant(s);
          mv.visitVarInsn(Opcodes.ALOAD, VALUE);
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Type.getInternalName(SecondsNanosValue.class), "isDefault",
              "(Ljava/lang/Object;)Z", false);
          mv.visitJumpInsn(Opcodes.IFNE, skip);
          return;
        default:
      }
    }

    private void enumNumber(int slot) {
      constant(current);
      mv.visitVarInsn(Opcodes.ALOAD, slot);
      mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Type.getInternalName(io.polycodec.bind.EnumBinding.class), "number",
          "(Ljava/lang/Object;)J", false);
      // Only typed records are spun: a Java enum's numbers are its @Tag ints, and EnumValue refused any
      // constant beyond int32 when the plan was built, so the narrowing loses nothing.
      mv.visitInsn(Opcodes.L2I);
    }

    /** The field being emitted. */
    private Spec current;

    private void constant(Spec s) {
      mv.visitFieldInsn(Opcodes.GETSTATIC, self, "c" + s.constantIndex, constantDescriptor(s.constant));
    }

    /** Pushes, as a long, the size of the value in {@code slot} (or in INT/LONG) without its tag. */
    private void sizeValue(Spec s, int slot) {
      current = s;
      switch (s.kind) {
        case PRIMITIVE:
        case ENUM:
          primitiveSize(s.type);
          mv.visitInsn(Opcodes.I2L);
          return;
        case STRING:
          mv.visitVarInsn(Opcodes.ALOAD, slot);
          mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/String");
          mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
          // Encoded once, here, and copied by the write pass: cheaper than measuring here and encoding
          // there (docs/benchmarks.md: twitter 1.6 -> 1.2 times the prebuilt message).
          mv.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(ScalarValue.class), "stringBytesSize",
              "(Ljava/lang/String;" + SIZES_DESC + ")I", false);
          mv.visitInsn(Opcodes.I2L);
          return;
        case SECONDS_NANOS:
          constant(s);
          mv.visitVarInsn(Opcodes.ALOAD, slot);
          mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Type.getInternalName(SecondsNanosValue.class), "size",
              "(Ljava/lang/Object;" + SIZES_DESC + ")I", false);
          mv.visitInsn(Opcodes.I2L);
          return;
        case MESSAGE:
          // As MessageValue.size: reserve the slot in pre-order, measure the body, note it.
          sizes("reserve", "()I");
          mv.visitVarInsn(Opcodes.ISTORE, SLOT);
          constant(s);
          mv.visitVarInsn(Opcodes.ALOAD, slot);
          mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
          childCall(s, "size", "bodySize", BODY_SIZE);
          mv.visitVarInsn(Opcodes.LSTORE, PAYLOAD);
          mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
          mv.visitVarInsn(Opcodes.ILOAD, SLOT);
          mv.visitVarInsn(Opcodes.LLOAD, PAYLOAD);
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SIZES, "set", "(IJ)V", false);
          mv.visitVarInsn(Opcodes.LLOAD, PAYLOAD);
          mv.visitInsn(Opcodes.L2I);
          mv.visitMethodInsn(Opcodes.INVOKESTATIC, COS, "computeUInt32SizeNoTag", "(I)I", false);
          mv.visitInsn(Opcodes.I2L);
          mv.visitVarInsn(Opcodes.LLOAD, PAYLOAD);
          mv.visitInsn(Opcodes.LADD);
          return;
        default:
          throw new AssertionError(s.kind);
      }
    }

    private void childCall(Spec s, String spun, String interpreted, String desc) {
      if (s.constant instanceof CompiledBody) {
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BASE, spun, desc, false);
      } else {
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Type.getInternalName(MessagePlan.class), interpreted, desc, false);
      }
    }

    /** Pushes the int size of the primitive in INT or LONG (an enum's number: INT32). */
    private void primitiveSize(ScalarType st) {
      if (st == ScalarType.BOOL) {
        mv.visitLdcInsn(1);
      } else if (st.fixedWidth() != 0) {
        mv.visitLdcInsn(st.fixedWidth());
      } else if (st.isWide()) {
        mv.visitVarInsn(Opcodes.LLOAD, LONG);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, COS, sizeMethod(st), "(J)I", false);
      } else {
        mv.visitVarInsn(Opcodes.ILOAD, INT);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, COS, sizeMethod(st), "(I)I", false);
      }
    }

    /** Writes the value in {@code slot} (or INT/LONG) without its tag. */
    private void writeValue(Spec s, int slot) {
      current = s;
      switch (s.kind) {
        case PRIMITIVE:
        case ENUM:
          mv.visitVarInsn(Opcodes.ALOAD, 1);
          if (s.wide()) {
            mv.visitVarInsn(Opcodes.LLOAD, LONG);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, writer(), writeMethod(s.type), "(J)V", false);
          } else {
            mv.visitVarInsn(Opcodes.ILOAD, INT);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, writer(), writeMethod(s.type),
                s.type == ScalarType.BOOL ? "(Z)V" : "(I)V", false);
          }
          return;
        case STRING:
          mv.visitVarInsn(Opcodes.ALOAD, 1);
          mv.visitVarInsn(Opcodes.ALOAD, slot);
          mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/String");
          mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
          if (direct) {
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, AHEAD, "writeString", "(Ljava/lang/String;" + SIZES_DESC + ")V", false);
          } else {
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(ScalarValue.class), "writeMeasuredString",
                "(" + COS_DESC + "Ljava/lang/String;" + SIZES_DESC + ")V", false);
          }
          return;
        case SECONDS_NANOS:
          constant(s);
          mv.visitVarInsn(Opcodes.ALOAD, 1);
          mv.visitVarInsn(Opcodes.ALOAD, slot);
          if (direct) {
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Type.getInternalName(SecondsNanosValue.class), "writeDirect",
                "(" + Type.getDescriptor(AheadBuffer.class) + "Ljava/lang/Object;)V", false);
            return;
          }
          mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, Type.getInternalName(SecondsNanosValue.class), "write",
              "(" + COS_DESC + "Ljava/lang/Object;" + SIZES_DESC + ")V", false);
          return;
        case MESSAGE:
          if (direct) { // the child is direct too (isDirect): its length goes in after it
            beginLength();
            constant(s);
            mv.visitVarInsn(Opcodes.ALOAD, 1);
            mv.visitVarInsn(Opcodes.ALOAD, slot);
            mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BASE, "writeDirect", AHEAD_WRITE, false);
            endLength();
            return;
          }
          mv.visitVarInsn(Opcodes.ALOAD, 1);
          sizes("next", "()I");
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, COS, "writeUInt32NoTag", "(I)V", false);
          constant(s);
          mv.visitVarInsn(Opcodes.ALOAD, 1);
          mv.visitVarInsn(Opcodes.ALOAD, slot);
          mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
          childCall(s, "write", "writeBody", BODY_WRITE);
          return;
        default:
          throw new AssertionError(s.kind);
      }
    }

    // ---- lists ----------------------------------------------------------------------------------------

    /** As ListField: the accessor's List is on the stack. */
    private void list(Spec s, Label skip) {
      current = s;
      mv.visitVarInsn(Opcodes.ASTORE, VALUE);
      Label nonEmpty = new Label();
      mv.visitVarInsn(Opcodes.ALOAD, VALUE);
      mv.visitTypeInsn(Opcodes.CHECKCAST, LIST);
      mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, LIST, "isEmpty", "()Z", true);
      if (writing && !direct) {
        mv.visitJumpInsn(Opcodes.IFNE, skip);
      } else { // measuring, or writing with nothing measured: the size pass's checks
        mv.visitJumpInsn(Opcodes.IFEQ, nonEmpty);
        sizes("enter", "()V"); // an empty list is a level too (the depth rule), though nothing is written
        sizes("exit", "()V");
        mv.visitJumpInsn(Opcodes.GOTO, skip);
        mv.visitLabel(nonEmpty);
        mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
        mv.visitVarInsn(Opcodes.ALOAD, VALUE);
        mv.visitTypeInsn(Opcodes.CHECKCAST, LIST);
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, LIST, "size", "()I", true);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SIZES, "checkCollection", "(I)V", false);
        sizes("enter", "()V");
      }
      // Packed runs, strings and messages: all length-delimited.
      int tag = FieldCodec.tagOf(s.field.number, com.google.protobuf.WireFormat.WIRETYPE_LENGTH_DELIMITED);
      if (s.packed) {
        if (direct) {
          writeTag(tag);
          beginLength();
        } else if (writing) {
          writeTag(tag);
          mv.visitVarInsn(Opcodes.ALOAD, 1);
          sizes("next", "()I");
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, COS, "writeUInt32NoTag", "(I)V", false);
        } else {
          sizes("reserve", "()I");
          mv.visitVarInsn(Opcodes.ISTORE, SLOT);
          mv.visitInsn(Opcodes.LCONST_0);
          mv.visitVarInsn(Opcodes.LSTORE, PAYLOAD);
        }
      }
      // An indexed loop allocates nothing (an iterator escapes when its calls are not all inlined); a list
      // without fast random access (a LinkedList) is copied first, once per pass.
      Label loop = new Label();
      Label end = new Label();
      Label indexed = new Label();
      mv.visitVarInsn(Opcodes.ALOAD, VALUE);
      mv.visitTypeInsn(Opcodes.INSTANCEOF, "java/util/RandomAccess");
      mv.visitJumpInsn(Opcodes.IFNE, indexed);
      mv.visitVarInsn(Opcodes.ALOAD, VALUE);
      mv.visitTypeInsn(Opcodes.CHECKCAST, "java/util/Collection");
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, LIST, "copyOf", "(Ljava/util/Collection;)Ljava/util/List;", true);
      mv.visitVarInsn(Opcodes.ASTORE, VALUE);
      mv.visitLabel(indexed);
      mv.visitVarInsn(Opcodes.ALOAD, VALUE);
      mv.visitTypeInsn(Opcodes.CHECKCAST, LIST);
      mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, LIST, "size", "()I", true);
      mv.visitVarInsn(Opcodes.ISTORE, COUNT);
      mv.visitInsn(Opcodes.ICONST_0);
      mv.visitVarInsn(Opcodes.ISTORE, INDEX);
      mv.visitLabel(loop);
      mv.visitVarInsn(Opcodes.ILOAD, INDEX);
      mv.visitVarInsn(Opcodes.ILOAD, COUNT);
      mv.visitJumpInsn(Opcodes.IF_ICMPGE, end);
      mv.visitVarInsn(Opcodes.ALOAD, VALUE);
      mv.visitTypeInsn(Opcodes.CHECKCAST, LIST);
      mv.visitVarInsn(Opcodes.ILOAD, INDEX);
      mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, LIST, "get", "(I)Ljava/lang/Object;", true);
      mv.visitIincInsn(INDEX, 1);
      // A null element throws (NullPointerException): the interpreted plan reports it with its index.
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/util/Objects", "requireNonNull",
          "(Ljava/lang/Object;)Ljava/lang/Object;", false);
      mv.visitVarInsn(Opcodes.ASTORE, ELEMENT);
      if (s.packed) {
        if (s.kind == Kind.ENUM) {
          enumNumber(ELEMENT);
          mv.visitVarInsn(Opcodes.ISTORE, INT);
        } else {
          mv.visitVarInsn(Opcodes.ALOAD, ELEMENT);
          String box = s.wide() ? "java/lang/Long" : "java/lang/Integer";
          mv.visitTypeInsn(Opcodes.CHECKCAST, box);
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, box, s.wide() ? "longValue" : "intValue",
              s.wide() ? "()J" : "()I", false);
          mv.visitVarInsn(s.wide() ? Opcodes.LSTORE : Opcodes.ISTORE, s.wide() ? LONG : INT);
        }
        if (writing) {
          writeValue(s, ELEMENT);
        } else {
          primitiveSize(s.type);
          mv.visitInsn(Opcodes.I2L);
          mv.visitVarInsn(Opcodes.LLOAD, PAYLOAD);
          mv.visitInsn(Opcodes.LADD);
          mv.visitVarInsn(Opcodes.LSTORE, PAYLOAD);
        }
      } else if (writing) {
        writeTag(tag);
        writeValue(s, ELEMENT);
      } else {
        mv.visitLdcInsn((long) s.field.tagSize());
        sizeValue(s, ELEMENT);
        mv.visitInsn(Opcodes.LADD);
        addToTotal();
      }
      mv.visitJumpInsn(Opcodes.GOTO, loop);
      mv.visitLabel(end);
      if (direct) {
        if (s.packed) {
          endLength();
        }
        sizes("exit", "()V");
      }
      if (!writing) {
        if (s.packed) {
          mv.visitVarInsn(Opcodes.ALOAD, sizesSlot);
          mv.visitVarInsn(Opcodes.ILOAD, SLOT);
          mv.visitVarInsn(Opcodes.LLOAD, PAYLOAD);
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SIZES, "set", "(IJ)V", false);
          mv.visitLdcInsn((long) s.field.tagSize());
          mv.visitVarInsn(Opcodes.LLOAD, PAYLOAD);
          mv.visitInsn(Opcodes.L2I);
          mv.visitMethodInsn(Opcodes.INVOKESTATIC, COS, "computeUInt32SizeNoTag", "(I)I", false);
          mv.visitInsn(Opcodes.I2L);
          mv.visitInsn(Opcodes.LADD);
          mv.visitVarInsn(Opcodes.LLOAD, PAYLOAD);
          mv.visitInsn(Opcodes.LADD);
          addToTotal();
        }
        sizes("exit", "()V");
      }
    }

    /** Adds the long on the stack to the total. */
    private void addToTotal() {
      mv.visitVarInsn(Opcodes.LLOAD, TOTAL);
      mv.visitInsn(Opcodes.LADD);
      mv.visitVarInsn(Opcodes.LSTORE, TOTAL);
    }

    private void writeTag(int tag) {
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitLdcInsn(tag);
      mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, writer(), "writeUInt32NoTag", "(I)V", false);
    }

    /** Reserves the length byte of what is written next (direct), keeping where it starts in SLOT. */
    private void beginLength() {
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, AHEAD, "beginLength", "()I", false);
      mv.visitVarInsn(Opcodes.ISTORE, SLOT);
    }

    /** Writes the length of what was written since {@link #beginLength}. */
    private void endLength() {
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitVarInsn(Opcodes.ILOAD, SLOT);
      mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, AHEAD, "endLength", "(I)V", false);
    }

    /** What the write method's first argument is: a CodedOutputStream, or (direct) an AheadBuffer (same method names). */
    private String writer() {
      return direct ? AHEAD : COS;
    }
  }

  /** protobuf-java's static size method of a varint type (fixed widths are constants). */
  private static String sizeMethod(ScalarType t) {
    switch (t) {
      case INT8: case INT16: case INT32: return "computeInt32SizeNoTag";
      case SINT32: return "computeSInt32SizeNoTag";
      case UINT32: return "computeUInt32SizeNoTag";
      case INT64: return "computeInt64SizeNoTag";
      case SINT64: return "computeSInt64SizeNoTag";
      case UINT64: return "computeUInt64SizeNoTag";
      default: throw new AssertionError(t);
    }
  }

  /** The CodedOutputStream method that writes a value of {@code t} without its tag (as {@link ScalarType#writeInt} and {@link ScalarType#writeLong} pick it). */
  private static String writeMethod(ScalarType t) {
    switch (t) {
      case BOOL: return "writeBoolNoTag";
      case INT8: case INT16: case INT32: return "writeInt32NoTag";
      case SINT32: return "writeSInt32NoTag";
      case UINT32: return "writeUInt32NoTag";
      case SFIXED32: case FIXED32: case FLOAT: return "writeFixed32NoTag";
      case INT64: return "writeInt64NoTag";
      case SINT64: return "writeSInt64NoTag";
      case UINT64: return "writeUInt64NoTag";
      case SFIXED64: case FIXED64: case DOUBLE: return "writeFixed64NoTag";
      default: throw new AssertionError(t);
    }
  }
}
