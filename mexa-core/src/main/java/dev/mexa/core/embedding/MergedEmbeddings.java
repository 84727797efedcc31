package dev.mexa.core.embedding;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.MexaException;
import dev.mexa.core.corpus.Shard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Several embeddings directories scored as one, such as the exports of a sharded run's jobs: the union of their
 * languages. Everything is checked when they are opened, before anything is scored, with the directories or files at
 * fault named: they must have been made the same way (embedding method; model, dtype and device kind where the export
 * marker records them; layers and width), a language in several directories (every shard's pivot) must hold equal
 * embeddings in each, and the exports of a sharded run must all be there, each once.
 */
public final class MergedEmbeddings implements EmbeddingSource {

    private static final String MERGE_ONLY = "merge only the exports of one run's shards, made with one model and"
            + " the same settings.";

    private final List<ImportedEmbeddings> parts;
    private final SortedMap<String, ImportedEmbeddings> owners;

    private MergedEmbeddings(List<ImportedEmbeddings> parts) {
        this.parts = List.copyOf(parts);
        SortedMap<String, ImportedEmbeddings> found = new TreeMap<>();
        for (ImportedEmbeddings part : parts) {
            part.languages().forEach(language -> found.putIfAbsent(language, part));
        }
        this.owners = Collections.unmodifiableSortedMap(found);
    }

    /**
     * @param directories one or more directories of {@code <lang>.safetensors} files
     * @return the embeddings of one directory as {@link ImportedEmbeddings}, or of several merged
     * @throws MexaException naming the directories or files that cannot be merged, or the missing shards
     */
    public static EmbeddingSource open(List<Path> directories) {
        List<ImportedEmbeddings> parts = directories.stream().map(ImportedEmbeddings::new).toList();
        checkShards(parts);
        if (parts.size() == 1) {
            return parts.get(0);
        }
        ImportedEmbeddings first = parts.get(0);
        for (ImportedEmbeddings other : parts.subList(1, parts.size())) {
            requireSameMaking(first, other);
        }
        MergedEmbeddings merged = new MergedEmbeddings(parts);
        merged.requireEqualCopies();
        return merged;
    }

    /**
     * The exports of a sharded run merge only as a whole: every shard of one sharding once, so that no language is
     * left out without a word. Directories without a shard (a whole export, another tool's) are not counted.
     */
    private static void checkShards(List<ImportedEmbeddings> parts) {
        Map<Shard, Path> shards = new LinkedHashMap<>();
        for (ImportedEmbeddings part : parts) {
            Shard shard = part.origin().map(ExportOrigin::shard).orElse(Shard.WHOLE);
            if (shard.isWhole()) {
                continue;
            }
            Path earlier = shards.put(shard, part.directory());
            if (earlier != null) {
                throw new MexaException("Embeddings directories " + earlier + " and " + part.directory() + " both"
                        + " hold shard " + shard + ": set embeddings (mexa.embeddings) to each shard's export once.");
            }
        }
        if (shards.isEmpty()) {
            return;
        }
        Shard first = shards.keySet().iterator().next();
        for (Map.Entry<Shard, Path> shard : shards.entrySet()) {
            if (shard.getKey().count() != first.count()) {
                throw new MexaException("Embeddings directories " + shards.get(first) + " (shard " + first + ") and "
                        + shard.getValue() + " (shard " + shard.getKey() + ") come from runs split differently: "
                        + MERGE_ONLY);
            }
        }
        SortedSet<String> missing = IntStream.rangeClosed(1, first.count())
                .mapToObj(index -> new Shard(index, first.count())).filter(shard -> !shards.containsKey(shard))
                .map(Shard::toString).collect(Collectors.toCollection(TreeSet::new));
        if (!missing.isEmpty()) {
            throw new MexaException("embeddings (mexa.embeddings) holds shard" + (shards.size() == 1 ? " " : "s ")
                    + shards.keySet().stream().map(Shard::toString).sorted().collect(Collectors.joining(", "))
                    + " of a run split in " + first.count() + ", without shard" + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing) + ": add the export directory of every shard's job.");
        }
    }

    private static void requireSameMaking(ImportedEmbeddings first, ImportedEmbeddings other) {
        if (first.method() != other.method()) {
            throw different(first, other, "embedding method", first.method().id(), other.method().id());
        }
        if (first.origin().isPresent() && other.origin().isPresent()) {
            Map<String, String> expected = first.origin().get().settings();
            Map<String, String> actual = other.origin().get().settings();
            for (Map.Entry<String, String> setting : expected.entrySet()) {
                if (!setting.getValue().equals(actual.get(setting.getKey()))) {
                    throw different(first, other, setting.getKey(), setting.getValue(), actual.get(setting.getKey()));
                }
            }
        }
        String firstWidth = width(first);
        String otherWidth = width(other);
        if (!firstWidth.equals(otherWidth)) {
            throw different(first, other, "layers and width", firstWidth, otherWidth);
        }
    }

    private static MexaException different(ImportedEmbeddings first, ImportedEmbeddings other, String what,
            String firstValue, String otherValue) {
        return new MexaException("Embeddings directories " + first.directory() + " and " + other.directory()
                + " were made with different " + what + " (" + firstValue + " and " + otherValue + "): "
                + MERGE_ONLY);
    }

    /** Layers and hidden size of a directory's first file, read from its header; the sentences may differ. */
    private static String width(ImportedEmbeddings part) {
        long[] shape = part.shape(part.languages().first());
        return shape.length == 3 ? shape[0] + " layers of " + shape[2] : Arrays.toString(shape);
    }

    /** A language found in several directories must hold the same embeddings in each; they are read once here. */
    private void requireEqualCopies() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlEngine.NAME)) {
            for (Map.Entry<String, ImportedEmbeddings> owner : owners.entrySet()) {
                String language = owner.getKey();
                List<ImportedEmbeddings> copies = new ArrayList<>();
                parts.stream().filter(part -> part != owner.getValue() && part.languages().contains(language))
                        .forEach(copies::add);
                if (copies.isEmpty()) {
                    continue;
                }
                try (NDManager scope = manager.newSubManager()) {
                    NDArray expected = owner.getValue().embed(language, scope);
                    for (ImportedEmbeddings copy : copies) {
                        if (!Arrays.equals(owner.getValue().shape(language), copy.shape(language))
                                || !expected.contentEquals(copy.embed(language, scope))) {
                            throw new MexaException("The embeddings of " + language + " differ between "
                                    + EmbeddingFiles.file(owner.getValue().directory(), language) + " and "
                                    + EmbeddingFiles.file(copy.directory(), language) + ": a language in several"
                                    + " embeddings directories must hold the same embeddings in each (every shard"
                                    + " embeds the pivot: run the shards with the same model, settings and kind of"
                                    + " device), or remove one of the files.");
                        }
                    }
                }
            }
        }
    }

    @Override
    public String description() {
        return parts.stream().map(ImportedEmbeddings::description).collect(Collectors.joining(", "));
    }

    @Override
    public String corpusDescription() {
        return null;
    }

    @Override
    public EmbeddingMethod method() {
        return parts.get(0).method();
    }

    @Override
    public SortedSet<String> languages() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(owners.keySet()));
    }

    @Override
    public int sentences(String language) {
        return owner(language).sentences(language);
    }

    @Override
    public OptionalInt hiddenStates(String language) {
        return owner(language).hiddenStates(language);
    }

    @Override
    public NDArray embed(String language, NDManager manager) {
        return owner(language).embed(language, manager);
    }

    private ImportedEmbeddings owner(String language) {
        return Objects.requireNonNull(owners.get(language), language);
    }

    @Override
    public void close() {
        parts.forEach(ImportedEmbeddings::close);
    }
}
