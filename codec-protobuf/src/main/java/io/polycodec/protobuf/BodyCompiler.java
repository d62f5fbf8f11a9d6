package io.polycodec.protobuf;

import com.google.protobuf.CodedOutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Spins a {@link CompiledBody} for each {@link MessagePlan} of a record made only of primitive and string
 * fields (the leaves of most data: telemetry readings, addresses, image descriptors): a hidden class
 * (defined with {@link MethodHandles.Lookup#defineHiddenClass}, bytecode from ASM) whose two methods are
 * the plan's field loop unrolled, reading each field with the record's accessor and measuring/writing it
 * inline with protobuf-java's static size methods and {@code CodedOutputStream} calls. Why: the
 * interpreted loop makes, per field and per pass, one megamorphic call on the field codec and one on the
 * getter lambda, which was most of the cost of records of small fields (issue 23; docs/benchmarks.md:
 * telemetry's 1,000 readings encode about twice as fast).
 *
 * <p>Why only such records. Two ways of mixing in the other fields were measured and dropped: calling
 * each other field's codec from the spun method (a statically bound call site per field) let the JIT
 * inline every codec into one large method, run out of inlining budget and stop removing allocations
 * (the user profile, 7 such fields, encoded 1.4 to 3 times slower than interpreted, in three runs); and
 * handing each run of other fields back to the interpreted loop made media and twitter 3 to 5 times
 * slower (not analysed further). Records with other fields stay interpreted, as before.
 *
 * <p>A class is spun only when the record class is accessible to this package and resolves to the same
 * class from codec-protobuf's class loader. The spun code writes the same fields in the same order as
 * the interpreted plan (primitive and string fields note nothing in {@link Sizes}), so the two mix
 * freely (nested plans are dispatched at run time) and give the same bytes; the property test against
 * protoc-generated code runs on spun plans, and {@code SpunEncoderTest} compares both paths.
 *
 * <p>Assumption: the value of an inlined field is its component's value unchanged, which is what
 * {@link io.polycodec.bind.RecordBinding} does for a primitive or {@code String} component of the same
 * kind; any representation that converts (string forms, boxes, optionals) has another component type
 * and keeps the record interpreted. A binding that adapts a {@code String} or primitive component into
 * another value of the same type would have to be excluded here.
 */
final class BodyCompiler {
  private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
  private static final String BASE = Type.getInternalName(CompiledBody.class);
  private static final String COS = Type.getInternalName(CodedOutputStream.class);
  private static final String SIZES = Type.getInternalName(Sizes.class);
  private static final String SIZES_DESC = Type.getDescriptor(Sizes.class);
  private static final String COS_DESC = Type.getDescriptor(CodedOutputStream.class);

  private BodyCompiler() {}


  /**
   * The spun body of {@code plan}, whose fields in number order are {@code ordered}; null for a plan of
   * {@link io.polycodec.GenericRecord}s (they keep unknown fields, and have no accessors) or if the
   * class cannot be defined here (then the interpreted plan serves, equally correct).
   */
  static CompiledBody compile(MessagePlan plan, FieldCodec[] ordered) {
    Class<?> type = plan.binding.javaType();
    if (plan.binding.isGeneric() || !type.isRecord()) {
      return null;
    }
    try {
      RecordComponent[] comps = direct(type, plan.binding.schema().size());
      if (comps == null) {
        return null;
      }
      for (FieldCodec f : ordered) {
        if (inlineType(f, comps) == null) {
          return null; // see the class comment: only records of primitive and string fields are spun
        }
      }
      return ordered.length == 0 ? null : define(type, ordered, comps);
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

  /** How a field is spun: inline as a primitive or a string; null if it cannot be (then the record is not spun). */
  private static Class<?> inlineType(FieldCodec f, RecordComponent[] comps) {
    Class<?> javaType = comps[f.index].getType();
    if (comps[f.index].isAnnotationPresent(io.polycodec.Adapted.class)) {
      return null; // a String or primitive component may be adapted onto its own type: only the binding applies it
    }
    // The spun code leaves out zero and "" as proto3 does; a field with a default of its own is left out
    // when equal to that default instead, which only the interpreted codecs know.
    if (f instanceof PrimitiveField) {
      PrimitiveField p = (PrimitiveField) f;
      return p.defaultBits == 0 && javaType == primitiveOf(p.type) ? javaType : null;
    }
    if (f instanceof ValueField) {
      ValueField v = (ValueField) f;
      if (!v.optional && v.ownDefault == null && v.codec instanceof ScalarValue && ((ScalarValue) v.codec).type == ScalarType.STRING
          && javaType == String.class) {
        return String.class;
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
      default: return t.isWide() ? long.class : int.class;
    }
  }

  private static CompiledBody define(Class<?> type, FieldCodec[] ordered, RecordComponent[] comps)
      throws ReflectiveOperationException {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
      @Override
      protected String getCommonSuperClass(String a, String b) {
        return "java/lang/Object"; // locals never merge two reference types; see the slot layout below
      }
    };
    String self = BodyCompiler.class.getPackageName().replace('.', '/') + "/SpunBody";
    cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, self, null, BASE, null);
    Class<?>[] inline = new Class<?>[ordered.length];
    for (int i = 0; i < ordered.length; i++) {
      inline[i] = inlineType(ordered[i], comps);
    }
    constructor(cw);
    String record = Type.getInternalName(type);
    size(cw, self, ordered, inline, comps, record);
    write(cw, self, ordered, inline, comps, record);
    cw.visitEnd();
    MethodHandles.Lookup lookup = LOOKUP.defineHiddenClass(cw.toByteArray(), true);
    return (CompiledBody) lookup.lookupClass().getDeclaredConstructor().newInstance();
  }

  private static void constructor(ClassWriter cw) {
    MethodVisitor mv = cw.visitMethod(0, "<init>", "()V", null, null);
    mv.visitCode();
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitMethodInsn(Opcodes.INVOKESPECIAL, BASE, "<init>", "()V", false);
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Pushes the field's value as int or long bits (floats by raw bits, as the interpreted plan compares them). */
  private static void readBits(MethodVisitor mv, int recordSlot, String record, RecordComponent c, Class<?> t) {
    mv.visitVarInsn(Opcodes.ALOAD, recordSlot);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, record, c.getAccessor().getName(),
        Type.getMethodDescriptor(c.getAccessor()), false);
    if (t == float.class) {
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Float", "floatToRawIntBits", "(F)I", false);
    } else if (t == double.class) {
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "doubleToRawLongBits", "(D)J", false);
    }
  }

  private static boolean wide(Class<?> t) {
    return t == long.class || t == double.class;
  }

  // Slots of size(Object record, Sizes sizes): 0 this, 1 record, 2 sizes, 3-4 total, 5 typed record,
  // 6-7 a long value, 8 an int value, 9 a String. Each slot holds one type only, so frames never merge two.
  private static void size(ClassWriter cw, String self, FieldCodec[] ordered, Class<?>[] inline,
      RecordComponent[] comps, String record) {
    MethodVisitor mv = cw.visitMethod(0, "size", "(Ljava/lang/Object;" + SIZES_DESC + ")J", null, null);
    mv.visitCode();
    mv.visitVarInsn(Opcodes.ALOAD, 2);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SIZES, "enter", "()V", false);
    mv.visitInsn(Opcodes.LCONST_0);
    mv.visitVarInsn(Opcodes.LSTORE, 3);
    mv.visitVarInsn(Opcodes.ALOAD, 1);
    mv.visitTypeInsn(Opcodes.CHECKCAST, record);
    mv.visitVarInsn(Opcodes.ASTORE, 5);
    for (int i = 0; i < ordered.length; i++) {
      FieldCodec f = ordered[i];
      Class<?> t = inline[i];
      Label skip = new Label();
      RecordComponent c = comps[f.index];
      if (t == String.class) {
        readBits(mv, 5, record, c, t);
        mv.visitVarInsn(Opcodes.ASTORE, 9);
        mv.visitVarInsn(Opcodes.ALOAD, 9);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
        mv.visitJumpInsn(Opcodes.IFEQ, skip);
        mv.visitVarInsn(Opcodes.ALOAD, 9);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(ScalarValue.class), "stringSize",
            "(Ljava/lang/String;" + SIZES_DESC + ")I", false);
      } else {
        ScalarType st = ((PrimitiveField) f).type;
        readBits(mv, 5, record, c, t);
        if (wide(t)) {
          mv.visitVarInsn(Opcodes.LSTORE, 6);
          mv.visitVarInsn(Opcodes.LLOAD, 6);
          mv.visitInsn(Opcodes.LCONST_0);
          mv.visitInsn(Opcodes.LCMP);
          mv.visitJumpInsn(Opcodes.IFEQ, skip);
          if (st.fixedWidth() != 0) {
            mv.visitLdcInsn(st.fixedWidth());
          } else {
            mv.visitVarInsn(Opcodes.LLOAD, 6);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, COS, sizeMethod(st), "(J)I", false);
          }
        } else {
          mv.visitVarInsn(Opcodes.ISTORE, 8);
          mv.visitVarInsn(Opcodes.ILOAD, 8);
          mv.visitJumpInsn(Opcodes.IFEQ, skip);
          if (st == ScalarType.BOOL) {
            mv.visitLdcInsn(1);
          } else if (st.fixedWidth() != 0) {
            mv.visitLdcInsn(st.fixedWidth());
          } else {
            mv.visitVarInsn(Opcodes.ILOAD, 8);
            mv.visitMethodInsn(Opcodes.INVOKESTATIC, COS, sizeMethod(st), "(I)I", false);
          }
        }
      }
      mv.visitLdcInsn(f.tagSize());
      mv.visitInsn(Opcodes.IADD);
      addToTotal(mv, false);
      mv.visitLabel(skip);
    }
    mv.visitVarInsn(Opcodes.ALOAD, 2);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, SIZES, "exit", "()V", false);
    mv.visitVarInsn(Opcodes.LLOAD, 3);
    mv.visitMethodInsn(Opcodes.INVOKESTATIC, SIZES, "checkedSize", "(J)I", false);
    mv.visitInsn(Opcodes.I2L);
    mv.visitInsn(Opcodes.LRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static void addToTotal(MethodVisitor mv, boolean isLong) {
    if (!isLong) {
      mv.visitInsn(Opcodes.I2L);
    }
    mv.visitVarInsn(Opcodes.LLOAD, 3);
    mv.visitInsn(Opcodes.LADD);
    mv.visitVarInsn(Opcodes.LSTORE, 3);
  }

  // Slots of write(CodedOutputStream out, Object record, Sizes sizes): 0 this, 1 out, 2 record, 3 sizes,
  // 4 typed record, 5-6 a long value, 7 an int value, 8 a String.
  private static void write(ClassWriter cw, String self, FieldCodec[] ordered, Class<?>[] inline,
      RecordComponent[] comps, String record) {
    MethodVisitor mv = cw.visitMethod(0, "write", "(" + COS_DESC + "Ljava/lang/Object;" + SIZES_DESC + ")V", null,
        new String[] {"java/io/IOException"});
    mv.visitCode();
    mv.visitVarInsn(Opcodes.ALOAD, 2);
    mv.visitTypeInsn(Opcodes.CHECKCAST, record);
    mv.visitVarInsn(Opcodes.ASTORE, 4);
    for (int i = 0; i < ordered.length; i++) {
      FieldCodec f = ordered[i];
      Class<?> t = inline[i];
      Label skip = new Label();
      RecordComponent c = comps[f.index];
      int tag;
      if (t == String.class) {
        readBits(mv, 4, record, c, t);
        mv.visitVarInsn(Opcodes.ASTORE, 8);
        mv.visitVarInsn(Opcodes.ALOAD, 8);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "length", "()I", false);
        mv.visitJumpInsn(Opcodes.IFEQ, skip);
        writeTag(mv, FieldCodec.tagOf(f.number, ScalarType.STRING.wireType));
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitVarInsn(Opcodes.ALOAD, 8);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, COS, "writeStringNoTag", "(Ljava/lang/String;)V", false);
      } else {
        ScalarType st = ((PrimitiveField) f).type;
        tag = FieldCodec.tagOf(f.number, st.wireType);
        readBits(mv, 4, record, c, t);
        if (wide(t)) {
          mv.visitVarInsn(Opcodes.LSTORE, 5);
          mv.visitVarInsn(Opcodes.LLOAD, 5);
          mv.visitInsn(Opcodes.LCONST_0);
          mv.visitInsn(Opcodes.LCMP);
          mv.visitJumpInsn(Opcodes.IFEQ, skip);
          writeTag(mv, tag);
          mv.visitVarInsn(Opcodes.ALOAD, 1);
          mv.visitVarInsn(Opcodes.LLOAD, 5);
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, COS, writeMethod(st), "(J)V", false);
        } else {
          mv.visitVarInsn(Opcodes.ISTORE, 7);
          mv.visitVarInsn(Opcodes.ILOAD, 7);
          mv.visitJumpInsn(Opcodes.IFEQ, skip);
          writeTag(mv, tag);
          mv.visitVarInsn(Opcodes.ALOAD, 1);
          mv.visitVarInsn(Opcodes.ILOAD, 7);
          mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, COS, writeMethod(st), st == ScalarType.BOOL ? "(Z)V" : "(I)V", false);
        }
      }
      mv.visitLabel(skip);
    }
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static void writeTag(MethodVisitor mv, int tag) {
    mv.visitVarInsn(Opcodes.ALOAD, 1);
    mv.visitLdcInsn(tag);
    mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, COS, "writeUInt32NoTag", "(I)V", false);
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
