package dev.mexa.maven;

import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import dev.mexa.core.archive.CheckpointCache;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Resolves {@code modelArtifact} from the project's repositories through the build's repository session (local
 * repository, offline mode, mirrors, authentication), as the dependency plugin resolves artifacts, and unpacks it
 * once into the model cache ({@code modelCache}, by default {@code .mexa/models} in the local repository), keyed by
 * its coordinates and its SHA-256.
 *
 * @param system the build's repository system
 * @param project the project whose repositories and session are used
 * @param cache the cache directory, or null for the default
 */
record ModelArtifacts(RepositorySystem system, MavenProject project, File cache) {

    /**
     * @param model the {@code model} parameter, or null
     * @param coordinates the {@code modelArtifact} parameter, or null
     * @param embeddings whether {@code embeddings} is set
     * @param log where the line naming the unpacked copy goes
     * @return the checkpoint directory to run: {@code model}, or the unpacked artifact's checkpoint; null when
     *     neither is set
     * @throws MexaException when it is set with {@code model} or {@code embeddings}, or cannot be resolved or
     *     unpacked
     */
    File checkpoint(File model, String coordinates, boolean embeddings, MexaLog log) {
        if (coordinates == null || coordinates.isBlank()) {
            return model;
        }
        if (model != null || embeddings) {
            String other = model != null ? "model (mexa.model)" : "embeddings (mexa.embeddings)";
            throw new MexaException("Both modelArtifact (mexa.modelArtifact) and " + other + " are set: set"
                    + " modelArtifact to the coordinates of a jar or zip holding a checkpoint, model to a checkpoint"
                    + " directory, or embeddings to precomputed embeddings; only one of them.");
        }
        ModelArtifact artifact = ModelArtifact.parse(coordinates);
        String what = "modelArtifact (mexa.modelArtifact) " + artifact;
        Path unpacked = new CheckpointCache(cacheDirectory()).checkpoint(resolve(artifact), artifact.cacheKey(), what,
                log);
        return unpacked.toFile();
    }

    private Path resolve(ModelArtifact artifact) {
        List<RemoteRepository> repositories = project.getRemoteProjectRepositories();
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(artifact.groupId(), artifact.artifactId(),
                artifact.classifier(), artifact.extension(), artifact.version()), repositories, null);
        try {
            return system.resolveArtifact(session(), request).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MexaException("Cannot resolve modelArtifact (mexa.modelArtifact) " + artifact + " from the local"
                    + " repository or " + repositories.stream().map(RemoteRepository::getId)
                    .collect(Collectors.joining(", ")) + ": " + e.getMessage() + ". Install or deploy the model"
                    + " artifact, or fix the coordinates.", e);
        }
    }

    private Path cacheDirectory() {
        return cache != null ? cache.toPath()
                : session().getLocalRepository().getBasedir().toPath().resolve(".mexa").resolve("models");
    }

    private RepositorySystemSession session() {
        return project.getProjectBuildingRequest().getRepositorySession();
    }
}
