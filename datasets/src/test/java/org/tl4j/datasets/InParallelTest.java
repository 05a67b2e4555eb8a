package org.tl4j.datasets;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The suites build their domains and tasks in parallel: results in item order, failures as thrown. */
class InParallelTest {

    @Test
    void resultsComeInItemOrder() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        List<Integer> squares = RealDataSuites.inParallel(items, i -> i * i);
        List<Integer> expected = new ArrayList<>();
        for (int i : items) {
            expected.add(i * i);
        }
        assertEquals(expected, squares);
    }

    @Test
    void theFirstFailureInItemOrderIsRethrownUnwrapped() {
        IllegalArgumentException first = new IllegalArgumentException("item 3: bad file");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RealDataSuites.inParallel(List.of(0, 1, 2, 3, 4, 5, 6), i -> {
                    if (i == 3) {
                        throw first;
                    }
                    if (i == 5) {
                        throw new IllegalStateException("item 5");
                    }
                    return i;
                }));
        assertSame(first, e);
        assertEquals("item 3: bad file", e.getMessage());
    }
}
