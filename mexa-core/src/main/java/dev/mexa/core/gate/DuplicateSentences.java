package dev.mexa.core.gate;

import dev.mexa.core.MexaException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds exact duplicate lines among the sentences a corpus file contributes. Two identical sentences get identical
 * embeddings, so neither can be strictly more similar to its own translation than to the other: under MEXA's strict
 * rule both never count, and a duplicate in the pivot file costs every language.
 */
public final class DuplicateSentences {

    /** Corpus file extensions, in the order they are looked for. */
    private static final List<String> EXTENSIONS = List.of(".devtest", ".dev", ".txt");
    private static final int MAX_EXAMPLES = 3;

    private DuplicateSentences() {
    }

    /**
     * @param corpus a directory of line-aligned {@code <lang>.devtest|.dev|.txt} files
     * @param languages the language codes scored, pivot included; a language without a file is passed over
     * @param pivot the pivot language code
     * @param sentences how many leading lines of each file are scored
     * @return one warning line per file with duplicates, naming the file and the first duplicate line numbers
     * @throws MexaException naming the file when it cannot be read
     */
    public static List<String> warnings(Path corpus, Collection<String> languages, String pivot, int sentences) {
        List<String> warnings = new ArrayList<>();
        for (String language : languages) {
            Path file = corpusFile(corpus, language);
            if (file == null) {
                continue;
            }
            List<String> duplicates = duplicates(file, sentences);
            if (!duplicates.isEmpty()) {
                String who = language.equals(pivot) ? "any language" : language;
                warnings.add(file.getFileName() + " repeats sentences within its first " + sentences + " lines ("
                        + String.join("; ", duplicates) + "): identical sentences never count for " + who
                        + " under MEXA's strict rule, which caps the score; remove or replace the repeats.");
            }
        }
        return warnings;
    }

    private static Path corpusFile(Path corpus, String language) {
        return EXTENSIONS.stream().map(extension -> corpus.resolve(language + extension))
                .filter(Files::isRegularFile).findFirst().orElse(null);
    }

    private static List<String> duplicates(Path file, int sentences) {
        Map<String, Integer> firstLine = new HashMap<>();
        List<String> found = new ArrayList<>();
        int repeats = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            for (int number = 1; number <= sentences && (line = reader.readLine()) != null; number++) {
                Integer earlier = firstLine.putIfAbsent(line, number);
                if (earlier != null) {
                    repeats++;
                    if (found.size() < MAX_EXAMPLES) {
                        found.add("line " + number + " repeats line " + earlier);
                    }
                }
            }
        } catch (IOException e) {
            throw new MexaException("Cannot read corpus file " + file + " to look for duplicate sentences: "
                    + e.getMessage(), e);
        }
        if (repeats > found.size()) {
            found.add((repeats - found.size()) + " more");
        }
        return found;
    }
}
