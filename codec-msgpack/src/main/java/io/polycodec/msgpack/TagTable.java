package io.polycodec.msgpack;

import java.util.Arrays;

/**
 * Finds which of a fixed set of tags (positive ints) a key is: a direct index for tags up to 1024, a
 * binary search beyond. Immutable.
 */
final class TagTable {
  private static final int DIRECT_LIMIT = 1024;

  private final int[] direct;
  private final int[] sortedTags;
  private final int[] indexBySorted;

  TagTable(int[] tags) {
    int max = 0;
    for (int t : tags) {
      max = Math.max(max, t);
    }
    if (max <= DIRECT_LIMIT) {
      direct = new int[max + 1];
      for (int i = 0; i < tags.length; i++) {
        direct[tags[i]] = i + 1;
      }
      sortedTags = null;
      indexBySorted = null;
    } else {
      direct = null;
      Integer[] order = new Integer[tags.length];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (x, y) -> Integer.compare(tags[x], tags[y]));
      sortedTags = new int[tags.length];
      indexBySorted = new int[tags.length];
      for (int i = 0; i < order.length; i++) {
        sortedTags[i] = tags[order[i]];
        indexBySorted[i] = order[i];
      }
    }
  }

  /** The index of {@code tag}, or -1 (also for -1 itself, which means "not a tag"). */
  int find(long tag) {
    if (tag < 1 || tag > Integer.MAX_VALUE) {
      return -1;
    }
    if (direct != null) {
      return tag < direct.length ? direct[(int) tag] - 1 : -1;
    }
    int i = Arrays.binarySearch(sortedTags, (int) tag);
    return i >= 0 ? indexBySorted[i] : -1;
  }
}
