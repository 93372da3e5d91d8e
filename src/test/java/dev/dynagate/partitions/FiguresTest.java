package dev.dynagate.partitions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTest {
    @Test
    void compactLabelsKeepTheTicksOfAQuarterStepApart() {
        assertThat(Figures.compact(750)).isEqualTo("750");
        assertThat(Figures.compact(1_000)).isEqualTo("1k");
        assertThat(Figures.compact(1_250)).isEqualTo("1.25k");
        assertThat(Figures.compact(1_500)).isEqualTo("1.5k");
        assertThat(Figures.compact(1_750)).isEqualTo("1.75k");
        assertThat(Figures.compact(2_500)).isEqualTo("2.5k");
        assertThat(Figures.compact(1_200_000)).isEqualTo("1.2M");
        assertThat(Figures.compact(12_500_000)).isEqualTo("12.5M");
        assertThat(Figures.compact(-1_250)).isEqualTo("-1.25k");
    }

    @Test
    void sizesAndCountsAsBefore() {
        assertThat(Figures.count(1_234_567)).isEqualTo("1,234,567");
        assertThat(Figures.bytes(1_536)).isEqualTo("1.5 KB");
        assertThat(Figures.bytes(512)).isEqualTo("512 B");
    }
}
