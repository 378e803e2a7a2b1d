package com.classentra.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountedTest {

    @Test
    void oneIsSingularEverythingElsePlural() {
        assertThat(Counted.of(1, "student", "students")).isEqualTo("1 student");
        assertThat(Counted.of(0, "student", "students")).isEqualTo("0 students");
        assertThat(Counted.of(2, "person", "people")).isEqualTo("2 people");
    }
}
