package dev.enrichment.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.problem.ProblemException;
import org.junit.jupiter.api.Test;

class ProblemTypeTest {

    @Test
    void givesEveryKindOfProblemTheTypeOfItsName() {
        for (ProblemException.Kind kind : ProblemException.Kind.values()) {
            assertThat(ProblemType.valueOf(kind.name()).status())
                    .as(kind.name())
                    .isBetween(400, 599);
        }
    }
}
