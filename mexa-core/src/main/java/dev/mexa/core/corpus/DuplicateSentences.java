package dev.mexa.core.corpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds exact duplicates among the sentences a corpus file contributes. Two identical sentences get identical
 * embeddings, so neither can be strictly more similar to its own translation than to the other: under MEXA's strict
 * rule both never count, and a duplicate in the pivot file costs every language.
 */
public final class DuplicateSentences {

    private static final int MAX_EXAMPLES = 3;

    private DuplicateSentences() {
    }

    /**
     * @param language the language the sentences belong to
     * @param file the corpus file the sentences come from, named in the warning
     * @param sentences the scored sentences of that file, line 1 first
     * @param pivot whether the file is the pivot's, whose repeats cost every language
     * @return a warning naming the file and the first repeated lines, or empty when every sentence is distinct
     */
    public static Optional<String> warning(String language, Path file, List<String> sentences, boolean pivot) {
        Map<String, Integer> firstLine = new HashMap<>();
        List<String> found = new ArrayList<>();
        int repeats = 0;
        for (int index = 0; index < sentences.size(); index++) {
            Integer earlier = firstLine.putIfAbsent(sentences.get(index), index + 1);
            if (earlier != null) {
                repeats++;
                if (found.size() < MAX_EXAMPLES) {
                    found.add("line " + (index + 1) + " repeats line " + earlier);
                }
            }
        }
        if (repeats == 0) {
            return Optional.empty();
        }
        if (repeats > found.size()) {
            found.add((repeats - found.size()) + " more");
        }
        String who = pivot ? "any language" : language;
        return Optional.of(file.getFileName() + " repeats sentences within its first " + sentences.size() + " lines ("
                + String.join("; ", found) + "): identical sentences never count for " + who
                + " under MEXA's strict rule, which caps the score; remove or replace the repeats.");
    }
}
