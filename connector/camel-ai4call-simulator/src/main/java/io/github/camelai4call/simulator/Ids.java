package io.github.camelai4call.simulator;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * The ids the simulator hands out (call ids, new assistants' keys, appended records) and the hex form of the
 * synthetic ones. Unlike the synthetic history, they are not derived from the seed: a restarted simulator must not
 * hand out a call id again, as the service never does.
 */
final class Ids {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());

    /** {@code prefix} followed by {@code chars} (at most 16) random hex digits. */
    String next(String prefix, int chars) {
        long v;
        synchronized (random) {
            v = random.nextLong();
        }
        String hex = hex16(v);
        return prefix + (chars >= 16 ? hex : hex.substring(16 - chars));
    }

    static String hex16(long v) {
        char[] c = new char[16];
        for (int k = 15; k >= 0; k--) {
            c[k] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        return new String(c);
    }
}
