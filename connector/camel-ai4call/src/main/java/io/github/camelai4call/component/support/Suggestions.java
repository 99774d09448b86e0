package io.github.camelai4call.component.support;

import java.util.Comparator;
import java.util.List;

/** Closest names to a mistyped one, for error messages. */
public final class Suggestions {

    private Suggestions() {
    }

    /** Up to {@code max} candidates nearest to {@code typed} by edit distance (case-insensitive). */
    public static List<String> closest(String typed, List<String> candidates, int max) {
        String t = typed.toLowerCase();
        return candidates.stream()
                .sorted(Comparator.comparingInt((String c) -> distance(t, c.toLowerCase())).thenComparing(c -> c))
                .limit(max).toList();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
