package dev.dynagate.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.dynamodb.storage.Durability;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SandboxStorageTest {
    @Test
    void eachChoiceStartsTheSandboxItsWay() {
        Path data = Path.of("/tmp/sandbox-data");
        SandboxOptions kept = SandboxStorage.KEPT.options(4000, data);
        assertThat(kept.dataDir()).isEqualTo(data);
        assertThat(kept.durability()).isEqualTo(Durability.PROCESS);
        assertThat(kept.inMemory()).isFalse();
        SandboxOptions forced = SandboxStorage.FORCED.options(4000, data);
        assertThat(forced.durability()).isEqualTo(Durability.DISK);
        assertThat(forced.inMemory()).isFalse();
        SandboxOptions memory = SandboxStorage.IN_MEMORY.options(4000, data);
        assertThat(memory.inMemory()).isTrue();
        assertThat(memory.port()).isEqualTo(4000);
    }
}
