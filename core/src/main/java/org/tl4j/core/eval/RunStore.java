package org.tl4j.core.eval;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where finished runs are kept, so that an interrupted evaluation resumes without refitting them. The command
 * line keeps them in {@code runs.csv}, appended and flushed after every fit.
 */
public interface RunStore {

    /** A finished run of {@code strategy} on {@code task} with {@code seed}, if there is one. */
    Optional<RunRecord> find(String task, String strategy, long seed);

    /** Records a finished run. */
    void save(RunRecord record);

    /** A store that keeps runs in memory only. */
    static RunStore inMemory() {
        return inMemory(List.of());
    }

    /** An in-memory store preloaded with {@code records}. */
    static RunStore inMemory(Collection<RunRecord> records) {
        Map<String, RunRecord> m = new LinkedHashMap<>();
        for (RunRecord r : records) {
            m.put(r.key(), r);
        }
        return new RunStore() {
            @Override
            public synchronized Optional<RunRecord> find(String task, String strategy, long seed) {
                return Optional.ofNullable(m.get(RunRecord.key(task, strategy, seed)));
            }

            @Override
            public synchronized void save(RunRecord record) {
                m.put(record.key(), record);
            }
        };
    }
}
