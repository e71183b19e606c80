package id.satupintu.pipeline.ingest;

/**
 * The NIKs staged from one file so far, each with a key of the name on its first row, as longs in
 * an open-addressing table: tells in one pass which rows repeat an earlier row's NIK and whether
 * under another name, at 32 bytes a NIK rather than a String map's couple of hundred.
 */
final class NikSet {
    /** What {@link #putIfAbsent} returns for a NIK not seen before. */
    static final long ABSENT = Long.MIN_VALUE;

    private static final long EMPTY = 0;

    private long[] niks = new long[1 << 16];
    private long[] nameKeys = new long[1 << 16];
    private int size;

    /**
     * Records a NIK (16 digits, never all zeros) with the name key of its row, unless it is there.
     *
     * @return {@link #ABSENT} when the NIK is new, else the name key of its first row
     */
    long putIfAbsent(long nik, long nameKey) {
        if (size * 2 >= niks.length) {
            grow();
        }
        int mask = niks.length - 1;
        int slot = (int) (mix(nik) & mask);
        while (niks[slot] != EMPTY) {
            if (niks[slot] == nik) {
                return nameKeys[slot];
            }
            slot = (slot + 1) & mask;
        }
        niks[slot] = nik;
        nameKeys[slot] = nameKey;
        size++;
        return ABSENT;
    }

    private void grow() {
        long[] oldNiks = niks;
        long[] oldKeys = nameKeys;
        niks = new long[oldNiks.length * 2];
        nameKeys = new long[oldNiks.length * 2];
        int mask = niks.length - 1;
        for (int i = 0; i < oldNiks.length; i++) {
            if (oldNiks[i] != EMPTY) {
                int slot = (int) (mix(oldNiks[i]) & mask);
                while (niks[slot] != EMPTY) {
                    slot = (slot + 1) & mask;
                }
                niks[slot] = oldNiks[i];
                nameKeys[slot] = oldKeys[i];
            }
        }
    }

    /** A 64-bit FNV-1a key of a normalized name (0 for none); never {@link #ABSENT}. */
    static long nameKey(String normalizedName) {
        if (normalizedName == null) {
            return 0;
        }
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < normalizedName.length(); i++) {
            hash ^= normalizedName.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash == ABSENT ? 1 : hash;
    }

    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
