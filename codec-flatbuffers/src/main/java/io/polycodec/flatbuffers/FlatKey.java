package io.polycodec.flatbuffers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the component of a record that is its FlatBuffers {@code key} (a string or number, at most one
 * per record): lists of the record are written sorted by it, as flatc-generated
 * {@code createSortedVectorOfTables} writes them, so they decode in key order and
 * {@link FlatList#lookupByKey} finds an element by binary search. The export declares {@code (key)}.
 * Other formats ignore it. For schemas without Java types, see {@link FlatLayout.Builder#key}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD})
public @interface FlatKey {}
