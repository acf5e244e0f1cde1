package fr.ent.keycloak.password.core;

/**
 * A set of canonical words stored as 64-bit FNV-1a hashes in one open-addressing table: 8 bytes per slot at a load
 * between 0.35 and 0.75, no object per word, and lookups of any substring of a password in a few nanoseconds
 * thanks to the incremental hash ({@link #step}). Two different words sharing a 64-bit hash is negligible for a
 * password check (about 10^-8 for a million entries).
 *
 * <p>Filled once, then only read: safe to share between threads after construction.
 */
public final class WordSet {

    static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
    private static final long EMPTY = 0L;

    private long[] table;
    private int mask;
    private int size;
    /** One bit per hash prefix, 8 bits per slot (1 MB for a million slots): most misses end here, in cache. */
    private long[] filter;

    private int filterShift;

    /**
     * Words of {@value #LONG_WORD} characters or more are few (under 10 %): a second filter of 128 KB, which stays in
     * the processor's cache, answers most lookups of long substrings (passphrases) without touching the big ones.
     */
    static final int LONG_WORD = 14;

    private final long[] longFilter = new long[1 << 14];

    public WordSet(int expectedSize) {
        int wanted = (int) Math.min(1 << 30, Math.max(16L, (long) Math.ceil(expectedSize / 0.75)));
        int capacity = Integer.highestOneBit(wanted - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        table = new long[capacity];
        mask = capacity - 1;
        filter = new long[Math.max(1, capacity / 8)];
        filterShift = 64 - Integer.numberOfTrailingZeros(filter.length * 64);
    }

    /** The hash of {@code c} appended to a word whose hash is {@code hash} (start from {@link #OFFSET}). */
    static long step(long hash, char c) {
        return (hash ^ c) * PRIME;
    }

    static long hash(CharSequence word) {
        long h = OFFSET;
        for (int i = 0; i < word.length(); i++) {
            h = step(h, word.charAt(i));
        }
        return h;
    }

    /** Adds a canonical word; returns whether it was new. */
    public boolean add(CharSequence word) {
        if (size >= table.length / 4 * 3) {
            grow();
        }
        long h = nonEmpty(hash(word));
        if (word.length() >= LONG_WORD) {
            int bit = longBit(h);
            longFilter[bit >>> 6] |= 1L << bit;
        }
        return insert(h);
    }

    public boolean contains(CharSequence word) {
        return containsHash(hash(word), word.length());
    }

    /** Whether the word of {@code length} characters whose hash is {@code hash} is in the set. */
    boolean containsHash(long hash, int length) {
        long h = nonEmpty(hash);
        if (length >= LONG_WORD) {
            int bit = longBit(h);
            if ((longFilter[bit >>> 6] & (1L << bit)) == 0) {
                return false;
            }
        }
        return containsMixed(h);
    }

    /** The long-word filter's bit: 20 low bits, mixed, independent of the main filter's high bits. */
    private static int longBit(long h) {
        return (int) ((h * 0x9e3779b97f4a7c15L) >>> 44);
    }

    private boolean containsMixed(long h) {
        if ((filter[(int) (h >>> filterShift) >>> 6] & (1L << (h >>> filterShift))) == 0) {
            return false;
        }
        int i = index(h);
        while (true) {
            long slot = table[i];
            if (slot == h) {
                return true;
            }
            if (slot == EMPTY) {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    public int size() {
        return size;
    }

    /** Bytes held by the table, for the benchmarks. */
    public long footprintBytes() {
        return 48L + 8L * table.length + 8L * filter.length + 8L * longFilter.length;
    }

    private boolean insert(long h) {
        int i = index(h);
        while (true) {
            long slot = table[i];
            if (slot == h) {
                return false;
            }
            if (slot == EMPTY) {
                table[i] = h;
                size++;
                filter[(int) (h >>> filterShift) >>> 6] |= 1L << (h >>> filterShift);
                return true;
            }
            i = (i + 1) & mask;
        }
    }

    private void grow() {
        long[] old = table;
        allocate(old.length * 2);
        size = 0;
        for (long h : old) {
            if (h != EMPTY) {
                insert(h);
            }
        }
    }

    private int index(long h) {
        long mixed = h ^ (h >>> 29);
        mixed *= 0xbf58476d1ce4e5b9L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    private static long nonEmpty(long h) {
        return h == EMPTY ? 1L : h;
    }
}
