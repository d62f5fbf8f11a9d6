package io.polycodec.flatbuffers;

/**
 * A layout whose values sit out of line, behind a 4-byte uoffset in the table slot or vector element
 * (strings, bytes, vectors, lists, maps, records, unions): the slot facts they share, stated once.
 */
abstract class OffsetLayout extends Layout {
  @Override
  final int slotSize() {
    return 4;
  }

  @Override
  final boolean isOffset() {
    return true;
  }
}
