package io.admin.auth.core;

import java.util.AbstractList;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Deeply immutable copies of JSON values for {@link AuthPrincipal}, laid out in as few objects as
 * possible: a verified-token cache holds one principal per cached token, and a {@code
 * LinkedHashMap} of a token's nine claims costs about five times what one array of them does.
 *
 * <p>Objects keep their insertion order and JSON nulls; {@code equals}, {@code hashCode} and {@code
 * toString} follow the {@link Map}, {@link List} and {@link Set} contracts, so callers see no
 * difference but the size. Every mutator throws {@link UnsupportedOperationException}.
 */
final class FrozenJson {

  /** Past this many members an object is looked up by hash rather than by a linear scan. */
  static final int MAX_LINEAR_MEMBERS = 24;

  private FrozenJson() {}

  /** An immutable copy of {@code map}, nested values included; {@code map} itself if frozen. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Map<?, ?> map) {
    if (map instanceof SmallMap || map.isEmpty()) {
      return map.isEmpty() ? Map.of() : (Map<String, Object>) map;
    }
    if (map.size() > MAX_LINEAR_MEMBERS) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(k, value(v)));
      return (Map<String, Object>) (Map<?, ?>) Collections.unmodifiableMap(copy);
    }
    Object[] members = new Object[map.size() * 2];
    int i = 0;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      members[i++] = e.getKey();
      members[i++] = value(e.getValue());
    }
    return new SmallMap(members);
  }

  /** {@code value} made deeply immutable: objects and arrays copied, everything else as is. */
  static Object value(Object value) {
    if (value instanceof Map<?, ?> map) {
      return map(map);
    }
    if (value instanceof FrozenList) {
      return value;
    }
    if (value instanceof Collection<?> items) {
      Object[] copy = new Object[items.size()];
      int i = 0;
      for (Object item : items) {
        copy[i++] = value(item);
      }
      return new FrozenList(copy);
    }
    return value;
  }

  /** An immutable set iterating in natural order; {@code scopes} itself if already one. */
  static Set<String> sortedSet(Collection<String> scopes) {
    if (scopes instanceof SortedArraySet || scopes.isEmpty()) {
      return scopes.isEmpty() ? Set.of() : (Set<String>) scopes;
    }
    String[] sorted = scopes.toArray(new String[0]);
    for (String s : sorted) {
      Objects.requireNonNull(s, "scope");
    }
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || !sorted[i].equals(sorted[distinct - 1])) {
        sorted[distinct++] = sorted[i];
      }
    }
    return new SortedArraySet(distinct == sorted.length ? sorted : Arrays.copyOf(sorted, distinct));
  }

  /**
   * A JSON object of a few members: names and values alternate in one array, in order. Implements
   * {@link Map} directly rather than extending {@code AbstractMap}, whose two cached views would
   * add a third to its size.
   */
  private static final class SmallMap implements Map<String, Object> {
    private final Object[] members;

    SmallMap(Object[] members) {
      this.members = members;
    }

    @Override
    public int size() {
      return members.length / 2;
    }

    @Override
    public boolean isEmpty() {
      return members.length == 0;
    }

    @Override
    public Object get(Object key) {
      int i = indexOf(key);
      return i < 0 ? null : members[i + 1];
    }

    @Override
    public boolean containsKey(Object key) {
      return indexOf(key) >= 0;
    }

    @Override
    public boolean containsValue(Object value) {
      for (int i = 1; i < members.length; i += 2) {
        if (Objects.equals(members[i], value)) {
          return true;
        }
      }
      return false;
    }

    private int indexOf(Object key) {
      for (int i = 0; i < members.length; i += 2) {
        if (Objects.equals(members[i], key)) {
          return i;
        }
      }
      return -1;
    }

    @Override
    public Set<String> keySet() {
      return Collections.unmodifiableMap(view()).keySet();
    }

    @Override
    public Collection<Object> values() {
      return Collections.unmodifiableMap(view()).values();
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return Collections.unmodifiableMap(view()).entrySet();
    }

    // An ordered copy for the views, which callers rarely ask for (the hot paths use get).
    private Map<String, Object> view() {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (int i = 0; i < members.length; i += 2) {
        copy.put((String) members[i], members[i + 1]);
      }
      return copy;
    }

    @Override
    public Object put(String key, Object value) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Object remove(Object key) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void putAll(Map<? extends String, ?> m) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void clear() {
      throw new UnsupportedOperationException();
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      if (!(o instanceof Map<?, ?> other) || other.size() != size()) {
        return false;
      }
      for (int i = 0; i < members.length; i += 2) {
        Object value = members[i + 1];
        if (value == null ? other.get(members[i]) != null || !other.containsKey(members[i])
            : !value.equals(other.get(members[i]))) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      int h = 0;
      for (int i = 0; i < members.length; i += 2) {
        h += Objects.hashCode(members[i]) ^ Objects.hashCode(members[i + 1]);
      }
      return h;
    }

    @Override
    public String toString() {
      return view().toString();
    }
  }

  /** A JSON array. */
  private static final class FrozenList extends AbstractList<Object> implements RandomAccess {
    private final Object[] items;

    FrozenList(Object[] items) {
      this.items = items;
    }

    @Override
    public Object get(int index) {
      return items[index];
    }

    @Override
    public int size() {
      return items.length;
    }
  }

  /** Distinct strings sorted in natural order; membership by binary search. */
  private static final class SortedArraySet extends AbstractSet<String> {
    private final String[] sorted;

    SortedArraySet(String[] sorted) {
      this.sorted = sorted;
    }

    @Override
    public int size() {
      return sorted.length;
    }

    @Override
    public boolean contains(Object o) {
      return o instanceof String s && Arrays.binarySearch(sorted, s) >= 0;
    }

    @Override
    public Iterator<String> iterator() {
      return Collections.unmodifiableList(Arrays.asList(sorted)).iterator();
    }
  }
}
