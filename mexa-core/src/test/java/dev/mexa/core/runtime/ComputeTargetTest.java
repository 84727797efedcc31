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
    void cpuComputesFloat32AndWarnsWhenHalfPrecisionWasRequested() {
        assertThat(ComputeTarget.resolve(ComputeDevice.CPU, ComputeType.AUTO, log))
                .isEqualTo(new ComputeTarget(Device.cpu(), DataType.FLOAT32));
        assertThat(warnings).isEmpty();
        for (ComputeType half : List.of(ComputeType.BFLOAT16, ComputeType.FLOAT16)) {
            assertThat(ComputeTarget.resolve(ComputeDevice.CPU, half, log).computeType()).isEqualTo(DataType.FLOAT32);
        }
        assertThat(warnings).hasSize(2).allMatch(line -> line.contains("runs as float32 on the CPU"));
    }

    @Test
    void autoUsesTheCpuWithoutGpuAndGpuIsAnErrorThere() {
        assumeTrue(Engine.getInstance().getGpuCount() == 0, "a GPU is visible");
        assertThat(ComputeTarget.resolve(ComputeDevice.AUTO, ComputeType.AUTO, log).device()).isEqualTo(Device.cpu());
        assertThatThrownBy(() -> ComputeTarget.resolve(ComputeDevice.GPU, ComputeType.AUTO, log))
                .isInstanceOf(MexaException.class).hasMessageContaining("sees no GPU");
    }

    @Test
    void autoUsesFloat32OnAGpuAndBfloat16IsOptIn() {
        assumeTrue(Engine.getInstance().getGpuCount() > 0, "no GPU visible");
        assertThat(ComputeTarget.resolve(ComputeDevice.AUTO, ComputeType.AUTO, log))
                .isEqualTo(new ComputeTarget(Device.gpu(), DataType.FLOAT32));
        assertThat(ComputeTarget.resolve(ComputeDevice.GPU, ComputeType.BFLOAT16, log))
                .isEqualTo(new ComputeTarget(Device.gpu(), DataType.BFLOAT16));
    }
}
