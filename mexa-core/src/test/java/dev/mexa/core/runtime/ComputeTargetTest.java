package dev.mexa.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.types.DataType;
import dev.mexa.core.MexaException;
import dev.mexa.core.MexaLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComputeTargetTest {

    private final List<String> warnings = new ArrayList<>();
    private final MexaLog log = new MexaLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }
    };

    @Test
    void cpuComputesFloat32AndWarnsWhenFloat16WasRequested() {
        assertThat(ComputeTarget.resolve(ComputeDevice.CPU, ComputeType.AUTO, log))
                .isEqualTo(new ComputeTarget(Device.cpu(), DataType.FLOAT32));
        assertThat(warnings).isEmpty();
        assertThat(ComputeTarget.resolve(ComputeDevice.CPU, ComputeType.FLOAT16, log).computeType())
                .isEqualTo(DataType.FLOAT32);
        assertThat(warnings).singleElement().asString().contains("float16 runs as float32 on the CPU");
    }

    @Test
    void bfloat16IsRefusedOnEveryDeviceBecauseDjlHasNone() {
        // DJL's PyTorch bridge maps no dtype to bfloat16 and aborts the JVM when asked for one, on the GPU as well
        assertThat(ComputeType.values()).containsExactly(ComputeType.AUTO, ComputeType.FLOAT32, ComputeType.FLOAT16);
        assertThatThrownBy(() -> ComputeType.parse("BFloat16"))
                .isInstanceOf(MexaException.class)
                .hasMessage("dtype (mexa.dtype) bfloat16 is not available: DJL's PyTorch bridge has no bfloat16 on any"
                        + " device (it would abort the JVM). Set dtype to auto or float32 (BF16 weights are widened"
                        + " exactly to float32), or to float16 on a GPU.");
        assertThatThrownBy(() -> ComputeType.parse("fp8"))
                .hasMessage("Unknown dtype 'fp8': set dtype (mexa.dtype) to auto, float32 or float16.");
        assertThat(ComputeType.parse(null)).isEqualTo(ComputeType.AUTO);
        assertThat(ComputeType.parse(" Float16 ")).isEqualTo(ComputeType.FLOAT16);
    }

    @Test
    void autoUsesTheCpuWithoutGpuAndGpuIsAnErrorThere() {
        assumeTrue(Engine.getInstance().getGpuCount() == 0, "a GPU is visible");
        assertThat(ComputeTarget.resolve(ComputeDevice.AUTO, ComputeType.AUTO, log).device()).isEqualTo(Device.cpu());
        assertThatThrownBy(() -> ComputeTarget.resolve(ComputeDevice.GPU, ComputeType.AUTO, log))
                .isInstanceOf(MexaException.class).hasMessageContaining("sees no GPU");
    }

    @Test
    void autoUsesFloat32OnAGpuAndFloat16IsOptIn() {
        assumeTrue(Engine.getInstance().getGpuCount() > 0, "no GPU visible");
        assertThat(ComputeTarget.resolve(ComputeDevice.AUTO, ComputeType.AUTO, log))
                .isEqualTo(new ComputeTarget(Device.gpu(), DataType.FLOAT32));
        assertThat(ComputeTarget.resolve(ComputeDevice.GPU, ComputeType.FLOAT16, log))
                .isEqualTo(new ComputeTarget(Device.gpu(), DataType.FLOAT16));
    }
}
