package io.github.fiffkit.testkit;

/** Byte-array helpers. */
final class Bytes {
    private Bytes() {
    }

    /** @return the offset of the first occurrence of needle in haystack, or -1 */
    static int indexOf(byte[] haystack, byte[] needle) {
        if (needle.length == 0) {
            return 0;
        }
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            if (haystack[i] != needle[0]) {
                continue;
            }
            for (int k = 1; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
