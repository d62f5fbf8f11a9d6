package io.polycodec.bind;

import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;

/**
 * Record accessors as small objects that call the accessor directly, spun once per component by
 * {@link LambdaMetafactory}. Why not the method handles themselves: a handle kept in an array is not a
 * constant to the JIT, so every call goes through a generic invoker and is never inlined, which made
 * reading the fields the largest cost of encoding a record. A lambda object's method calls the
 * accessor with an ordinary call the JIT inlines; the call of the lambda itself is an interface call
 * that stays monomorphic only where one call site sees one field (shared call sites pay one dispatch).
 *
 * <p>Each factory returns null when the metafactory refuses, for instance when the lookup lacks full
 * privilege access because the record lives in another named module; the caller then keeps using the
 * method handle, which is slower but equally correct.
 */
final class Accessors {
  private Accessors() {}

  /**
   * A float accessor: the JDK has no {@code ToFloatFunction}, and widening to double could alter the
   * payload of a signalling NaN. Public in the class file so that a lambda class defined in the record's
   * package may implement it; Java code outside this package cannot name it, the enclosing class being
   * package-private.
   */
  @FunctionalInterface
  public interface FloatGetter {
    /** The component of {@code record}. */
    float get(Object record);
  }

  /**
   * A {@link Predicate}, {@link ToIntFunction}, {@link ToLongFunction}, {@link ToDoubleFunction} or
   * {@link FloatGetter} for an accessor returning {@code boolean}, {@code byte/short/int}, {@code long},
   * {@code double} or {@code float}, else null.
   */
  static Object primitive(MethodHandles.Lookup lookup, Class<?> recordType, MethodHandle accessor) {
    Class<?> r = accessor.type().returnType();
    if (r == boolean.class) {
      return spin(lookup, recordType, accessor, Predicate.class, "test", boolean.class);
    }
    if (r == int.class || r == short.class || r == byte.class) {
      return spin(lookup, recordType, accessor, ToIntFunction.class, "applyAsInt", int.class);
    }
    if (r == long.class) {
      return spin(lookup, recordType, accessor, ToLongFunction.class, "applyAsLong", long.class);
    }
    if (r == double.class) {
      return spin(lookup, recordType, accessor, ToDoubleFunction.class, "applyAsDouble", double.class);
    }
    if (r == float.class) {
      return spin(lookup, recordType, accessor, FloatGetter.class, "get", float.class);
    }
    return null;
  }

  /** A {@link Function} returning the component as it is (primitives boxed), or null. */
  @SuppressWarnings("unchecked")
  static Function<Object, Object> reference(MethodHandles.Lookup lookup, Class<?> recordType, MethodHandle accessor) {
    return (Function<Object, Object>) spin(lookup, recordType, accessor, Function.class, "apply", Object.class);
  }

  private static Object spin(MethodHandles.Lookup lookup, Class<?> recordType, MethodHandle accessor,
      Class<?> iface, String method, Class<?> erasedReturn) {
    Class<?> ret = accessor.type().returnType();
    Class<?> instantiatedReturn = erasedReturn == Object.class && ret.isPrimitive()
        ? MethodType.methodType(ret).wrap().returnType()
        : erasedReturn == Object.class ? ret : erasedReturn;
    try {
      CallSite site = LambdaMetafactory.metafactory(lookup, method, MethodType.methodType(iface),
          MethodType.methodType(erasedReturn, Object.class), accessor,
          MethodType.methodType(instantiatedReturn, recordType));
      return site.getTarget().invoke();
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      // Refused (access, module boundaries, a JVM without hidden classes): the handle path remains.
      return null;
    }
  }
}
