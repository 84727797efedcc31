package dev.mexa.core.corpus;

import dev.mexa.core.MexaException;
import dev.mexa.core.io.IoReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A directory of line-aligned sentence files, one per language ({@code <lang>.devtest}, {@code <lang>.dev} or
 * {@code <lang>.txt}), cut to the first N lines. Every file is checked when the corpus is opened (UTF-8, no empty
 * line among the first N, at least as many lines as the longest file offers up to N) so that a bad file fails
 * before any model runs.
 */
public final class ParallelCorpus {

    /** File name extensions recognised as corpus files, in order of preference for messages. */
    public static final List<String> EXTENSIONS = List.of(".devtest", ".dev", ".txt");

    private final String description;
    private final SortedMap<String, Path> files;
    private final Map<String, List<String>> sentences;
    private final int size;

    private ParallelCorpus(String description, SortedMap<String, Path> files, Map<String, List<String>> sentences,
            int size) {
        this.description = description;
        this.files = files;
        this.sentences = sentences;
        this.size = size;
    }

    /**
     * Reads and checks every language file of a corpus directory.
     *
     * @param directory the corpus directory
     * @param wanted how many leading lines of each file to use, at least 1 (see
     *     {@link dev.mexa.core.runtime.ModelSettings}); when every file is shorter, all files must have the
     *     same number of lines and that number is used
     * @return the corpus
     * @throws MexaException naming the file (and line) at fault
     */
    public static ParallelCorpus read(Path directory, int wanted) {
        return read(directory, wanted, directory.toString());
    }

    /**
     * @param directory the corpus directory
     * @param wanted how many leading lines of each file to use
     * @param description what the corpus is called in messages and reports
     * @return the corpus
     */
    static ParallelCorpus read(Path directory, int wanted, String description) {
        SortedMap<String, Path> files = listFiles(directory);
        Map<String, List<String>> lines = new TreeMap<>();
        files.forEach((language, file) -> lines.put(language, SentenceFile.readLeading(file, wanted)));
        int size = lines.values().stream().mapToInt(List::size).max().orElse(0);
        if (size == 0) {
            throw new MexaException("Every corpus file in " + directory + " is empty: add line-aligned sentences.");
        }
        String longest = lines.entrySet().stream().filter(entry -> entry.getValue().size() == size)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        for (Map.Entry<String, List<String>> entry : lines.entrySet()) {
            if (entry.getValue().size() < size) {
                throw new MexaException("Corpus file " + files.get(entry.getKey()) + " ends after line "
                        + entry.getValue().size() + " but " + files.get(longest) + " has " + size
                        + " lines: the files must be line-aligned translations; add the missing lines from line "
                        + (entry.getValue().size() + 1) + " or remove the file.");
            }
        }
        return new ParallelCorpus(description, Collections.unmodifiableSortedMap(files),
                Collections.unmodifiableMap(lines), size);
    }

    private static SortedMap<String, Path> listFiles(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new MexaException("Corpus directory " + directory + " does not exist: set corpus (mexa.corpus) to a"
                    + " directory of line-aligned <lang>.devtest, <lang>.dev or <lang>.txt files.");
        }
        SortedMap<String, Path> files = new TreeMap<>();
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.filter(Files::isRegularFile).sorted().forEach(candidates::add);
        } catch (IOException e) {
            throw new MexaException("Cannot list corpus directory " + directory + ": " + IoReason.of(e) + ".", e);
        }
        for (Path file : candidates) {
            String name = file.getFileName().toString();
            for (String extension : EXTENSIONS) {
                if (name.endsWith(extension) && name.length() > extension.length()) {
                    String language = LanguageCode.fromFileName(
                            name.substring(0, name.length() - extension.length()), file);
                    Path previous = files.putIfAbsent(language, file);
                    if (previous != null) {
                        throw new MexaException("Corpus directory " + directory + " has two files for language "
                                + language + ": " + previous.getFileName() + " and " + name + "; keep one.");
                    }
                }
            }
        }
        requireOneSplit(directory, files);
        if (files.isEmpty()) {
            throw new MexaException("Corpus directory " + directory + " holds no <lang>.devtest, <lang>.dev or"
                    + " <lang>.txt file: add one line-aligned file per language (e.g. eng_Latn.devtest).");
        }
        return files;
    }

    /**
     * FLORES-200's dev and devtest splits hold different sentences: a {@code .dev} file's line i is no translation of
     * a {@code .devtest} file's line i, so a corpus mixing them would be scored as if misaligned.
     */
    private static void requireOneSplit(Path directory, SortedMap<String, Path> files) {
        Optional<Path> dev = withExtension(files, ".dev");
        Optional<Path> devtest = withExtension(files, ".devtest");
        if (dev.isPresent() && devtest.isPresent()) {
            throw new MexaException("Corpus directory " + directory + " mixes FLORES-200 splits: "
                    + dev.get().getFileName() + " is from dev, " + devtest.get().getFileName() + " from devtest. The"
                    + " two splits hold different sentences, so their lines are not translations of each other: keep"
                    + " the files of one split only.");
        }
    }

    private static Optional<Path> withExtension(SortedMap<String, Path> files, String extension) {
        return files.values().stream().filter(file -> file.getFileName().toString().endsWith(extension)).findFirst();
    }

    /**
     * @return what the corpus is, for messages and reports: its directory, or the bundled corpus's name
     */
    public String description() {
        return description;
    }

    /** @return the language codes, sorted */
    public SortedSet<String> languages() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(files.keySet()));
    }

    /** @return the number of sentences per language */
    public int size() {
        return size;
    }

    /**
     * @param language a code from {@link #languages()}
     * @return the file that language's sentences come from
     */
    public Path file(String language) {
        return files.get(requireLanguage(language));
    }

    /**
     * @param language a code from {@link #languages()}
     * @return its first {@link #size()} sentences, in file order
     */
    public List<String> sentences(String language) {
        return sentences.get(requireLanguage(language));
    }

    /**
     * @param language a language code, e.g. the pivot
     * @return the code, when the corpus has a file for it
     * @throws MexaException naming the files the corpus would accept when it has none
     */
    public String requireLanguage(String language) {
        if (!files.containsKey(language)) {
            throw new MexaException("Corpus " + description + " has no file for language " + language
                    + " (expected " + language + ".devtest, " + language + ".dev or " + language + ".txt): add it"
                    + " or choose another language.");
        }
        return language;
    }
}
