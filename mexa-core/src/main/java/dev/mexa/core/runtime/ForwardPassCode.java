package dev.mexa.core.runtime;

import ai.djl.engine.Engine;
import dev.mexa.core.DjlEngine;
import dev.mexa.core.MexaException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The version of the code that turns sentences into embeddings, for cache keys: a digest of the compiled classes of
 * this package and its subpackages (tokenizer, decoder families, pooling, weight loading) and the engine's name and
 * version. Any change to the forward pass, however small, gives a new version, with no number to remember to bump.
 */
public final class ForwardPassCode {

    private static final String PACKAGE = ForwardPassCode.class.getPackageName().replace('.', '/') + "/";
    private static volatile String version;

    private ForwardPassCode() {
    }

    /** @return {@code <engine> <engine version> classes sha256:<hex>}, computed once per class loader */
    public static String version() {
        String known = version;
        if (known == null) {
            Engine engine = Engine.getEngine(DjlEngine.NAME);
            known = engine.getEngineName() + " " + engine.getVersion() + " classes " + classesDigest();
            version = known;
        }
        return known;
    }

    private static String classesDigest() {
        Map<String, byte[]> classes = new TreeMap<>();
        try {
            Path location = Path.of(ForwardPassCode.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                readDirectory(location, classes);
            } else {
                readJar(location, classes);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            throw new MexaException("Cannot read mexa-core's own classes to version the embeddings cache ("
                    + e.getMessage() + "): set cache (mexa.cache) to false.", e);
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        classes.forEach((name, bytes) -> {
            digest.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            digest.update(bytes);
        });
        return "sha256:" + HexFormat.of().formatHex(digest.digest());
    }

    private static void readDirectory(Path root, Map<String, byte[]> classes) throws IOException {
        Path dir = root.resolve(PACKAGE);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(file -> file.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            classes.put(root.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
        }
    }

    private static void readJar(Path jar, Map<String, byte[]> classes) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : java.util.Collections.list(file.entries())) {
                if (entry.getName().startsWith(PACKAGE) && entry.getName().endsWith(".class")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        classes.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
    }
}
