package dev.mexa.core.corpus;

import dev.mexa.core.MexaException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The default corpus: the first 100 sentences of each of the 204 FLORES-200 {@code devtest} files (CC BY-SA 4.0),
 * which the {@code dev.mexa:mexa-flores200} artifact puts on the class path. The files are read in place, from the
 * jar or a class directory, and checked against the artifact's index, so that a jar stripped of files fails
 * instead of scoring fewer languages.
 */
public final class BundledCorpus {

    /** The class path resource that says what the bundled directory holds: {@code sentences} and {@code languages}. */
    static final String INDEX = "dev/mexa/flores200/devtest.properties";

    private static final String DIRECTORY = "/dev/mexa/flores200/devtest";

    private BundledCorpus() {
    }

    /**
     * Reads the bundled corpus.
     *
     * @param wanted how many leading sentences of each language to use, at most as many as are bundled
     * @return the corpus, described as {@code bundled FLORES-200 devtest (first 100 sentences)}
     * @throws MexaException when the artifact is not on the class path or is incomplete, or when more sentences are
     *     wanted than it holds
     */
    public static ParallelCorpus read(int wanted) {
        URL index = BundledCorpus.class.getClassLoader().getResource(INDEX);
        if (index == null) {
            throw new MexaException("No corpus is set and the bundled FLORES-200 corpus (dev.mexa:mexa-flores200)"
                    + " is not on the class path: set corpus (mexa.corpus) to a directory of line-aligned"
                    + " <lang>.devtest, .dev or .txt files, or add that dependency.");
        }
        Properties properties = properties(index);
        int bundled = sentences(properties, index);
        if (wanted > bundled) {
            throw new MexaException("sentences (mexa.sentences) is " + wanted + ", but the bundled FLORES-200"
                    + " devtest corpus holds the first " + bundled + " sentences of each language: set corpus"
                    + " (mexa.corpus) to a directory with more, such as the full FLORES-200 devtest (1012"
                    + " sentences), or score at most " + bundled + ".");
        }
        ParallelCorpus corpus = ParallelCorpus.read(directory(index), wanted, description(bundled));
        SortedSet<String> listed = new TreeSet<>(Arrays.asList(properties.getProperty("languages", "").split(",")));
        if (!corpus.languages().equals(listed) || corpus.size() != wanted) {
            throw new MexaException("The bundled FLORES-200 corpus at " + index + " is not what its index lists ("
                    + listed.size() + " languages of " + bundled + " sentences; found " + corpus.languages().size()
                    + " of " + corpus.size() + "): use an unmodified dev.mexa:mexa-flores200 jar, or set corpus"
                    + " (mexa.corpus) to a directory.");
        }
        return corpus;
    }

    /**
     * @param sentences how many sentences of each language are bundled
     * @return the corpus's name in messages and reports
     */
    static String description(int sentences) {
        return "bundled FLORES-200 devtest (first " + sentences + " sentences)";
    }

    private static int sentences(Properties properties, URL index) {
        String value = properties.getProperty("sentences", "").strip();
        if (!value.matches("[1-9][0-9]{0,8}")) {
            throw new MexaException("The bundled FLORES-200 index " + index + " has no valid sentences count ('"
                    + value + "'): use an unmodified dev.mexa:mexa-flores200 jar, or set corpus (mexa.corpus) to a"
                    + " directory.");
        }
        return Integer.parseInt(value);
    }

    private static Properties properties(URL index) {
        Properties properties = new Properties();
        try (InputStream in = index.openStream()) {
            properties.load(in);
        } catch (IOException e) {
            throw new MexaException("Cannot read the bundled FLORES-200 index " + index + ": " + e.getMessage(), e);
        }
        return properties;
    }

    private static Path directory(URL index) {
        URI uri;
        try {
            uri = index.toURI();
        } catch (URISyntaxException e) {
            throw new MexaException("The bundled FLORES-200 corpus at " + index + " has no usable location: set"
                    + " corpus (mexa.corpus) to a directory.", e);
        }
        return switch (uri.getScheme()) {
            case "file" -> Path.of(uri).resolveSibling("devtest");
            case "jar" -> jarFileSystem(uri).getPath(DIRECTORY);
            default -> throw new MexaException("The bundled FLORES-200 corpus at " + index + " cannot be read in"
                    + " place (it is neither in a jar nor in a directory): set corpus (mexa.corpus) to a directory.");
        };
    }

    /** The jar's file system: opened on first use and kept, read-only, for the JVM and any other reader of it. */
    private static synchronized FileSystem jarFileSystem(URI uri) {
        try {
            return FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(uri);
        } catch (IOException e) {
            throw new MexaException("Cannot open the bundled FLORES-200 corpus in " + uri + ": " + e.getMessage(), e);
        }
    }
}
