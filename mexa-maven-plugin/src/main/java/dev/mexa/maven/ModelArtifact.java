package dev.mexa.maven;

import dev.mexa.core.MexaException;
import java.util.List;

/**
 * The coordinates of a model packaged as a Maven artifact, as {@code modelArtifact} spells them:
 * {@code groupId:artifactId:version[:classifier[:extension]]}, the extension {@code jar} unless given.
 *
 * @param groupId the group
 * @param artifactId the artifact
 * @param version the version
 * @param classifier the classifier, or empty
 * @param extension the file extension, e.g. {@code jar} or {@code zip}
 */
record ModelArtifact(String groupId, String artifactId, String version, String classifier, String extension) {

    /**
     * @param coordinates {@code groupId:artifactId:version[:classifier[:extension]]}
     * @return the coordinates
     * @throws MexaException naming the parameter and the expected form when they do not parse
     */
    static ModelArtifact parse(String coordinates) {
        String[] parts = coordinates.strip().split(":", -1);
        boolean blank = parts.length < 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank();
        if (blank || parts.length > 5 || coordinates.chars().anyMatch(Character::isWhitespace)) {
            throw new MexaException("modelArtifact (mexa.modelArtifact) is '" + coordinates + "': use"
                    + " groupId:artifactId:version[:classifier[:extension]], e.g. com.example:my-model:1.0 or"
                    + " com.example:my-model:1.0:fp16:zip.");
        }
        String classifier = parts.length > 3 ? parts[3] : "";
        String extension = parts.length > 4 && !parts[4].isEmpty() ? parts[4] : "jar";
        return new ModelArtifact(parts[0], parts[1], parts[2], classifier, extension);
    }

    /** @return the artifact's file name in a repository, e.g. {@code my-model-1.0-fp16.zip} */
    String fileName() {
        return artifactId + "-" + version + (classifier.isEmpty() ? "" : "-" + classifier) + "." + extension;
    }

    /** @return the path segments that key its unpacked copy: group, artifact, version and file name */
    List<String> cacheKey() {
        return List.of(groupId, artifactId, version, fileName());
    }

    @Override
    public String toString() {
        return groupId + ":" + artifactId + ":" + version + (classifier.isEmpty() && extension.equals("jar") ? ""
                : ":" + classifier + (extension.equals("jar") ? "" : ":" + extension));
    }
}
