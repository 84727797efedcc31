package dev.mexa.core.runtime.model;

import dev.mexa.core.MexaException;
import dev.mexa.core.runtime.checkpoint.ConfigReader;
import java.util.List;
import java.util.stream.Collectors;

/** The registry of implemented decoder families: finds the one serving a {@code model_type}. */
final class DecoderFamilies {

    /** Every family; a new family is added here. */
    private static final List<DecoderFamily> FAMILIES = List.of(new LlamaFamily(), new Gpt2Family(),
            new GemmaFamily(), new OlmoFamily(), new Olmo2Family(), new Phi3Family());

    private DecoderFamilies() {
    }

    /**
     * @param config a checkpoint's {@code config.json}
     * @return the family serving its {@code model_type}
     * @throws MexaException naming config.json and listing the supported types when none does
     */
    static DecoderFamily of(ConfigReader config) {
        String modelType = config.string("model_type");
        return FAMILIES.stream().filter(family -> family.modelTypes().contains(modelType)).findFirst()
                .orElseThrow(() -> new MexaException("Unsupported model_type '" + modelType + "' in "
                        + config.file() + ": supported are " + supported() + ". Use a checkpoint of a supported"
                        + " family, a TorchScript export of the model (model.pt, see docs/runtime.md), or import"
                        + " embeddings computed elsewhere (mexa.embeddings)."));
    }

    /** @return the supported {@code model_type} values, comma separated */
    static String supported() {
        return FAMILIES.stream().flatMap(family -> family.modelTypes().stream()).collect(Collectors.joining(", "));
    }
}
